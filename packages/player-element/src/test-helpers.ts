import { EVENTS } from './constants.js';
import type { LiveShopElement } from './live-shop.js';
import type { AudienceIntents, ShowEventSource } from './sources/source.js';

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

/**
 * A `<live-shop>` of show "test" playing the live simulator at `origin` with `source`,
 * 800 px wide, its mini-player off (a test page is short: scrolling to the panel would float
 * the video, which the mini-player's own tests cover, over what the test looks at).
 * `setup` runs before it is in the page; resolves once it is ready.
 */
export async function mountLivePlayer(origin: string, source: ShowEventSource, setup: (player: LiveShopElement) => void = () => undefined): Promise<LiveShopElement> {
  const player = document.createElement('live-shop');
  player.show = 'test';
  player.style.width = '800px';
  player.miniPlayer = 'off';
  player.src = `${origin}/hls/live.m3u8`;
  player.source = source;
  setup(player);
  const ready = nextEvent(player, EVENTS.ready, 20_000);
  document.body.append(player);
  await ready;
  return player;
}

/** Intents a relay accepts as asked: the chat message gets `messageId`, the vote its option. */
export function acceptingIntents(messageId: string): Partial<AudienceIntents> {
  return {
    chat: async () => ({ ok: true, messageId }),
    react: async () => ({ ok: true }),
    vote: async (_pollId, optionId) => ({ ok: true, optionId }),
  };
}

// Provided by scripts/test/browser-global-setup.ts (repeated here so the tests type-check on their own).
declare module 'vitest' {
  export interface ProvidedContext {
    simulatorOrigin: string;
  }
}
