import type { LiveShopElement } from './live-shop.js';

let seq = 0;

/** A protocol v1 envelope as the relay would send it; seq numbers are unique per test file. */
export function envelope(type: string, pdt: number, data: unknown): Record<string, unknown> {
  seq++;
  const at = Math.round(pdt);
  return { v: 1, id: `test-${seq}`, show: 'test', seq, type, at, pdt: at, data };
}

export function product(id: string, title = `Product ${id}`): Record<string, unknown> {
  return {
    id,
    handle: id,
    title,
    images: [],
    price: { amount: '19.99', currencyCode: 'USD' },
    variants: [{ id: `${id}-v`, title: 'One size', availableForSale: true }],
  };
}

/** Titles of the product cards on screen, most recent first. */
export function cardTitles(player: LiveShopElement): string[] {
  const stack = player.shadowRoot?.querySelector('live-shop-highlights');
  return [...(stack?.shadowRoot?.querySelectorAll('live-shop-product-card') ?? [])].map((card) => card.product?.title ?? '');
}

/** Resolves with the next event of `type`, or rejects after `timeoutMs`. */
export function nextEvent<K extends keyof HTMLElementEventMap>(target: HTMLElement, type: K, timeoutMs: number): Promise<HTMLElementEventMap[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} event within ${timeoutMs} ms`)), timeoutMs);
    target.addEventListener(
      type,
      (event) => {
        clearTimeout(timer);
        resolve(event);
      },
      { once: true },
    );
  });
}

/** Resolves when `predicate` holds on an animation frame, or rejects after `timeoutMs`. */
export function frameWhere(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (predicate()) resolve();
      else if (performance.now() > deadline) reject(new Error(`condition not met within ${timeoutMs} ms`));
      else requestAnimationFrame(check);
    };
    check();
  });
}

// Provided by scripts/test/browser-global-setup.ts (repeated here so the tests type-check on their own).
declare module 'vitest' {
  export interface ProvidedContext {
    simulatorOrigin: string;
  }
}
