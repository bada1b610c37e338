// <live-shop-cart> with a StorefrontCartAdapter in Chromium, against the Storefront fake
// (Shopify's schema, real cart state, faults on demand) that the browser global setup
// starts on loopback. The viewer's side goes through the drawer's own buttons; the store's
// side is read back from the fake's /__fake/ test controls.
import type { Product } from '@live-shop/protocol';
import type { CartSnapshot, FaultOptions, RequestLog } from '@live-shop/storefront-fake';
import { afterEach, beforeEach, describe, expect, inject, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../define.js';
import type { Cart } from '../commerce-adapter.js';
import type { CartDrawer } from '../cart-drawer/cart-drawer.js';
import { button, lineError, lineOf, part, parts, topError } from '../test-cart-drawer.js';
import { cartStorageKey } from './cart-id-store.js';
import { StorefrontCartAdapter, type StorefrontCartAdapterOptions } from './storefront-cart-adapter.js';
import { MemoryStorage } from './test-memory-storage.js';

declare module 'vitest' {
  export interface ProvidedContext {
    storefrontOrigin: string;
    storefrontStore: { storeDomain: string; publicAccessToken: string; apiVersion: string };
    storefrontProducts: Product[];
  }
}

const origin = inject('storefrontOrigin');
const store = inject('storefrontStore');
const products = inject('storefrontProducts');

function variantId(productTitle: string, variantTitle: string): string {
  const variant = products.find((product) => product.title === productTitle)?.variants.find((candidate) => candidate.title === variantTitle);
  if (!variant) throw new Error(`The fake's catalog has no ${productTitle} in ${variantTitle}; see scripts/test/browser-global-setup.ts.`);
  return variant.id;
}

const SHIRT = 'Linen shirt';
const MUG = 'Stoneware mug';
const shirtM = variantId(SHIRT, 'M');
const shirtL = variantId(SHIRT, 'L'); // 2 in stock
const shirtXL = variantId(SHIRT, 'XL'); // sold out
const mug = variantId(MUG, 'Default Title');
const storageKey = cartStorageKey(store.storeDomain);

/** Quick retries (the policy's shape, shorter waits), so that a spent budget takes a fraction of a second. */
const quickRetry = { attempts: 4, baseDelayMs: 20, maxDelayMs: 1500, budgetMs: 5000 };

async function control<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${origin}/__fake/${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} /__fake/${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const fault = (kind: string, options: FaultOptions = {}) => control('POST', 'faults', { kind, ...options });
const storeCarts = async () => (await control<{ carts: CartSnapshot[] }>('GET', 'carts')).carts;
const requestLog = () => control<RequestLog>('GET', 'requests');

/** The store's quantity of `merchandiseId` in its only cart (0 when it has no such line, or no cart). */
async function storeQuantity(merchandiseId: string): Promise<number> {
  const carts = await storeCarts();
  if (carts.length > 1) throw new Error(`The store has ${carts.length} carts; this test expects one.`);
  return carts[0]?.lines.filter((line) => line.merchandiseId === merchandiseId).reduce((sum, line) => sum + line.quantity, 0) ?? 0;
}

/** How the requests with `rootField` went, in order: 'ok' or the fault each got. */
async function outcomes(rootField: string): Promise<string[]> {
  return (await requestLog()).requests.filter((request) => request.rootFields.includes(rootField)).map((request) => request.outcome);
}

function adapter(options: Partial<StorefrontCartAdapterOptions> = {}): StorefrontCartAdapter {
  return new StorefrontCartAdapter({ ...store, endpoint: origin, retry: quickRetry, ...options });
}

/** A page with the cart open, as after a (re)load: its cart comes from the store. */
async function openCart(cartAdapter: StorefrontCartAdapter = adapter()): Promise<CartDrawer> {
  const cart = document.createElement('live-shop-cart');
  cart.locale = 'en-US';
  cart.adapter = cartAdapter;
  document.body.append(cart);
  await cart.show();
  await expect.poll(() => cart.cart !== undefined && part(cart, 'body')?.getAttribute('aria-busy') === 'false').toBe(true);
  return cart;
}

/** A reload: the page and its adapter go, a new page opens the cart again with a new adapter. */
async function reload(): Promise<CartDrawer> {
  document.body.replaceChildren();
  return openCart();
}

const idle = (cart: CartDrawer) => expect.poll(() => part(cart, 'body')?.getAttribute('aria-busy')).toBe('false');
const quantityOf = (cart: CartDrawer, title: string) => lineOf(cart, title)?.querySelector('input')?.value;

beforeEach(async () => {
  await control('POST', 'reset');
  // Only this store's key: other test files share the origin's localStorage.
  localStorage.removeItem(storageKey);
});

afterEach(() => {
  document.body.replaceChildren(); // drawers (their adapters stop listening) and iframes
  localStorage.removeItem(storageKey);
});

describe('a Shopify cart in the drawer', () => {
  test('added lines show as the store has them; the stepper and remove change the store’s cart', async () => {
    const cart = await openCart();
    expect(part(cart, 'empty')?.textContent).toBe('Your cart is empty.');
    await expect(cart.addLines([{ merchandiseId: shirtM, quantity: 1 }])).resolves.toBe(true);
    await expect(cart.addLines([{ merchandiseId: mug, quantity: 2 }])).resolves.toBe(true);

    const shirt = lineOf(cart, SHIRT)!;
    const image = shirt.querySelector<HTMLImageElement>('img[part="image"]')!;
    expect(image.getAttribute('src')).toBe(`${origin}/images/linen-shirt-m.svg`); // the variant's image
    expect(image.alt).toBe('The linen shirt in M');
    expect(shirt.querySelector('[part="variant"]')?.textContent).toBe('M');
    expect(quantityOf(cart, SHIRT)).toBe('1');
    expect(shirt.querySelector('[part="line-total"]')?.textContent).toBe('$19.99');
    const mugLine = lineOf(cart, MUG)!;
    expect(mugLine.querySelector('[part="variant"]')).toBeNull(); // "Default Title" is no variant
    expect(mugLine.querySelector<HTMLImageElement>('img[part="image"]')?.getAttribute('src')).toBe(`${origin}/images/stoneware-mug.svg`);
    expect(quantityOf(cart, MUG)).toBe('2');
    expect(mugLine.textContent).toContain('$12.50 each');
    expect(mugLine.querySelector('[part="line-total"]')?.textContent).toBe('$25.00'); // "25.0" from the store
    expect(part(cart, 'total')?.textContent).toBe('$44.99');
    expect(part(cart, 'subtotal')).toBeNull(); // no discounts or taxes: the same amount
    expect(await storeCarts()).toMatchObject([{ totalQuantity: 3, subtotal: { amount: '44.99' } }]);

    await userEvent.click(button(cart, `Increase quantity of ${SHIRT}`));
    await expect.poll(() => storeQuantity(shirtM)).toBe(2);
    await expect.poll(() => part(cart, 'total')?.textContent).toBe('$64.98');
    expect(quantityOf(cart, SHIRT)).toBe('2');

    await userEvent.click(button(cart, `Decrease quantity of ${MUG}`));
    await expect.poll(() => storeQuantity(mug)).toBe(1);
    await expect.poll(() => part(cart, 'total')?.textContent).toBe('$52.48');

    await idle(cart);
    await userEvent.click(button(cart, `Remove ${MUG}`));
    await expect.poll(() => storeQuantity(mug)).toBe(0);
    await expect.poll(() => parts(cart, 'line').length).toBe(1);
    expect(part(cart, 'total')?.textContent).toBe('$39.98');
    expect(await storeCarts()).toHaveLength(1);
    expect(part(cart, 'error')).toBeNull();
  });

  test('the cart id is kept in localStorage: after a reload the drawer shows the same cart', async () => {
    const first = await openCart();
    await first.addLines([{ merchandiseId: shirtM, quantity: 2 }]);
    const [made] = await storeCarts();
    expect(JSON.parse(localStorage.getItem(storageKey) ?? 'null')).toMatchObject({ id: made!.id });

    const cart = await reload();
    expect(cart.cart?.id).toBe(made!.id);
    expect(quantityOf(cart, SHIRT)).toBe('2');
    expect(part(cart, 'total')?.textContent).toBe('$39.98');
    expect(await storeCarts()).toHaveLength(1);
    expect((await requestLog()).rootFieldCounts).toMatchObject({ cartCreate: 1, cart: 1 });
  });

  test('a cart the store no longer has (expired): the drawer quietly shows an empty cart, and the next add makes a new one', async () => {
    const first = await openCart();
    await first.addLines([{ merchandiseId: shirtM, quantity: 1 }]);
    const [expired] = await storeCarts();
    await control('POST', 'reset'); // every cart is gone, as after Shopify expires one

    const cart = await reload();
    expect(part(cart, 'empty')?.textContent).toBe('Your cart is empty.');
    expect(part(cart, 'error')).toBeNull();
    expect(localStorage.getItem(storageKey)).toBeNull(); // forgotten, on the store's word

    await expect(cart.addLines([{ merchandiseId: mug, quantity: 1 }])).resolves.toBe(true);
    const carts = await storeCarts();
    expect(carts).toHaveLength(1);
    expect(carts[0]!.id).not.toBe(expired!.id);
    expect(carts[0]!.lines.map((line) => line.merchandiseId)).toEqual([mug]);
    expect(JSON.parse(localStorage.getItem(storageKey) ?? 'null')).toMatchObject({ id: carts[0]!.id });
    expect(parts(cart, 'line').map((line) => line.querySelector('[part="line-title"]')?.textContent)).toEqual([MUG]);
  });

  test('another tab’s changes reach the open drawer, and the drawer’s reach it (localStorage and storage events)', async () => {
    const cart = await openCart();
    await cart.addLines([{ merchandiseId: shirtM, quantity: 1 }]);

    // Another tab of the same shop: a same-origin window with the same localStorage, which
    // gets the storage events of this one's writes (and this one of its), as a tab does.
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const otherWindow = frame.contentWindow!;
    const otherTab = adapter({
      storage: otherWindow.localStorage,
      storageEvents: otherWindow,
      fetchApi: (url, init) => otherWindow.fetch(url, init),
    });
    const heard: Cart[] = [];
    const unsubscribe = otherTab.subscribe((changed) => heard.push(changed));
    try {
      expect((await otherTab.getCart()).id).toBe(cart.cart?.id); // the same cart, from the shared id

      await otherTab.addLines([{ merchandiseId: mug, quantity: 1 }]);
      await expect.poll(() => quantityOf(cart, MUG)).toBe('1');
      expect(part(cart, 'total')?.textContent).toBe('$32.49');
      const shirtLine = (await otherTab.getCart()).lines.find((line) => line.merchandiseId === shirtM)!;
      await otherTab.updateLines([{ id: shirtLine.id, quantity: 3 }]);
      await expect.poll(() => quantityOf(cart, SHIRT)).toBe('3');
      expect(part(cart, 'total')?.textContent).toBe('$72.47');

      await idle(cart);
      await userEvent.click(button(cart, `Remove ${MUG}`));
      await expect.poll(() => heard.at(-1)?.lines.map((line) => line.merchandiseId)).toEqual([shirtM]);
      expect(await storeCarts()).toHaveLength(1);
      expect(part(cart, 'error')).toBeNull();
    } finally {
      unsubscribe();
    }
  });
});

describe('when the store throttles, is slow or is down', () => {
  test('throttled requests (429 and THROTTLED) are tried again and the change lands once', async () => {
    const cart = await openCart();
    await cart.addLines([{ merchandiseId: shirtM, quantity: 1 }]);

    await fault('throttle-429', { retryAfterSeconds: 1 });
    await fault('throttled');
    await userEvent.click(button(cart, `Increase quantity of ${SHIRT}`));
    await expect.poll(() => storeQuantity(shirtM), { timeout: 5000 }).toBe(2);
    await expect.poll(() => quantityOf(cart, SHIRT)).toBe('2');
    expect(await outcomes('cartLinesUpdate')).toEqual(['throttle-429', 'throttled', 'ok']);

    await fault('throttled', { count: 2 });
    await expect(cart.addLines([{ merchandiseId: mug, quantity: 1 }])).resolves.toBe(true);
    expect(await outcomes('cartLinesAdd')).toEqual(['throttled', 'throttled', 'ok']);
    expect(await storeQuantity(mug)).toBe(1);
    expect(part(cart, 'error')).toBeNull();
  });

  test('a double click on + while the store is slow raises the quantity by one; a double Add adds once', async () => {
    const cart = await openCart();
    await cart.addLines([{ merchandiseId: shirtM, quantity: 1 }]);

    await fault('slow', { delayMs: 600 });
    const increase = button(cart, `Increase quantity of ${SHIRT}`);
    let presses = 0;
    increase.addEventListener('click', () => (presses += 1));
    await userEvent.dblClick(increase);
    expect(presses).toBe(2);
    // The drawer takes one change at a time: the second press came while the first was being saved.
    await idle(cart);
    expect(quantityOf(cart, SHIRT)).toBe('2');
    expect(await storeQuantity(shirtM)).toBe(2);
    expect(await outcomes('cartLinesUpdate')).toEqual(['ok']);

    // Once saved, the next press counts.
    await userEvent.click(increase);
    await expect.poll(() => storeQuantity(shirtM)).toBe(3);

    // A product card's Add pressed twice (two addLines calls) while the store is slow: one add.
    await fault('slow', { delayMs: 600 });
    const adds = await Promise.all([cart.addLines([{ merchandiseId: mug, quantity: 1 }]), cart.addLines([{ merchandiseId: mug, quantity: 1 }])]);
    expect(adds).toEqual([true, true]);
    expect(await storeQuantity(mug)).toBe(1);
    expect((await requestLog()).rootFieldCounts['cartLinesAdd']).toBe(1);
    expect(quantityOf(cart, MUG)).toBe('1');
  });

  test('the store down: the message beside the line with Try again, the lines stay; Try again after it is back lands once', async () => {
    const cart = await openCart();
    await cart.addLines([{ merchandiseId: shirtM, quantity: 1 }]);

    await fault('down', { retryAfterSeconds: 0 }); // (its 503s say when to come back: at once, so the tries are quick)
    await userEvent.click(button(cart, `Increase quantity of ${SHIRT}`));
    const shirt = lineOf(cart, SHIRT);
    await expect.poll(() => lineError(shirt)?.textContent).toContain('The store is not answering right now; your cart is safe. Try again in a moment.');
    expect(lineError(shirt)?.getAttribute('role')).toBe('alert');
    expect(topError(cart)).toBeNull();
    expect(parts(cart, 'line')).toHaveLength(1);
    expect(quantityOf(cart, SHIRT)).toBe('1');
    expect(part(cart, 'total')?.textContent).toBe('$19.99');
    // Every try of the policy; after a 503 the store may have made the change, so each next try reads the cart first.
    const refused = (await requestLog()).requests.filter((request) => request.outcome === 'down').map((request) => request.rootFields.join());
    expect(refused).toEqual(['cartLinesUpdate', 'cart', 'cart', 'cart']);

    await control('DELETE', 'faults');
    await userEvent.click(button(shirt!, 'Try again'));
    await expect.poll(() => quantityOf(cart, SHIRT)).toBe('2');
    expect(part(cart, 'error')).toBeNull();
    expect(await storeQuantity(shirtM)).toBe(2);
    expect((await requestLog()).rootFieldCounts['cartLinesUpdate']).toBe(1);
  });

  test('an add while the store is down: the message above the lines; Try again adds once, even though the store may have had it', async () => {
    const cart = await openCart();
    await cart.addLines([{ merchandiseId: shirtM, quantity: 1 }]);

    await fault('down', { retryAfterSeconds: 0 });
    await expect(cart.addLines([{ merchandiseId: mug, quantity: 1 }])).resolves.toBe(false);
    expect(topError(cart)?.textContent).toContain('The store is not answering right now; your cart is safe. Try again in a moment.');
    expect(lineError(lineOf(cart, SHIRT))).toBeNull();
    expect(parts(cart, 'line')).toHaveLength(1);

    await control('DELETE', 'faults');
    await userEvent.click(button(cart, 'Try again'));
    await expect.poll(() => quantityOf(cart, MUG)).toBe('1');
    expect(part(cart, 'error')).toBeNull();
    expect(await storeQuantity(mug)).toBe(1);
    expect((await requestLog()).rootFieldCounts['cartLinesAdd']).toBe(1);
  });
});

describe('what the store says about a line, beside it', () => {
  test('not enough stock: the store lowers the quantity, and the warning is beside its line', async () => {
    const cart = await openCart();
    await cart.addLines([{ merchandiseId: shirtM, quantity: 1 }, { merchandiseId: shirtL, quantity: 1 }]);
    const large = () => parts(cart, 'line').find((line) => line.querySelector('[part="variant"]')?.textContent === 'L');

    // The quantity input asks for 5 of the 2 in stock.
    const input = large()!.querySelector('input')!;
    await userEvent.fill(input, '5');
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await expect.poll(() => large()?.querySelector('[part="warning"]')?.textContent).toBe('Only 2 left, so the quantity is now 2.');
    expect(input.value).toBe('2');
    expect(await storeCarts()).toMatchObject([{ lines: [{ merchandiseId: shirtM, quantity: 1 }, { merchandiseId: shirtL, quantity: 2 }] }]);
    // Beside its own line only, and read out by the live region.
    expect(parts(cart, 'warning')).toHaveLength(1);
    expect(cart.shadowRoot!.querySelector('[role="status"]')?.textContent).toBe('Only 2 left, so the quantity is now 2.');

    // The + at the stock limit: the same warning again, the quantity stays.
    await userEvent.click(button(large()!, `Increase quantity of ${SHIRT}`));
    await idle(cart);
    expect(large()?.querySelector('[part="warning"]')?.textContent).toBe('Only 2 left, so the quantity is now 2.');
    expect(large()?.querySelector('input')?.value).toBe('2');
  });

  test('a sold-out item is not added, and the cart says so above the lines', async () => {
    const cart = await openCart();
    await cart.addLines([{ merchandiseId: mug, quantity: 1 }]);
    await expect(cart.addLines([{ merchandiseId: shirtXL, quantity: 1 }])).resolves.toBe(true);
    await expect.poll(() => topWarnings(cart)).toEqual(['This item is sold out, so it was not added.']);
    expect(parts(cart, 'line')).toHaveLength(1);
    expect(await storeQuantity(shirtXL)).toBe(0);
  });

  test('a change the store refuses (the line was removed on another device): the viewer is told, and the cart shows what is in it now', async () => {
    const cart = await openCart();
    await cart.addLines([{ merchandiseId: shirtM, quantity: 1 }, { merchandiseId: mug, quantity: 1 }]);

    // Another device with the same cart: no shared localStorage, so no storage event here.
    const deviceStorage = new MemoryStorage();
    deviceStorage.setItem(storageKey, localStorage.getItem(storageKey)!);
    const otherDevice = adapter({ storage: deviceStorage, storageEvents: null });
    const mugLineId = (await otherDevice.getCart()).lines.find((line) => line.merchandiseId === mug)!.id;
    await otherDevice.removeLines([mugLineId]);
    expect(lineOf(cart, MUG)).toBeDefined(); // this page has not heard

    await userEvent.click(button(cart, `Increase quantity of ${MUG}`));
    // The drawer reloads the cart: the line is gone, and the message (no longer beside a
    // line) is above the lines, without Try again (the same change would be refused again).
    await expect.poll(() => lineOf(cart, MUG)).toBeUndefined();
    await expect.poll(() => topError(cart)?.textContent).toContain('That item is no longer in your cart');
    expect(topError(cart)?.getAttribute('role')).toBe('alert');
    expect(topError(cart)?.querySelector('[part="retry-button"]')).toBeNull();
    expect(lineError(lineOf(cart, SHIRT))).toBeNull();
    // The store refused it with a user error and changed nothing.
    expect(await outcomes('cartLinesUpdate')).toEqual(['ok']);
    expect(await storeCarts()).toMatchObject([{ lines: [{ merchandiseId: shirtM, quantity: 1 }] }]);
  });

  test('a change on a cart that has expired: the cart empties and says what happened above the lines', async () => {
    const cart = await openCart();
    await cart.addLines([{ merchandiseId: shirtM, quantity: 1 }]);
    await control('POST', 'reset');

    await userEvent.click(button(cart, `Increase quantity of ${SHIRT}`));
    await expect.poll(() => topError(cart)?.textContent).toContain('Your cart had expired, so it is empty now; add the items again.');
    expect(parts(cart, 'line')).toHaveLength(0);
    expect(part(cart, 'empty')?.textContent).toBe('Your cart is empty.');
    expect(localStorage.getItem(storageKey)).toBeNull();

    await expect(cart.addLines([{ merchandiseId: shirtM, quantity: 1 }])).resolves.toBe(true);
    expect(part(cart, 'error')).toBeNull();
    expect(await storeCarts()).toMatchObject([{ lines: [{ merchandiseId: shirtM, quantity: 1 }] }]);
  });
});

/** Warnings not beside any line. */
function topWarnings(cart: CartDrawer): string[] {
  return [...cart.shadowRoot!.querySelectorAll('[part~="body"] > [part~="warning"]')].map((warning) => warning.textContent ?? '');
}
