// The Storefront adapter against the storefront fake: Shopify's real schema and cart rules,
// through the real @shopify/storefront-api-client, with faults injected by the fake.
import { startStorefrontFake, type StorefrontFake } from '@live-shop/storefront-fake';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Cart } from '../commerce-adapter.js';
import { CommerceError } from '../commerce-error.js';
import { CART_WARNINGS } from '../constants.js';
import { StorefrontCartAdapter, type StorefrontCartAdapterOptions } from './storefront-cart-adapter.js';
import type { FetchApi } from './storefront-client.js';
import { defaultStorefrontStrings } from './storefront-strings.js';
import { MemoryStorage } from './test-memory-storage.js';
import { ids, storefrontTestProducts } from './test-storefront-products.js';

let fake: StorefrontFake;
let storage: MemoryStorage;

beforeAll(async () => {
  fake = await startStorefrontFake({ products: storefrontTestProducts });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  storage = new MemoryStorage();
});

/** Quick retries, so that a test of five failures takes milliseconds. */
const quickRetry = { attempts: 4, baseDelayMs: 5, maxDelayMs: 200, budgetMs: 5000 };

function adapter(options: Partial<StorefrontCartAdapterOptions> = {}): StorefrontCartAdapter {
  return new StorefrontCartAdapter({
    storeDomain: fake.storeDomain,
    publicAccessToken: fake.publicAccessToken,
    apiVersion: fake.apiVersion,
    endpoint: fake.origin,
    storage,
    storageEvents: null,
    retry: quickRetry,
    // Tests repeat adds on purpose; the double-click tests turn the dedupe back on.
    dedupeMs: 0,
    ...options,
  });
}

/** What the fake logged: the outcome of each request for `rootField`, in order. */
function outcomes(rootField: string): string[] {
  return fake
    .requests()
    .requests.filter((request) => request.rootFields.includes(rootField))
    .map((request) => request.outcome);
}

const executed = (rootField: string) => fake.requests().rootFieldCounts[rootField] ?? 0;

describe('cart', () => {
  test('starts empty without asking the store, until the first add makes the cart', async () => {
    const cart = adapter();
    expect(await cart.getCart()).toEqual({ id: '', lines: [], totalQuantity: 0, subtotal: { amount: '0.00', currencyCode: 'USD' }, total: { amount: '0.00', currencyCode: 'USD' }, warnings: [] });
    expect(fake.requests().count).toBe(0);

    const added = await cart.addLines([{ merchandiseId: ids.shirtM, quantity: 2, attributes: [{ key: '_live_shop_pdt', value: '1700000000000' }] }]);
    expect(executed('cartCreate')).toBe(1);
    expect(added.id).toMatch(/^gid:\/\/shopify\/Cart\//);
    expect(added.lines).toEqual([
      {
        id: expect.stringMatching(/^gid:\/\/shopify\/CartLine\//),
        merchandiseId: ids.shirtM,
        productId: ids.shirt,
        title: 'Linen shirt',
        variantTitle: 'M',
        selectedOptions: [{ name: 'Size', value: 'M' }],
        image: { url: 'https://cdn.example.com/shirt-m.jpg', altText: 'The shirt in M', width: 400, height: 400 },
        quantity: 2,
        price: { amount: '19.99', currencyCode: 'USD' },
        lineTotal: { amount: '39.98', currencyCode: 'USD' },
        attributes: [{ key: '_live_shop_pdt', value: '1700000000000' }],
      },
    ]);
    expect(added).toMatchObject({ totalQuantity: 2, subtotal: { amount: '39.98', currencyCode: 'USD' }, total: { amount: '39.98', currencyCode: 'USD' }, warnings: [] });
    expect(added.checkoutUrl).toMatch(new RegExp(`^${fake.origin}/cart/c/`));
    expect(await cart.getCart()).toEqual(added);
  });

  test('a second add of the same merchandise merges into its line; other attributes make another line', async () => {
    const cart = adapter();
    const first = await cart.addLines([{ merchandiseId: ids.mugOne, quantity: 1 }]);
    const merged = await cart.addLines([{ merchandiseId: ids.mugOne, quantity: 2 }]);
    expect(executed('cartLinesAdd')).toBe(1);
    expect(merged.lines).toHaveLength(1);
    expect(merged.lines[0]).toMatchObject({ id: first.lines[0]!.id, variantTitle: '', quantity: 3, lineTotal: { amount: '37.50' } });
    expect(merged.lines[0]).not.toHaveProperty('image');

    const split = await cart.addLines([{ merchandiseId: ids.mugOne, quantity: 1, attributes: [{ key: 'show', value: 'spring' }] }]);
    expect(split.lines.map((line) => line.quantity)).toEqual([3, 1]);
    expect(split.totalQuantity).toBe(4);
    expect(split.subtotal.amount).toBe('50.00');
  });

  test('updates and removes lines; quantity 0 removes; checkout gives the cart\'s checkout URL', async () => {
    const cart = adapter();
    await expect(cart.checkout()).rejects.toMatchObject({ code: 'empty_cart' });
    const added = await cart.addLines([{ merchandiseId: ids.shirtM, quantity: 1 }, { merchandiseId: ids.mugOne, quantity: 1 }]);
    const [shirt, mug] = added.lines;
    const updated = await cart.updateLines([{ id: shirt!.id, quantity: 4 }]);
    expect(updated.lines.map((line) => line.quantity)).toEqual([4, 1]);
    expect(updated.subtotal.amount).toBe('92.46');
    const zeroed = await cart.updateLines([{ id: mug!.id, quantity: 0 }]);
    expect(zeroed.lines.map((line) => line.id)).toEqual([shirt!.id]);
    await expect(cart.checkout()).resolves.toEqual({ url: added.checkoutUrl });
    const removed = await cart.removeLines([shirt!.id]);
    expect(removed).toMatchObject({ lines: [], totalQuantity: 0, subtotal: { amount: '0.00' } });
    await expect(cart.checkout()).rejects.toMatchObject({ code: 'empty_cart' });
  });

  test('a refused request changes nothing and says why in plain words', async () => {
    const cart = adapter();
    const before = await cart.addLines([{ merchandiseId: ids.shirtM, quantity: 1 }]);
    await expect(cart.addLines([{ merchandiseId: 'gid://shopify/ProductVariant/999', quantity: 1 }])).rejects.toMatchObject({
      code: 'merchandise_not_found',
      message: defaultStorefrontStrings.merchandiseNotFound,
      retryable: false,
    });
    await expect(cart.updateLines([{ id: 'gid://shopify/CartLine/nope', quantity: 2 }])).rejects.toMatchObject({ code: 'line_not_found' });
    await expect(cart.removeLines(['gid://shopify/CartLine/nope'])).rejects.toMatchObject({ code: 'line_not_found' });
    await expect(cart.addLines([{ merchandiseId: ids.shirtM, quantity: 1.5 }])).rejects.toMatchObject({ code: 'invalid_quantity' });
    await expect(cart.updateLines([{ id: before.lines[0]!.id, quantity: -1 }])).rejects.toMatchObject({ code: 'invalid_quantity' });
    expect(await cart.getCart()).toEqual(before);
  });

  test('returned carts are copies', async () => {
    const cart = adapter();
    const added = await cart.addLines([{ merchandiseId: ids.shirtM, quantity: 1 }]);
    added.lines[0]!.quantity = 99;
    expect((await cart.getCart()).lines[0]!.quantity).toBe(1);
  });

  test('cart attributes (the viewer session) are set when the cart is made, and on a cart from an earlier visit', async () => {
    let session = 's-1';
    const cart = adapter({ attributes: () => [{ key: '_live_shop_session', value: session }] });
    await cart.addLines([{ merchandiseId: ids.mugOne, quantity: 1 }]);
    expect(fake.carts()[0]?.attributes).toEqual([{ key: '_live_shop_session', value: 's-1' }]);
    session = 's-2';
    await cart.addLines([{ merchandiseId: ids.mugOne, quantity: 1 }]);
    expect(fake.carts()[0]?.attributes).toEqual([{ key: '_live_shop_session', value: 's-2' }]);
  });
});

describe('the cart id', () => {
  test('is kept per store and restored by a new adapter (a reload, or another show of the shop)', async () => {
    const first = adapter();
    const added = await first.addLines([{ merchandiseId: ids.shirtM, quantity: 1 }]);
    expect(first.storageKey).toBe(`live-shop:cart:${fake.storeDomain}`);
    expect(JSON.parse(storage.getItem(first.storageKey)!)).toMatchObject({ id: added.id });

    const reloaded = adapter();
    expect(await reloaded.getCart()).toEqual(added);
    const more = await reloaded.addLines([{ merchandiseId: ids.shirtM, quantity: 1 }]);
    expect(more.id).toBe(added.id);
    expect(more.lines[0]!.quantity).toBe(2);
    expect(fake.carts()).toHaveLength(1);

    // Another store has another key: its adapter does not see this cart.
    const other = adapter({ storeDomain: 'other-shop.myshopify.com' });
    expect(other.storageKey).toBe('live-shop:cart:other-shop.myshopify.com');
    expect((await other.getCart()).lines).toEqual([]);
  });

  test('an expired cart is forgotten quietly: the cart is empty, and the next add makes a new one', async () => {
    const cart = adapter();
    const old = await cart.addLines([{ merchandiseId: ids.shirtM, quantity: 1 }]);
    fake.reset(); // the store forgot every cart

    const empty = await cart.getCart();
    expect(empty).toMatchObject({ id: '', lines: [], totalQuantity: 0 });
    expect(storage.getItem(cart.storageKey)).toBeNull();

    const fresh = await cart.addLines([{ merchandiseId: ids.mugOne, quantity: 1 }]);
    expect(fresh.id).not.toBe(old.id);
    expect(fresh.lines.map((line) => line.merchandiseId)).toEqual([ids.mugOne]);
    expect(executed('cartCreate')).toBe(1);
  });

  test('an add to a cart that has expired since it was read makes a new cart with the add in it', async () => {
    const cart = adapter();
    const old = await cart.addLines([{ merchandiseId: ids.shirtM, quantity: 1 }]);
    fake.reset();
    const fresh = await cart.addLines([{ merchandiseId: ids.mugOne, quantity: 2 }]);
    expect(outcomes('cartLinesAdd')).toEqual(['ok']); // answered: no such cart
    expect(fresh.id).not.toBe(old.id);
    expect(fresh.lines.map((line) => [line.merchandiseId, line.quantity])).toEqual([[ids.mugOne, 2]]);
    expect(JSON.parse(storage.getItem(cart.storageKey)!)).toMatchObject({ id: fresh.id });
  });

  test('a change to a line of an expired cart says the cart expired, and subscribers see it empty', async () => {
    const cart = adapter();
    const added = await cart.addLines([{ merchandiseId: ids.shirtM, quantity: 1 }]);
    const heard: Cart[] = [];
    cart.subscribe((value) => heard.push(value));
    fake.reset();
    await expect(cart.updateLines([{ id: added.lines[0]!.id, quantity: 2 }])).rejects.toMatchObject({
      code: 'line_not_found',
      message: defaultStorefrontStrings.cartExpired,
    });
    expect(heard.at(-1)).toMatchObject({ id: '', lines: [] });
    expect(storage.getItem(cart.storageKey)).toBeNull();
  });

  test('another tab\'s new cart, or its change, is followed through the storage event', async () => {
    const events = new EventTarget();
    const tabA = adapter();
    const tabB = adapter({ storageEvents: events });
    const heard: Cart[] = [];
    tabB.subscribe((value) => heard.push(value));
    expect((await tabB.getCart()).lines).toEqual([]);

    /** What the browser does in the other tabs when one tab writes to localStorage. */
    const storageEvent = () => {
      const event = Object.assign(new Event('storage'), { key: tabA.storageKey, newValue: storage.getItem(tabA.storageKey), storageArea: storage });
      events.dispatchEvent(event);
    };
    const made = await tabA.addLines([{ merchandiseId: ids.shirtM, quantity: 1 }]);
    storageEvent();
    await vi.waitFor(() => expect(heard.at(-1)?.id).toBe(made.id));
    expect(heard.at(-1)?.lines).toHaveLength(1);

    await tabA.addLines([{ merchandiseId: ids.mugOne, quantity: 1 }]);
    storageEvent();
    await vi.waitFor(() => expect(heard.at(-1)?.totalQuantity).toBe(2));
    // Tab B now adds to the same cart, not a new one.
    expect((await tabB.addLines([{ merchandiseId: ids.mugOne, quantity: 1 }])).totalQuantity).toBe(3);
    expect(fake.carts()).toHaveLength(1);
  });

  test('without storage the cart id lives in memory', async () => {
    const cart = adapter({ storage: null });
    const added = await cart.addLines([{ merchandiseId: ids.shirtM, quantity: 1 }]);
    expect((await cart.addLines([{ merchandiseId: ids.shirtM, quantity: 1 }])).id).toBe(added.id);
    expect(storage.length).toBe(0);
  });
});

describe('stock', () => {
  test('a quantity beyond the stock is clamped, with a plain warning beside its line', async () => {
    const cart = adapter();
    const added = await cart.addLines([{ merchandiseId: ids.shirtL, quantity: 5 }]);
    expect(added.lines[0]?.quantity).toBe(2);
    expect(added.warnings).toEqual([{ lineId: added.lines[0]!.id, code: CART_WARNINGS.notEnoughStock, message: 'Only 2 left, so the quantity is now 2.' }]);
    // Warnings are about the last change: a reload keeps them, the next change clears them.
    expect((await cart.getCart()).warnings).toEqual(added.warnings);
    expect((await cart.updateLines([{ id: added.lines[0]!.id, quantity: 1 }])).warnings).toEqual([]);
  });

  test('the wording can be translated', async () => {
    const cart = adapter({ strings: { notEnoughStock: 'Il en reste {quantity} : la quantité passe à {quantity}.' } });
    const added = await cart.addLines([{ merchandiseId: ids.shirtL, quantity: 3 }]);
    expect(added.warnings[0]?.message).toBe('Il en reste 2 : la quantité passe à 2.');
  });

  test('a sold-out variant is not added; a line whose stock runs out is taken out', async () => {
    const cart = adapter();
    const soldOut = await cart.addLines([{ merchandiseId: ids.shirtXL, quantity: 1 }]);
    expect(soldOut.lines).toEqual([]);
    expect(soldOut.warnings).toEqual([{ code: CART_WARNINGS.outOfStock, message: 'This item is sold out, so it was not added.' }]);

    const added = await cart.addLines([{ merchandiseId: ids.mugOne, quantity: 1 }]);
    // The title is known when the cart already holds the merchandise.
    fake.setStock(ids.mugOne, 0);
    const again = await cart.addLines([{ merchandiseId: ids.mugOne, quantity: 1 }]);
    expect(again.warnings).toEqual([expect.objectContaining({ code: CART_WARNINGS.outOfStock, message: 'Mug is sold out, so it was not added.' })]);
    const gone = await cart.updateLines([{ id: added.lines[0]!.id, quantity: 2 }]);
    expect(gone.lines).toEqual([]);
    expect(gone.warnings).toEqual([{ code: CART_WARNINGS.outOfStock, message: 'Mug is sold out, so it was removed from your cart.' }]);
  });
});

describe('failures', () => {
  test('429 and THROTTLED are tried again until the store answers (Retry-After respected)', async () => {
    const cart = adapter();
    fake.fault('throttle-429', { count: 2, retryAfterSeconds: 0 });
    const added = await cart.addLines([{ merchandiseId: ids.shirtM, quantity: 1 }]);
    expect(outcomes('cartCreate')).toEqual(['throttle-429', 'throttle-429', 'ok']);

    fake.fault('throttled', { count: 2 });
    const more = await cart.addLines([{ merchandiseId: ids.shirtM, quantity: 1 }]);
    expect(outcomes('cartLinesAdd')).toEqual(['throttled', 'throttled', 'ok']);
    expect(more.lines).toEqual([expect.objectContaining({ id: added.lines[0]!.id, quantity: 2 })]);
  });

  test('waits for Retry-After before trying again', async () => {
    const cart = adapter({ retry: { ...quickRetry, maxDelayMs: 2000 } });
    fake.fault('throttle-429', { count: 1, retryAfterSeconds: 1 });
    const started = Date.now();
    await cart.addLines([{ merchandiseId: ids.shirtM, quantity: 1 }]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(outcomes('cartCreate')).toEqual(['throttle-429', 'ok']);
  });

  test('5xx until the retries are spent: a retryable "unavailable" error, and the cart is still there when the store is back', async () => {
    const cart = adapter();
    const added = await cart.addLines([{ merchandiseId: ids.shirtM, quantity: 1 }]);
    fake.fault('server-error', { count: 20 });
    const error: unknown = await cart.addLines([{ merchandiseId: ids.mugOne, quantity: 1 }]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CommerceError);
    expect(error).toMatchObject({
      code: 'unavailable',
      retryable: true,
      message: 'The store is not answering right now; your cart is safe. Try again in a moment.',
    });
    // The first try was sent, then each retry read the cart first (a 5xx may come after the store acted).
    expect(fake.requests().count).toBeLessThanOrEqual(1 + 1 + 2 * (quickRetry.attempts - 1));
    expect(JSON.parse(storage.getItem(cart.storageKey)!)).toMatchObject({ id: added.id });

    fake.clearFaults();
    expect(await cart.getCart()).toEqual(added);
    const retried = await cart.addLines([{ merchandiseId: ids.mugOne, quantity: 1 }]);
    expect(retried.lines.map((line) => [line.merchandiseId, line.quantity])).toEqual([
      [ids.shirtM, 1],
      [ids.mugOne, 1],
    ]);
  });

  test('a few 5xx, then an answer: the add is made once', async () => {
    const cart = adapter();
    await cart.addLines([{ merchandiseId: ids.shirtM, quantity: 1 }]);
    fake.fault('server-error', { count: 2, status: 503 });
    const added = await cart.addLines([{ merchandiseId: ids.shirtM, quantity: 1 }]);
    expect(added.lines[0]?.quantity).toBe(2);
    expect(executed('cartLinesAdd')).toBe(1);
  });

  test('store down: the change fails and nothing is lost; after it is back, trying again works', async () => {
    const cart = adapter();
    const added = await cart.addLines([{ merchandiseId: ids.shirtM, quantity: 1 }]);
    const heard: Cart[] = [];
    cart.subscribe((value) => heard.push(value));
    fake.fault('down', { retryAfterSeconds: 0 });
    await expect(cart.updateLines([{ id: added.lines[0]!.id, quantity: 3 }])).rejects.toMatchObject({ code: 'unavailable', retryable: true });
    await expect(cart.getCart()).rejects.toMatchObject({ code: 'unavailable' });
    expect(heard).toEqual([]); // nobody was told the cart changed, or emptied
    expect(storage.getItem(cart.storageKey)).not.toBeNull();

    fake.clearFaults();
    const retried = await cart.updateLines([{ id: added.lines[0]!.id, quantity: 3 }]);
    expect(retried.lines.map((line) => [line.id, line.quantity])).toEqual([[added.lines[0]!.id, 3]]);
    expect(retried.id).toBe(added.id);
  });

  test('a store that cannot be reached at all: unavailable, quickly', async () => {
    const closed = await startStorefrontFake({ products: storefrontTestProducts });
    await closed.close();
    const cart = adapter({ endpoint: closed.origin });
    const started = Date.now();
    await expect(cart.addLines([{ merchandiseId: ids.shirtM, quantity: 1 }])).rejects.toMatchObject({ code: 'unavailable', retryable: true });
    expect(Date.now() - started).toBeLessThan(quickRetry.budgetMs);
  });

  test('a wrong access token is not tried again, and says the shop must fix it', async () => {
    const cart = adapter({ publicAccessToken: 'wrong' });
    await expect(cart.addLines([{ merchandiseId: ids.shirtM, quantity: 1 }])).rejects.toMatchObject({
      code: 'invalid_request',
      retryable: false,
      message: defaultStorefrontStrings.misconfigured,
    });
    expect(fake.requests().count).toBe(1);
  });
});

describe('never twice', () => {
  /** A fetch whose answers to `cartLinesAdd` are lost on the way back, after the store applied the add, `times` times. */
  function losingAddAnswers(times: number): FetchApi {
    let left = times;
    return async (url, init) => {
      const response = await fetch(url, init);
      if (left > 0 && typeof init?.body === 'string' && init.body.includes('cartLinesAdd(')) {
        left -= 1;
        await response.arrayBuffer();
        throw new TypeError('fetch failed'); // what a reset connection looks like
      }
      return response;
    };
  }

  test('an add whose answer was lost is not sent again: the cart is read, and it is there', async () => {
    const cart = adapter({ fetchApi: losingAddAnswers(1) });
    await cart.addLines([{ merchandiseId: ids.mugOne, quantity: 1 }]);
    const added = await cart.addLines([{ merchandiseId: ids.shirtM, quantity: 1 }]);
    expect(added.lines.map((line) => [line.merchandiseId, line.quantity])).toEqual([
      [ids.mugOne, 1],
      [ids.shirtM, 1],
    ]);
    expect(executed('cartLinesAdd')).toBe(1);
  });

  test('nor when the viewer presses Try again after it failed', async () => {
    // Dedupe on: a failed add does not swallow the viewer's Try again.
    const cart = adapter({ fetchApi: losingAddAnswers(1), retry: { ...quickRetry, attempts: 1 }, dedupeMs: 500 });
    await cart.addLines([{ merchandiseId: ids.shirtM, quantity: 1 }]);
    await expect(cart.addLines([{ merchandiseId: ids.mugOne, quantity: 1 }])).rejects.toMatchObject({ code: 'unavailable' });
    const retried = await cart.addLines([{ merchandiseId: ids.mugOne, quantity: 1 }]);
    expect(retried.lines.map((line) => [line.merchandiseId, line.quantity])).toEqual([
      [ids.shirtM, 1],
      [ids.mugOne, 1],
    ]);
    expect(executed('cartLinesAdd')).toBe(1);
    // Only the same add is taken for a retry: the next one is sent.
    expect((await cart.addLines([{ merchandiseId: ids.mugOne, quantity: 2 }])).lines[1]?.quantity).toBe(3);
    expect(executed('cartLinesAdd')).toBe(2);
  });

  test('a double click while the store is slow adds once', async () => {
    const cart = adapter({ dedupeMs: 500 }); // the default
    await cart.addLines([{ merchandiseId: ids.mugOne, quantity: 1 }]);
    fake.fault('slow', { delayMs: 300 });
    const line = { merchandiseId: ids.shirtM, quantity: 1 };
    const [first, second] = await Promise.all([cart.addLines([line]), cart.addLines([{ ...line }])]);
    expect(second).toEqual(first);
    expect(first.lines.find((candidate) => candidate.merchandiseId === ids.shirtM)?.quantity).toBe(1);
    expect(executed('cartLinesAdd')).toBe(1);
  });

  test('a double click on the first add makes one cart with one line', async () => {
    const cart = adapter({ dedupeMs: 500 });
    fake.fault('slow', { delayMs: 200 });
    const line = { merchandiseId: ids.shirtM, quantity: 1 };
    await Promise.all([cart.addLines([line]), cart.addLines([line])]);
    expect(executed('cartCreate')).toBe(1);
    expect(fake.carts()).toHaveLength(1);
    expect((await cart.getCart()).lines.map((candidate) => candidate.quantity)).toEqual([1]);
  });

  test('the same add again after another change, or after the cart expired, is not taken for a double click', async () => {
    const cart = adapter({ dedupeMs: 60_000 }); // everything below is "within dedupeMs"
    const line = { merchandiseId: ids.shirtM, quantity: 1 };
    const added = await cart.addLines([line]);
    await cart.removeLines([added.lines[0]!.id]);
    expect((await cart.addLines([line])).lines.map((candidate) => candidate.quantity)).toEqual([1]);
    expect(executed('cartLinesAdd')).toBe(1);

    // The cart expires; a change finds out and forgets it, and the same add makes a new cart.
    const expiredId = (await cart.getCart()).id;
    fake.reset();
    await expect(cart.updateLines([{ id: added.lines[0]!.id, quantity: 2 }])).rejects.toMatchObject({ code: 'line_not_found' });
    const again = await cart.addLines([line]);
    expect(again.id).not.toBe(expiredId);
    expect(again.lines.map((candidate) => [candidate.merchandiseId, candidate.quantity])).toEqual([[ids.shirtM, 1]]);
    expect(fake.carts().map((stored) => stored.id)).toEqual([again.id]);
  });

  test('quick changes run one at a time, in order', async () => {
    const cart = adapter();
    const first = await cart.addLines([{ merchandiseId: ids.mugOne, quantity: 1 }]);
    const lineId = first.lines[0]!.id;
    fake.fault('slow', { delayMs: 100 });
    const results = await Promise.all([
      cart.updateLines([{ id: lineId, quantity: 5 }]),
      cart.addLines([{ merchandiseId: ids.mugOne, quantity: 1 }]),
      cart.updateLines([{ id: lineId, quantity: 2 }]),
      cart.addLines([{ merchandiseId: ids.mugOne, quantity: 1 }]),
    ]);
    expect(results.map((result) => result.lines[0]?.quantity)).toEqual([5, 6, 2, 3]);
    expect(fake.requests().requests.filter((request) => request.operationType === 'mutation').map((request) => request.rootFields[0])).toEqual([
      'cartCreate',
      'cartLinesUpdate',
      'cartLinesAdd',
      'cartLinesUpdate',
      'cartLinesAdd',
    ]);
  });
});

describe('subscribers', () => {
  test('hear every change, and stop when they unsubscribe; a throwing one does not fail the change', async () => {
    const cart = adapter();
    const heard: number[] = [];
    const reported = vi.fn();
    const queue = vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((callback) => {
      try {
        callback();
      } catch (error) {
        reported(error);
      }
    });
    const unsubscribeBroken = cart.subscribe(() => {
      throw new Error('listener bug');
    });
    const unsubscribe = cart.subscribe((value) => heard.push(value.totalQuantity));
    const added = await cart.addLines([{ merchandiseId: ids.shirtM, quantity: 1 }]);
    await cart.updateLines([{ id: added.lines[0]!.id, quantity: 2 }]);
    queue.mockRestore();
    unsubscribeBroken();
    unsubscribe();
    await cart.removeLines([added.lines[0]!.id]);
    expect(heard).toEqual([1, 2]);
    expect(reported).toHaveBeenCalledWith(expect.objectContaining({ message: 'listener bug' }));
  });
});
