import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStorefrontFake, type StorefrontFake } from './index.js';
import { CART_CREATE, clientFor, ids, testProducts, type CartPayload } from './testing/fixtures.js';

let fake: StorefrontFake;

beforeAll(async () => {
  fake = await startStorefrontFake({ products: testProducts, storeName: 'Northwind <Outfitters>' });
});
afterAll(() => fake.close());

describe('checkout page', () => {
  it('lists the lines, quantities, line and cart attributes, with every text escaped', async () => {
    const { data } = await clientFor(fake).request<{ cartCreate: CartPayload }>(CART_CREATE, {
      variables: {
        input: {
          lines: [
            { merchandiseId: ids.socks, quantity: 2, attributes: [{ key: 'note', value: '<img src=x onerror=alert(1)>' }] },
            { merchandiseId: ids.mug, quantity: 3 },
          ],
          attributes: [{ key: 'show', value: 'demo & "friends"' }],
        },
      },
    });
    const cart = data!.cartCreate.cart!;
    const response = await fetch(cart.checkoutUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await response.text();
    expect(html).toContain('<title>Checkout – Northwind &#60;Outfitters&#62;</title>');
    expect(html).toContain('&#60;script&#62;alert(&#34;socks&#34;)&#60;/script&#62; Socks &#38; Co – M');
    expect(html).not.toContain('<script');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).not.toContain('<img');
    expect(html).toContain('demo &#38; &#34;friends&#34;');
    expect(html).toMatch(/<td class="title">Trail Mug<\/td>\s*<td class="quantity">3<\/td>\s*<td class="amount">59\.97 USD<\/td>/);
    expect(html).toContain('<td class="amount subtotal">69.97 USD</td>');
  });

  it('refuses a link with the wrong key, or for no cart', async () => {
    const { data } = await clientFor(fake).request<{ cartCreate: CartPayload }>(CART_CREATE, { variables: { input: { lines: [{ merchandiseId: ids.mug }] } } });
    const url = new URL(data!.cartCreate.cart!.checkoutUrl);
    url.searchParams.set('key', 'wrong');
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(`${fake.origin}/cart/c/c1-nothing`)).status).toBe(404);
  });
});
