import { expect, test, vi } from 'vitest';
import type { Cart } from './commerce-adapter.js';
import { CommerceError } from './commerce-error.js';
import { HostCartAdapter, toCart, type HostCart } from './host-cart-adapter.js';

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });
const hostCart: HostCart = {
  id: 'woo-42',
  lines: [
    { id: 'line-a', title: 'Linen shirt', quantity: 3, price: usd('19.99') },
    { id: 'line-b', title: 'Mug', variantTitle: 'Blue', quantity: 1, price: usd('0.10') },
  ],
  checkoutUrl: 'https://shop.example.com/checkout',
};

test('fills in what the host cart left out, with exact money', () => {
  const cart = toCart(hostCart);
  expect(cart.totalQuantity).toBe(4);
  expect(cart.lines[0]).toMatchObject({ id: 'line-a', merchandiseId: 'line-a', productId: 'line-a', variantTitle: '', lineTotal: usd('59.97'), attributes: [] });
  expect(cart.subtotal).toEqual(usd('60.07'));
  expect(cart.total).toEqual(usd('60.07'));
  expect(toCart({ lines: [], currencyCode: 'EUR' }).total).toEqual({ amount: '0.00', currencyCode: 'EUR' });
});

test('refuses a host line with an impossible quantity, saying which line', () => {
  expect(() => toCart({ lines: [{ id: 'x', title: 'X', quantity: 0, price: usd('1.00') }] })).toThrow(/line "x" has quantity 0/);
});

test('setCart pushes the host cart to every subscriber (the drawer and the badge)', async () => {
  const adapter = new HostCartAdapter();
  const seen: Cart[] = [];
  const unsubscribe = adapter.subscribe((cart) => seen.push(cart));
  adapter.setCart(hostCart);
  expect(seen.map((cart) => cart.totalQuantity)).toEqual([4]);
  expect((await adapter.getCart()).id).toBe('woo-42');
  unsubscribe();
  adapter.setCart({ lines: [] });
  expect(seen).toHaveLength(1);
});

test("the drawer's changes go to the host's handlers, which answer with their cart", async () => {
  let cart: HostCart = hostCart;
  const updateLines = vi.fn((lines: readonly { id: string; quantity: number }[]) => {
    cart = { ...cart, lines: cart.lines.map((line) => ({ ...line, quantity: lines.find((change) => change.id === line.id)?.quantity ?? line.quantity })) };
    return cart;
  });
  const removeLines = vi.fn(async (ids: readonly string[]) => {
    cart = { ...cart, lines: cart.lines.filter((line) => !ids.includes(line.id)) };
    return cart;
  });
  const adapter = new HostCartAdapter({ updateLines, removeLines }, hostCart);
  expect((await adapter.updateLines([{ id: 'line-a', quantity: 1 }])).totalQuantity).toBe(2);
  expect(updateLines).toHaveBeenCalledWith([{ id: 'line-a', quantity: 1 }]);
  expect((await adapter.removeLines(['line-b'])).lines.map((line) => line.id)).toEqual(['line-a']);
});

test('a handler that answers nothing leaves the cart to a later setCart', async () => {
  const adapter = new HostCartAdapter({ addLines: () => undefined });
  const listener = vi.fn();
  adapter.subscribe(listener);
  expect((await adapter.addLines([{ merchandiseId: 'v1', quantity: 1 }])).lines).toEqual([]);
  expect(listener).not.toHaveBeenCalled();
  adapter.setCart(hostCart);
  expect(listener).toHaveBeenCalledOnce();
});

test("a host refusal reaches the viewer in the host's words; the cart is unchanged", async () => {
  const adapter = new HostCartAdapter({ updateLines: () => { throw new Error('Only 2 left in stock.'); } }, hostCart);
  const failure = adapter.updateLines([{ id: 'line-a', quantity: 9 }]);
  await expect(failure).rejects.toBeInstanceOf(CommerceError);
  await expect(failure).rejects.toMatchObject({ code: 'invalid_request', message: 'Only 2 left in stock.' });
  expect((await adapter.getCart()).totalQuantity).toBe(4);
});

test('changes without a handler are refused with what to do instead', async () => {
  const adapter = new HostCartAdapter({}, hostCart);
  await expect(adapter.removeLines(['line-a'])).rejects.toThrow(/remove them in the shop's own cart/);
  await expect(adapter.addLines([{ merchandiseId: 'v', quantity: 1 }])).rejects.toThrow(/Add to cart button/);
});

test("checkout uses the host's handler, else the pushed checkoutUrl; an empty cart cannot check out", async () => {
  expect(await new HostCartAdapter({}, hostCart).checkout()).toEqual({ url: 'https://shop.example.com/checkout' });
  expect(await new HostCartAdapter({ checkout: (cart) => `https://shop.example.com/pay?items=${cart.totalQuantity}` }, hostCart).checkout()).toEqual({ url: 'https://shop.example.com/pay?items=4' });
  await expect(new HostCartAdapter().checkout()).rejects.toMatchObject({ code: 'empty_cart' });
  await expect(new HostCartAdapter({}, { lines: hostCart.lines }).checkout()).rejects.toMatchObject({ code: 'checkout_unavailable' });
});
