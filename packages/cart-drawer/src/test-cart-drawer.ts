// Reading <live-shop-cart> the way a viewer (or a screen reader) finds things in it, for the browser tests.
import type { CartDrawer } from './cart-drawer/cart-drawer.js';

/** The first element with `part` `name` in the cart's shadow root. */
export function part(cart: CartDrawer, name: string): HTMLElement | null {
  return cart.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

export function parts(cart: CartDrawer, name: string): HTMLElement[] {
  return [...cart.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

/** The cart line whose title is `title`. */
export function lineOf(cart: CartDrawer, title: string): HTMLElement | undefined {
  return parts(cart, 'line').find((line) => line.querySelector('[part~="line-title"]')?.textContent === title);
}

/** The failure shown above the lines (not tied to a line), if any. */
export function topError(cart: CartDrawer): HTMLElement | null {
  return cart.shadowRoot!.querySelector<HTMLElement>('[part~="body"] > [part~="error"]');
}

/** The failure shown beside `line`, if any. */
export function lineError(line: HTMLElement | undefined): HTMLElement | null {
  return line?.querySelector<HTMLElement>('[part~="error"]') ?? null;
}

export function button(within: CartDrawer | HTMLElement, name: string): HTMLButtonElement {
  const root = 'shadowRoot' in within && within.shadowRoot ? within.shadowRoot : within;
  const found = [...root.querySelectorAll('button')].find((candidate) => accessibleName(candidate) === name);
  if (!found) throw new Error(`No button named "${name}"`);
  return found;
}

/** The accessible name as far as these controls need it: aria-labelledby, aria-label, then text. */
export function accessibleName(element: Element): string {
  const root = element.getRootNode() as ShadowRoot | Document;
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) return labelledBy.split(/\s+/).map((id) => root.getElementById(id)?.textContent?.trim() ?? '').join(' ').trim();
  return (element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
}

export function nextEvent<K extends keyof HTMLElementEventMap>(target: HTMLElement, name: K): Promise<HTMLElementEventMap[K]> {
  return new Promise((resolve) => target.addEventListener(name, resolve, { once: true }));
}
