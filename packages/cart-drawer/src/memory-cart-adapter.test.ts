import { describe, expect, test, vi } from 'vitest';
import type { Cart } from './commerce-adapter.js';
import { CommerceError } from './commerce-error.js';
import { CART_WARNINGS } from './constants.js';
import { MemoryCartAdapter } from './memory-cart-adapter.js';
import { testLine, testProduct } from './test-products.js';

const shirt = testProduct();
const mug = testProduct({
  id: 'p2',
  handle: 'mug',
  title: 'Mug',
  images: [],
  price: { amount: '0.10', currencyCode: 'USD' },
  variants: [{ id: 'v-mug', title: 'Default', availableForSale: true, price: { amount: '0.20', currencyCode: 'USD' } }],
});

function adapter(options: ConstructorParameters<typeof MemoryCartAdapter>[0] = {}): MemoryCartAdapter {
  return new MemoryCartAdapter({ products: [shirt, mug], id: 'cart-1', ...options });
}

test('starts empty, with zero totals in the catalog currency', async () => {
  const cart = await adapter().getCart();
  expect(cart).toEqual({
    id: 'cart-1',
    lines: [],
    totalQuantity: 0,
    subtotal: { amount: '0.00', currencyCode: 'USD' },
    total: { amount: '0.00', currencyCode: 'USD' },
    warnings: [],
  });
});

test('adds lines with product data and computes exact totals', async () => {
  const cart = await adapter().addLines([
    { merchandiseId: 'v-m', quantity: 2, attributes: [{ key: '_live_shop_pdt', value: '1700000000000' }] },
    { merchandiseId: 'v-mug', quantity: 1 },
  ]);
  expect(cart.lines).toEqual([
    {
      id: 'line-1',
      merchandiseId: 'v-m',
      productId: 'p1',
      title: 'Linen shirt',
      variantTitle: 'M',
      image: shirt.images[0],
      quantity: 2,
      price: { amount: '19.99', currencyCode: 'USD' },
      lineTotal: { amount: '39.98', currencyCode: 'USD' },
      attributes: [{ key: '_live_shop_pdt', value: '1700000000000' }],
    },
    // The variant's own price wins over the product's; no image is no image.
    expect.objectContaining({ id: 'line-2', productId: 'p2', price: { amount: '0.20', currencyCode: 'USD' }, lineTotal: { amount: '0.20', currencyCode: 'USD' } }),
  ]);
  expect(cart.lines[1]).not.toHaveProperty('image');
  expect(cart.totalQuantity).toBe(3);
  expect(cart.subtotal).toEqual({ amount: '40.18', currencyCode: 'USD' });
  expect(cart.total).toEqual(cart.subtotal);
  expect(cart.warnings).toEqual([]);
});

test('a second add of the same merchandise merges into its line', async () => {
  const cart = adapter();
  await cart.addLines([{ merchandiseId: 'v-m', quantity: 1 }]);
  const after = await cart.addLines([{ merchandiseId: 'v-m', quantity: 2 }]);
  expect(after.lines).toHaveLength(1);
  expect(after.lines[0]).toMatchObject({ id: 'line-1', quantity: 3, lineTotal: { amount: '59.97' } });

  // As on Shopify, other attributes make another line (attribute order does not matter).
  const a = [{ key: 'a', value: '1' }, { key: 'b', value: '2' }];
  await cart.addLines([{ merchandiseId: 'v-mug', quantity: 1, attributes: a }]);
  await cart.addLines([{ merchandiseId: 'v-mug', quantity: 1, attributes: [...a].reverse() }]);
  const split = await cart.addLines([{ merchandiseId: 'v-mug', quantity: 1, attributes: [{ key: 'a', value: 'other' }] }]);
  expect(split.lines.map((line) => [line.merchandiseId, line.quantity])).toEqual([['v-m', 3], ['v-mug', 2], ['v-mug', 1]]);
});

test('clamps to the stock left and says so beside the line', async () => {
  const cart = adapter();
  const added = await cart.addLines([{ merchandiseId: 'v-l', quantity: 5 }]);
  expect(added.lines[0]?.quantity).toBe(2);
  expect(added.warnings).toEqual([{ lineId: 'line-1', code: CART_WARNINGS.notEnoughStock, message: 'Only 2 left, so the quantity is now 2.' }]);

  const updated = await cart.updateLines([{ id: 'line-1', quantity: 3 }]);
  expect(updated.lines[0]?.quantity).toBe(2);
  expect(updated.warnings[0]?.code).toBe(CART_WARNINGS.notEnoughStock);

  // The next change that needs no clamp clears the warning: warnings are about the last change.
  const fine = await cart.updateLines([{ id: 'line-1', quantity: 1 }]);
  expect(fine.warnings).toEqual([]);

  // Lines of the same variant with other attributes share the stock.
  const shared = await cart.addLines([{ merchandiseId: 'v-l', quantity: 2, attributes: [{ key: 'k', value: 'v' }] }]);
  expect(shared.lines.map((line) => line.quantity)).toEqual([1, 1]);
  expect(shared.totalQuantity).toBe(2);
});

test('a sold-out variant is not added, with a warning about the cart', async () => {
  const cart = await adapter().addLines([{ merchandiseId: 'v-xl', quantity: 1 }]);
  expect(cart.lines).toEqual([]);
  expect(cart.warnings).toEqual([{ code: CART_WARNINGS.outOfStock, message: 'Linen shirt is sold out, so it was not added.' }]);
});

test('updates and removes lines; quantity 0 removes', async () => {
  const cart = adapter();
  await cart.addLines([{ merchandiseId: 'v-m', quantity: 1 }, { merchandiseId: 'v-mug', quantity: 1 }]);
  const updated = await cart.updateLines([{ id: 'line-1', quantity: 4 }]);
  expect(updated.subtotal.amount).toBe('80.16');
  const zeroed = await cart.updateLines([{ id: 'line-2', quantity: 0 }]);
  expect(zeroed.lines.map((line) => line.id)).toEqual(['line-1']);
  const removed = await cart.removeLines(['line-1']);
  expect(removed.lines).toEqual([]);
  expect(removed.subtotal).toEqual({ amount: '0.00', currencyCode: 'USD' });
  expect(removed.totalQuantity).toBe(0);
});

test('a refused request changes nothing and says why', async () => {
  const cart = adapter();
  await cart.addLines([{ merchandiseId: 'v-m', quantity: 1 }]);
  const before = await cart.getCart();
  await expect(cart.addLines([{ merchandiseId: 'v-mug', quantity: 1 }, { merchandiseId: 'nope', quantity: 1 }])).rejects.toMatchObject({
    code: 'merchandise_not_found',
  });
  await expect(cart.addLines([{ merchandiseId: 'v-m', quantity: 0 }])).rejects.toMatchObject({ code: 'invalid_quantity' });
  await expect(cart.addLines([{ merchandiseId: 'v-m', quantity: 1.5 }])).rejects.toMatchObject({ code: 'invalid_quantity' });
  await expect(cart.updateLines([{ id: 'line-1', quantity: -1 }])).rejects.toMatchObject({ code: 'invalid_quantity' });
  await expect(cart.updateLines([{ id: 'line-9', quantity: 1 }])).rejects.toMatchObject({ code: 'line_not_found' });
  await expect(cart.removeLines(['line-1', 'line-9'])).rejects.toBeInstanceOf(CommerceError);
  expect(await cart.getCart()).toEqual(before);
});

test('another currency cannot join the cart', async () => {
  const euro = testProduct({ id: 'p3', price: { amount: '5.00', currencyCode: 'EUR' }, variants: [{ id: 'v-eur', title: 'One', availableForSale: true }] });
  const cart = adapter({ products: [shirt, euro] });
  await cart.addLines([{ merchandiseId: 'v-m', quantity: 1 }]);
  await expect(cart.addLines([{ merchandiseId: 'v-eur', quantity: 1 }])).rejects.toMatchObject({ code: 'currency_mismatch' });
  expect((await cart.getCart()).lines).toHaveLength(1);
});

test('zero-decimal and three-decimal currencies', async () => {
  const yen = testProduct({ id: 'py', price: { amount: '1500.0', currencyCode: 'JPY' }, variants: [{ id: 'v-y', title: 'One', availableForSale: true }] });
  const dinar = testProduct({ id: 'pk', price: { amount: '1.125', currencyCode: 'KWD' }, variants: [{ id: 'v-k', title: 'One', availableForSale: true }] });
  const yenCart = await new MemoryCartAdapter({ products: [yen] }).addLines([{ merchandiseId: 'v-y', quantity: 3 }]);
  expect(yenCart.total).toEqual({ amount: '4500', currencyCode: 'JPY' });
  const dinarCart = await new MemoryCartAdapter({ products: [dinar] }).addLines([{ merchandiseId: 'v-k', quantity: 3 }]);
  expect(dinarCart.total).toEqual({ amount: '3.375', currencyCode: 'KWD' });
});

test('returned carts are copies', async () => {
  const cart = adapter();
  const first = await cart.addLines([{ merchandiseId: 'v-m', quantity: 1 }]);
  first.lines[0]!.quantity = 99;
  first.lines[0]!.price.amount = '0.01';
  expect((await cart.getCart()).lines[0]).toMatchObject({ quantity: 1, price: { amount: '19.99' } });
});

test('subscribers hear every change, and stop when they unsubscribe', async () => {
  const cart = adapter();
  const heard: Cart[] = [];
  const unsubscribe = cart.subscribe((value) => heard.push(value));
  await cart.addLines([{ merchandiseId: 'v-m', quantity: 1 }]);
  await cart.updateLines([{ id: 'line-1', quantity: 2 }]);
  unsubscribe();
  await cart.removeLines(['line-1']);
  expect(heard.map((value) => value.totalQuantity)).toEqual([1, 2]);
});

test('a throwing subscriber neither fails the change nor silences the others', async () => {
  const cart = adapter();
  // The error is rethrown in a microtask, so it reaches the page's error reporting; catch it here.
  const reported = vi.fn();
  const queue = vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((callback) => {
    try {
      callback();
    } catch (error) {
      reported(error);
    }
  });
  const other = vi.fn();
  cart.subscribe(() => {
    throw new Error('listener bug');
  });
  cart.subscribe(other);
  await expect(cart.addLines([{ merchandiseId: 'v-m', quantity: 1 }])).resolves.toMatchObject({ totalQuantity: 1 });
  queue.mockRestore();
  expect(other).toHaveBeenCalledOnce();
  expect(reported).toHaveBeenCalledWith(expect.objectContaining({ message: 'listener bug' }));
});

describe('host cart', () => {
  test('setCart replaces the cart, recomputes totals and tells subscribers', async () => {
    const cart = adapter();
    const heard = vi.fn();
    cart.subscribe(heard);
    cart.setCart({
      id: 'host-cart',
      lines: [testLine({ id: 'line-1', quantity: 3, lineTotal: { amount: '0', currencyCode: 'USD' } })],
      totalQuantity: 0,
      subtotal: { amount: '0', currencyCode: 'USD' },
      total: { amount: '0', currencyCode: 'USD' },
      warnings: [],
    });
    const pushed = await cart.getCart();
    expect(pushed).toMatchObject({ id: 'host-cart', totalQuantity: 3, subtotal: { amount: '59.97' } });
    expect(heard).toHaveBeenCalledWith(pushed);
    // New lines get ids that the pushed cart does not use.
    const added = await cart.addLines([{ merchandiseId: 'v-mug', quantity: 1 }]);
    expect(new Set(added.lines.map((line) => line.id)).size).toBe(2);
  });
});

describe('checkout', () => {
  test('gives the configured URL, or one made from the cart', async () => {
    const fixed = adapter({ checkoutUrl: 'https://shop.example.com/checkout' });
    await fixed.addLines([{ merchandiseId: 'v-m', quantity: 1 }]);
    await expect(fixed.checkout()).resolves.toEqual({ url: 'https://shop.example.com/checkout' });
    expect((await fixed.getCart()).checkoutUrl).toBe('https://shop.example.com/checkout');

    const made = adapter({ checkoutUrl: (cart) => `https://shop.example.com/cart/${cart.lines.map((line) => `${line.merchandiseId}:${line.quantity}`).join(',')}` });
    await made.addLines([{ merchandiseId: 'v-m', quantity: 2 }]);
    await expect(made.checkout()).resolves.toEqual({ url: 'https://shop.example.com/cart/v-m:2' });
  });

  test('refuses an empty cart, and a cart with no checkout', async () => {
    await expect(adapter({ checkoutUrl: 'https://shop.example.com/checkout' }).checkout()).rejects.toMatchObject({ code: 'empty_cart' });
    const none = adapter();
    await none.addLines([{ merchandiseId: 'v-m', quantity: 1 }]);
    await expect(none.checkout()).rejects.toMatchObject({ code: 'checkout_unavailable', message: expect.stringMatching(/; please tell the shop\.$/) });
  });
});
