import type { StorefrontApiClient } from '@shopify/storefront-api-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStorefrontFake, type StorefrontFake } from './index.js';
import {
  CART_ATTRIBUTES_UPDATE,
  CART_CREATE,
  CART_LINES_ADD,
  CART_LINES_REMOVE,
  CART_LINES_UPDATE,
  CART_QUERY,
  clientFor,
  ids,
  testProducts,
  type Cart,
  type CartPayload,
} from './testing/fixtures.js';

let fake: StorefrontFake;
let client: StorefrontApiClient;

beforeAll(async () => {
  fake = await startStorefrontFake({ products: testProducts, storeName: 'Test Store' });
  client = clientFor(fake);
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

/** Runs a cart mutation and returns its payload, failing on any GraphQL error. */
async function mutate(operation: string, name: string, variables: Record<string, unknown>): Promise<CartPayload> {
  const { data, errors } = await client.request<Record<string, CartPayload>>(operation, { variables });
  expect(errors).toBeUndefined();
  return data![name]!;
}

async function createCart(input: Record<string, unknown>): Promise<Cart> {
  const payload = await mutate(CART_CREATE, 'cartCreate', { input });
  expect(payload.userErrors).toEqual([]);
  return payload.cart!;
}

describe('validation against the real schema', () => {
  it('rejects a deprecated field, naming it and what to use instead', async () => {
    const { data, errors } = await client.request('query ($id: ID!) { cart(id: $id) { id estimatedCost { totalAmount { amount } } } }', {
      variables: { id: 'gid://shopify/Cart/x' },
    });
    expect(data).toBeUndefined();
    expect(errors?.networkStatusCode).toBe(200);
    expect(errors?.graphQLErrors).toEqual([
      { message: 'The field Cart.estimatedCost is deprecated. Use `cost` instead.', locations: [{ line: 1, column: 39 }], extensions: { code: 'deprecated' } },
    ]);
  });

  it('rejects other deprecated fields too (CartCost.totalTaxAmount, ProductVariant.priceV2)', async () => {
    const { errors } = await client.request('{ products(first: 1) { nodes { variants(first: 1) { nodes { priceV2 { amount } } } } } }');
    expect(errors?.graphQLErrors?.[0]?.message).toMatch(/ProductVariant\.priceV2 is deprecated/);
    const tax = await client.request('query ($id: ID!) { cart(id: $id) { cost { totalTaxAmount { amount } } } }', { variables: { id: 'x' } });
    expect(tax.errors?.graphQLErrors?.[0]?.message).toMatch(/CartCost\.totalTaxAmount is deprecated/);
  });

  it('rejects an unknown field, naming it and its type', async () => {
    const { errors } = await client.request('{ products(first: 1) { nodes { id colour } } }');
    expect(errors?.graphQLErrors).toEqual([
      { message: 'Cannot query field "colour" on type "Product".', locations: [{ line: 1, column: 35 }], extensions: { code: 'undefinedField' } },
    ]);
  });

  it('answers a syntax error and a missing argument with HTTP 200 and coded errors', async () => {
    const syntax = await client.request('{ products(first: 1) { nodes { id } }');
    expect(syntax.errors?.networkStatusCode).toBe(200);
    expect(syntax.errors?.graphQLErrors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
    const missing = await client.request('{ cart { id } }');
    expect(missing.errors?.graphQLErrors?.[0]).toMatchObject({ message: expect.stringMatching(/argument "id"/), extensions: { code: 'missingRequiredArguments' } });
  });

  it('refuses a body without a query with 400, as Shopify does', async () => {
    const response = await fetch(fake.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-storefront-access-token': fake.publicAccessToken },
      body: JSON.stringify({ variables: {} }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: { query: 'Required parameter missing or invalid' } });
  });

  it('names a field the fake does not implement instead of answering null', async () => {
    const { data, errors } = await client.request('{ products(first: 1) { nodes { id category { name } } } }');
    expect(data).toEqual({ products: { nodes: [{ id: ids.mugProduct, category: null }] } });
    expect(errors?.graphQLErrors?.[0]).toMatchObject({
      message: expect.stringContaining('does not implement Product.category'),
      path: ['products', 'nodes', 0, 'category'],
      extensions: { code: 'NOT_IMPLEMENTED' },
    });
  });
});

describe('access token', () => {
  it('answers 401 to a wrong token, and to none', async () => {
    const { errors } = await clientFor(fake, 'not-the-token').request('{ products(first: 1) { nodes { id } } }');
    expect(errors?.networkStatusCode).toBe(401);
    const response = await fetch(fake.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ shop { name } }' }) });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
  });
});

describe('catalog queries', () => {
  it('pages products and filters them with a search query', async () => {
    const first = await client.request<{ products: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      '{ products(first: 2) { nodes { id } pageInfo { hasNextPage endCursor } } }',
    );
    expect(first.data?.products.nodes.map((node) => node.id)).toEqual([ids.mugProduct, ids.socksProduct]);
    expect(first.data?.products.pageInfo.hasNextPage).toBe(true);
    const next = await client.request<{ products: { nodes: { id: string }[] } }>('query ($after: String) { products(first: 10, after: $after) { nodes { id } } }', {
      variables: { after: first.data?.products.pageInfo.endCursor },
    });
    expect(next.data?.products.nodes).toHaveLength(3);
    const found = await client.request<{ products: { nodes: { handle: string }[] } }>('{ products(first: 10, query: "vendor:Northwind jacket") { nodes { handle } } }');
    expect(found.data?.products.nodes).toEqual([{ handle: 'field-jacket' }]);
    const unpaged = await client.request('{ products { nodes { id } } }');
    expect(unpaged.errors?.graphQLErrors?.[0]?.message).toBe('you must provide one of first or last');
  });

  it('finds a product by handle and by id, with prices, options and images resolved against the image origin', async () => {
    const query = `query ($handle: String, $id: ID) {
      product(handle: $handle, id: $id) {
        id title availableForSale featuredImage { url altText }
        priceRange { minVariantPrice { amount currencyCode } }
        options { name optionValues { name } }
        variants(first: 5) { nodes { id availableForSale quantityAvailable price { amount } image { url } } }
      }
    }`;
    const byHandle = await client.request<{ product: Record<string, unknown> }>(query, { variables: { handle: 'field-jacket' } });
    expect(byHandle.data?.product).toEqual({
      id: ids.jacketProduct,
      title: 'Field Jacket',
      availableForSale: true,
      featuredImage: { url: `${fake.origin}/products/field-jacket.svg`, altText: 'An olive jacket' },
      priceRange: { minVariantPrice: { amount: '189.0', currencyCode: 'USD' } },
      options: [{ name: 'Size', optionValues: [{ name: 'S' }, { name: 'M' }] }],
      variants: {
        nodes: [
          { id: ids.jacketS, availableForSale: true, quantityAvailable: 2, price: { amount: '189.0' }, image: { url: `${fake.origin}/products/field-jacket.svg` } },
          { id: ids.jacketM, availableForSale: true, quantityAvailable: 5, price: { amount: '189.0' }, image: { url: `${fake.origin}/products/field-jacket.svg` } },
        ],
      },
    });
    const byId = await client.request<{ product: { id: string } }>(query, { variables: { id: ids.jacketProduct } });
    expect(byId.data?.product.id).toBe(ids.jacketProduct);
    const none = await client.request(query, { variables: { handle: 'no-such-thing' } });
    expect(none.data).toEqual({ product: null });
  });

  it('answers nodes(ids) for products and variants, null for unknown ids', async () => {
    const { data } = await client.request('query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on ProductVariant { product { handle } } } }', {
      variables: { ids: [ids.mugProduct, ids.socks, 'gid://shopify/ProductVariant/999'] },
    });
    expect(data).toEqual({
      nodes: [{ __typename: 'Product', id: ids.mugProduct }, { __typename: 'ProductVariant', id: ids.socks, product: { handle: 'script-socks' } }, null],
    });
  });
});

describe('carts', () => {
  it('creates a cart with lines and attributes, with exact money (3 × 19.99 = 59.97)', async () => {
    const cart = await createCart({
      lines: [{ merchandiseId: ids.mug, quantity: 3, attributes: [{ key: '_live_shop_show', value: 'demo' }] }],
      attributes: [{ key: 'source', value: 'live-shop' }],
    });
    expect(cart.id).toMatch(/^gid:\/\/shopify\/Cart\/c1-[0-9a-f]{32}\?key=[0-9a-f]{32}$/);
    expect(cart.checkoutUrl).toMatch(new RegExp(`^${fake.origin}/cart/c/c1-[0-9a-f]{32}\\?key=[0-9a-f]{32}$`));
    expect(cart.totalQuantity).toBe(3);
    expect(cart.attributes).toEqual([{ key: 'source', value: 'live-shop' }]);
    expect(cart.cost).toEqual({ subtotalAmount: { amount: '59.97', currencyCode: 'USD' }, totalAmount: { amount: '59.97', currencyCode: 'USD' } });
    const [line] = cart.lines.nodes;
    expect(line).toMatchObject({
      id: expect.stringMatching(/^gid:\/\/shopify\/CartLine\//),
      quantity: 3,
      attributes: [{ key: '_live_shop_show', value: 'demo' }],
      cost: { totalAmount: { amount: '59.97', currencyCode: 'USD' }, amountPerQuantity: { amount: '19.99', currencyCode: 'USD' }, compareAtAmountPerQuantity: { amount: '24.99', currencyCode: 'USD' } },
      merchandise: { id: ids.mug, title: 'Default Title', image: { url: `${fake.origin}/products/trail-mug.svg` }, product: { title: 'Trail Mug' } },
    });
    const read = await client.request<{ cart: Cart }>(CART_QUERY, { variables: { id: cart.id } });
    expect(read.data?.cart).toEqual(cart);
  });

  it('merges the same merchandise with the same attributes into one line, and keeps different attributes apart', async () => {
    const cart = await createCart({ lines: [{ merchandiseId: ids.mug, quantity: 1, attributes: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] }] });
    const added = await mutate(CART_LINES_ADD, 'cartLinesAdd', {
      cartId: cart.id,
      lines: [
        { merchandiseId: ids.mug, quantity: 2, attributes: [{ key: 'b', value: '2' }, { key: 'a', value: '1' }] },
        { merchandiseId: ids.mug, quantity: 1 },
      ],
    });
    expect(added.userErrors).toEqual([]);
    expect(added.warnings).toEqual([]);
    const lines = added.cart!.lines.nodes;
    expect(lines.map((line) => [line.id === cart.lines.nodes[0]!.id, line.quantity])).toEqual([
      [true, 3],
      [false, 1],
    ]);
    expect(added.cart!.totalQuantity).toBe(4);
    expect(fake.requests().rootFieldCounts).toMatchObject({ cartCreate: 1, cartLinesAdd: 1 });
  });

  it('updates quantities and removes a line at quantity 0', async () => {
    const cart = await createCart({ lines: [{ merchandiseId: ids.mug, quantity: 1 }, { merchandiseId: ids.sticker, quantity: 4 }] });
    const [mugLine, stickerLine] = cart.lines.nodes;
    const updated = await mutate(CART_LINES_UPDATE, 'cartLinesUpdate', {
      cartId: cart.id,
      lines: [
        { id: mugLine!.id, quantity: 5 },
        { id: stickerLine!.id, quantity: 0 },
      ],
    });
    expect(updated.userErrors).toEqual([]);
    expect(updated.cart!.lines.nodes.map((line) => [line.id, line.quantity])).toEqual([[mugLine!.id, 5]]);
    expect(updated.cart!.cost.subtotalAmount.amount).toBe('99.95');
  });

  it('removes lines by id', async () => {
    const cart = await createCart({ lines: [{ merchandiseId: ids.mug }, { merchandiseId: ids.sticker, quantity: 3 }] });
    const removed = await mutate(CART_LINES_REMOVE, 'cartLinesRemove', { cartId: cart.id, lineIds: [cart.lines.nodes[0]!.id] });
    expect(removed.userErrors).toEqual([]);
    expect(removed.cart!.lines.nodes.map((line) => line.merchandise.id)).toEqual([ids.sticker]);
    expect(removed.cart!.cost.totalAmount.amount).toBe('4.5');
  });

  it('replaces the cart attributes', async () => {
    const cart = await createCart({ attributes: [{ key: 'a', value: '1' }] });
    const updated = await mutate(CART_ATTRIBUTES_UPDATE, 'cartAttributesUpdate', { cartId: cart.id, attributes: [{ key: 'show', value: 'demo' }] });
    expect(updated.cart!.attributes).toEqual([{ key: 'show', value: 'demo' }]);
  });

  it('clamps a quantity beyond the stock, with a MERCHANDISE_NOT_ENOUGH_STOCK warning on the line', async () => {
    const created = await mutate(CART_CREATE, 'cartCreate', { input: { lines: [{ merchandiseId: ids.socks, quantity: 5 }] } });
    const line = created.cart!.lines.nodes[0]!;
    expect(line.quantity).toBe(3);
    expect(created.warnings).toEqual([{ code: 'MERCHANDISE_NOT_ENOUGH_STOCK', message: expect.stringContaining('Only 3'), target: line.id }]);

    const updated = await mutate(CART_LINES_UPDATE, 'cartLinesUpdate', { cartId: created.cart!.id, lines: [{ id: line.id, quantity: 2 }] });
    expect(updated.warnings).toEqual([]);
    const added = await mutate(CART_LINES_ADD, 'cartLinesAdd', { cartId: created.cart!.id, lines: [{ merchandiseId: ids.socks, quantity: 2 }] });
    expect(added.cart!.lines.nodes[0]!.quantity).toBe(3);
    expect(added.warnings.map((warning) => [warning.code, warning.target])).toEqual([['MERCHANDISE_NOT_ENOUGH_STOCK', line.id]]);
  });

  it('does not add sold-out merchandise, with a MERCHANDISE_OUT_OF_STOCK warning', async () => {
    const created = await mutate(CART_CREATE, 'cartCreate', { input: { lines: [{ merchandiseId: ids.cap, quantity: 1 }, { merchandiseId: ids.mug, quantity: 1 }] } });
    expect(created.userErrors).toEqual([]);
    expect(created.cart!.lines.nodes.map((line) => line.merchandise.id)).toEqual([ids.mug]);
    expect(created.warnings).toEqual([{ code: 'MERCHANDISE_OUT_OF_STOCK', message: expect.stringContaining('Sold Out Cap'), target: ids.cap }]);

    fake.setStock(ids.mug, 0);
    const added = await mutate(CART_LINES_ADD, 'cartLinesAdd', { cartId: created.cart!.id, lines: [{ merchandiseId: ids.mug, quantity: 1 }] });
    expect(added.warnings.map((warning) => warning.code)).toEqual(['MERCHANDISE_OUT_OF_STOCK']);
    expect(added.cart!.lines.nodes).toHaveLength(1);
  });

  it('answers an unknown cart with cart: null, and an INVALID cartId user error to mutations', async () => {
    const query = await client.request(CART_QUERY, { variables: { id: 'gid://shopify/Cart/c1-nope?key=nope' } });
    expect(query.errors).toBeUndefined();
    expect(query.data).toEqual({ cart: null });
    const added = await mutate(CART_LINES_ADD, 'cartLinesAdd', { cartId: 'gid://shopify/Cart/c1-nope?key=nope', lines: [{ merchandiseId: ids.mug }] });
    expect(added).toEqual({ cart: null, userErrors: [{ field: ['cartId'], message: 'The specified cart does not exist.', code: 'INVALID' }], warnings: [] });
  });

  it('refuses an unknown line id or merchandise with an INVALID user error and changes nothing', async () => {
    const cart = await createCart({ lines: [{ merchandiseId: ids.mug, quantity: 2 }] });
    const updated = await mutate(CART_LINES_UPDATE, 'cartLinesUpdate', {
      cartId: cart.id,
      lines: [
        { id: cart.lines.nodes[0]!.id, quantity: 1 },
        { id: 'gid://shopify/CartLine/nope', quantity: 1 },
      ],
    });
    expect(updated.userErrors).toEqual([{ field: ['lines', '1', 'id'], message: 'The merchandise line with id gid://shopify/CartLine/nope does not exist.', code: 'INVALID' }]);
    expect(updated.cart!.lines.nodes[0]!.quantity).toBe(2);
    const removed = await mutate(CART_LINES_REMOVE, 'cartLinesRemove', { cartId: cart.id, lineIds: ['gid://shopify/CartLine/nope'] });
    expect(removed.userErrors).toEqual([{ field: ['lineIds', '0'], message: expect.stringContaining('does not exist'), code: 'INVALID' }]);
    const unknown = await mutate(CART_CREATE, 'cartCreate', { input: { lines: [{ merchandiseId: 'gid://shopify/ProductVariant/404' }] } });
    expect(unknown).toEqual({ cart: null, userErrors: [{ field: ['input', 'lines', '0', 'merchandiseId'], message: expect.stringContaining('does not exist'), code: 'INVALID' }], warnings: [] });
  });

  it('follows price changes in existing carts', async () => {
    const cart = await createCart({ lines: [{ merchandiseId: ids.mug, quantity: 2 }] });
    fake.setPrice(ids.mug, '17.49', null);
    const read = await client.request<{ cart: Cart }>(CART_QUERY, { variables: { id: cart.id } });
    expect(read.data?.cart.cost.totalAmount.amount).toBe('34.98');
    expect(read.data?.cart.lines.nodes[0]?.cost.compareAtAmountPerQuantity).toBeNull();
    expect(fake.carts()).toEqual([expect.objectContaining({ id: cart.id, totalQuantity: 2, subtotal: { amount: '34.98', currencyCode: 'USD' } })]);
  });

  it('updates the note and buyer identity, refuses inputs the fake does not model, and finds a cart by node id', async () => {
    const cart = await createCart({ buyerIdentity: { countryCode: 'CA' } });
    const payload = 'cart { id note buyerIdentity { countryCode email } } userErrors { field code message }';
    const note = await client.request<{ cartNoteUpdate: { cart: { note: string } } }>(`mutation ($id: ID!) { cartNoteUpdate(cartId: $id, note: "Gift <wrap>") { ${payload} } }`, {
      variables: { id: cart.id },
    });
    expect(note.data?.cartNoteUpdate.cart.note).toBe('Gift <wrap>');
    const identity = await client.request(`mutation ($id: ID!) { cartBuyerIdentityUpdate(cartId: $id, buyerIdentity: {email: "a@example.com"}) { ${payload} } }`, {
      variables: { id: cart.id },
    });
    expect(identity.data).toEqual({
      cartBuyerIdentityUpdate: { cart: { id: cart.id, note: 'Gift <wrap>', buyerIdentity: { countryCode: 'CA', email: 'a@example.com' } }, userErrors: [] },
    });
    const discount = await mutate(CART_CREATE, 'cartCreate', { input: { discountCodes: ['SAVE10'] } });
    expect(discount).toEqual({ cart: null, userErrors: [{ field: ['input', 'discountCodes'], message: expect.stringContaining('does not support `discountCodes`'), code: 'INVALID' }], warnings: [] });
    const node = await client.request('query ($id: ID!) { node(id: $id) { __typename id } }', { variables: { id: cart.id } });
    expect(node.data).toEqual({ node: { __typename: 'Cart', id: cart.id } });
  });
});

describe('connections', () => {
  it('page from the end with last/before, sort by title and reverse', async () => {
    type Page = { products: { nodes: { handle: string }[]; pageInfo: { hasPreviousPage: boolean; startCursor: string } } };
    const last = await client.request<Page>('{ products(last: 2) { nodes { handle } pageInfo { hasPreviousPage startCursor } } }');
    expect(last.data?.products.nodes.map((node) => node.handle)).toEqual(['sticker', 'field-jacket']);
    expect(last.data?.products.pageInfo.hasPreviousPage).toBe(true);
    const before = await client.request<Page>('query ($before: String) { products(last: 1, before: $before) { nodes { handle } } }', {
      variables: { before: last.data?.products.pageInfo.startCursor },
    });
    expect(before.data?.products.nodes.map((node) => node.handle)).toEqual(['sold-out-cap']);
    const sorted = await client.request<Page>('{ products(first: 10, sortKey: TITLE, reverse: true) { nodes { handle } } }');
    expect(sorted.data?.products.nodes.map((node) => node.handle)).toEqual(['trail-mug', 'sticker', 'sold-out-cap', 'field-jacket', 'script-socks']);
  });
});
