// Every GraphQL document the adapter sends, checked against Shopify's schema by the
// storefront fake, which refuses unknown and deprecated fields alike.
import { startStorefrontFake, type StorefrontFake } from '@live-shop/storefront-fake';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { STOREFRONT_DOCUMENTS } from './queries.js';
import { StorefrontClient } from './storefront-client.js';
import { ids, storefrontTestProducts } from './test-storefront-products.js';

let fake: StorefrontFake;
let client: StorefrontClient;

beforeAll(async () => {
  fake = await startStorefrontFake({ products: storefrontTestProducts });
  client = new StorefrontClient({ storeDomain: fake.storeDomain, publicAccessToken: fake.publicAccessToken, apiVersion: fake.apiVersion, endpoint: fake.origin });
});
afterAll(() => fake.close());

const missingCart = 'gid://shopify/Cart/c1-missing?key=none';

/** Variables of the right types for each document (what they do to the cart does not matter here). */
const variables: Record<keyof typeof STOREFRONT_DOCUMENTS, Record<string, unknown>> = {
  CART_QUERY: { id: missingCart },
  CART_CREATE: { input: { lines: [{ merchandiseId: ids.mugOne, quantity: 1 }], attributes: [{ key: '_live_shop_session', value: 's' }] } },
  CART_LINES_ADD: { cartId: missingCart, lines: [{ merchandiseId: ids.mugOne, quantity: 1, attributes: [{ key: 'k', value: 'v' }] }] },
  CART_LINES_UPDATE: { cartId: missingCart, lines: [{ id: 'gid://shopify/CartLine/x', quantity: 2 }] },
  CART_LINES_REMOVE: { cartId: missingCart, lineIds: ['gid://shopify/CartLine/x'] },
  CART_ATTRIBUTES_UPDATE: { cartId: missingCart, attributes: [{ key: 'k', value: 'v' }] },
  PRODUCTS_QUERY: { ids: [ids.shirt, ids.mug] },
};

test.each(Object.entries(STOREFRONT_DOCUMENTS))('%s is valid against the 2026-04 schema, with no deprecated field', async (name, document) => {
  fake.reset();
  // requestOnce rejects on any GraphQL error, validation errors included.
  await expect(client.requestOnce(document, variables[name as keyof typeof STOREFRONT_DOCUMENTS])).resolves.toBeTypeOf('object');
  expect(fake.requests().requests.map((request) => request.outcome)).toEqual(['ok']);
});

test('the guard works: a deprecated field is refused, and the viewer gets a plain error', async () => {
  fake.reset();
  const deprecated = 'query ($id: ID!) { cart(id: $id) { id estimatedCost { totalAmount { amount } } } }';
  await expect(client.requestOnce(deprecated, { id: missingCart })).rejects.toMatchObject({
    code: 'invalid_request',
    retryable: false,
    cause: { graphQLErrors: [expect.objectContaining({ extensions: { code: 'deprecated' } })] },
  });
  expect(fake.requests().requests.map((request) => request.outcome)).toEqual(['invalid']);
});

test('cart documents share one fragment, so every change answers with the same cart', () => {
  for (const [name, document] of Object.entries(STOREFRONT_DOCUMENTS)) {
    if (name === 'PRODUCTS_QUERY') continue;
    expect(document).toContain('...LiveShopCart');
    expect(document).toContain('fragment LiveShopCart on Cart');
  }
});
