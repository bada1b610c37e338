import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStorefrontFake, type StorefrontFake } from './index.js';
import { CART_CREATE, clientFor, ids, testProducts } from './testing/fixtures.js';

let fake: StorefrontFake;

beforeAll(async () => {
  fake = await startStorefrontFake({ products: testProducts });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const SHOP = '{ shop { name } }';

/** Sends a GraphQL request with fetch, to see the raw status, headers and body. */
async function post(query = SHOP): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(fake.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-storefront-access-token': fake.publicAccessToken },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const control = (path: string, body?: unknown, method = 'POST') =>
  fetch(`${fake.origin}/__fake/${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

describe('faults', () => {
  it('throttle-429: HTTP 429 with Retry-After for the next `count` requests, then normal answers', async () => {
    fake.fault('throttle-429', { count: 2, retryAfterSeconds: 2 });
    for (let i = 0; i < 2; i += 1) {
      const answer = await post();
      expect(answer.status).toBe(429);
      expect(answer.headers.get('retry-after')).toBe('2');
      expect(answer.body).toEqual({ errors: expect.any(String) });
    }
    expect((await post()).status).toBe(200);
  });

  it('throttle-429 is retried by the real client when it is told to retry', async () => {
    fake.fault('throttle-429', { retryAfterSeconds: 0 });
    const { data, errors } = await clientFor(fake, fake.publicAccessToken, 1).request<{ shop: { name: string } }>(SHOP);
    expect(errors).toBeUndefined();
    expect(data?.shop.name).toBe('Live Shop Demo');
    expect(fake.requests().requests.map((request) => request.outcome)).toEqual(['throttle-429', 'ok']);
  });

  it('throttled: HTTP 200 with a THROTTLED error, as Shopify answers a spent cost budget', async () => {
    fake.fault('throttled');
    const { data, errors } = await clientFor(fake).request(SHOP);
    expect(data).toBeUndefined();
    expect(errors?.networkStatusCode).toBe(200);
    expect(errors?.graphQLErrors).toEqual([{ message: 'Throttled', extensions: { code: 'THROTTLED' } }]);
  });

  it('server-error: HTTP 502 by default, or the status asked for', async () => {
    fake.fault('server-error');
    fake.fault('server-error', { status: 503 });
    expect((await post()).status).toBe(502);
    expect((await post()).status).toBe(503);
    expect((await post()).status).toBe(200);
  });

  it('slow: the normal answer, delayMs later', async () => {
    fake.fault('slow', { delayMs: 300 });
    const started = performance.now();
    const answer = await post();
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(answer).toMatchObject({ status: 200, body: { data: { shop: { name: 'Live Shop Demo' } } } });
  });

  it('down: 503 for every request, checkout pages included, until cleared', async () => {
    const { data } = await clientFor(fake).request<{ cartCreate: { cart: { checkoutUrl: string } } }>(CART_CREATE, {
      variables: { input: { lines: [{ merchandiseId: ids.mug }] } },
    });
    const checkoutUrl = data!.cartCreate.cart.checkoutUrl;
    fake.fault('down');
    expect((await post()).status).toBe(503);
    expect((await post()).status).toBe(503);
    expect((await fetch(checkoutUrl)).status).toBe(503);
    fake.clearFaults();
    expect((await post()).status).toBe(200);
    expect((await fetch(checkoutUrl)).status).toBe(200);
  });

  it('refuses a fault it does not know', () => {
    expect(() => fake.fault('flaky' as 'slow')).toThrow(/not a fault kind/);
    expect(() => fake.fault('slow', { count: 0 })).toThrow(/count/);
  });
});

describe('control routes over HTTP', () => {
  it('queue, list and clear faults', async () => {
    const queued = await control('faults', { kind: 'server-error', count: 2, status: 500 });
    expect(queued.status).toBe(200);
    expect(await queued.json()).toEqual({ faults: [{ kind: 'server-error', remaining: 2, delayMs: 0, status: 500, retryAfterSeconds: 1 }] });
    expect((await post()).status).toBe(500);
    await control('faults', { kind: 'down' });
    expect((await post()).status).toBe(503);
    expect((await control('faults', undefined, 'DELETE')).status).toBe(200);
    expect((await post()).status).toBe(200);
    const bad = await control('faults', { kind: 'flaky' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'invalid_request', message: expect.stringContaining('kind must be one of') } });
  });

  it('set stock and price, inspect carts and the request log, and reset', async () => {
    expect((await control('stock', { merchandiseId: ids.mug, quantity: 1 })).status).toBe(200);
    expect((await control('price', { merchandiseId: ids.mug, amount: '9.99', compareAtAmount: '12.00' })).status).toBe(200);
    const client = clientFor(fake);
    const created = await client.request<{ cartCreate: { warnings: { code: string }[] } }>(CART_CREATE, {
      variables: { input: { lines: [{ merchandiseId: ids.mug, quantity: 2 }] } },
    });
    expect(created.data?.cartCreate.warnings.map((warning) => warning.code)).toEqual(['MERCHANDISE_NOT_ENOUGH_STOCK']);

    const carts = (await (await control('carts', undefined, 'GET')).json()) as { carts: unknown[] };
    expect(carts.carts).toEqual([expect.objectContaining({ totalQuantity: 1, subtotal: { amount: '9.99', currencyCode: 'USD' } })]);
    const log = await (await control('requests', undefined, 'GET')).json();
    expect(log).toEqual({
      count: 1,
      requests: [{ operationName: 'CartCreate', operationType: 'mutation', rootFields: ['cartCreate'], outcome: 'ok' }],
      rootFieldCounts: { cartCreate: 1 },
    });

    expect((await control('reset')).status).toBe(200);
    expect(fake.carts()).toEqual([]);
    expect(fake.requests().count).toBe(0);
    const restored = await client.request<{ node: { quantityAvailable: number; price: { amount: string } } }>(
      'query ($id: ID!) { node(id: $id) { ... on ProductVariant { quantityAvailable price { amount } } } }',
      { variables: { id: ids.mug } },
    );
    expect(restored.data?.node).toEqual({ quantityAvailable: 10, price: { amount: '19.99' } });
  });

  it('refuse bad input with a clear 400', async () => {
    const unknown = await control('stock', { merchandiseId: 'gid://shopify/ProductVariant/404', quantity: 1 });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ error: { code: 'invalid_request', message: expect.stringContaining('No variant') } });
    expect((await control('price', { merchandiseId: ids.mug, amount: '1.005' })).status).toBe(400);
    expect((await control('stock', { merchandiseId: ids.mug, quantity: -1 })).status).toBe(400);
    expect((await fetch(`${fake.origin}/__fake/stock`, { method: 'POST', body: 'not json' })).status).toBe(400);
    expect((await control('nothing-here', undefined, 'GET')).status).toBe(404);
  });
});
