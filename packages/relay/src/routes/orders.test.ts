import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_KEY, bearer, createFixture, type Fixture } from '../testing/relay-fixture.js';
import { HAT_PDT, ORDER_CREATED_AT, ORDER_ID, SHIRT_PDT, SHOP_DOMAIN, SHOPIFY_SECRET, postShopifyOrder, shopifyOrderVariant } from '../testing/shopify-webhooks.js';
import type { ShowOrders } from '../shopify/show-orders.js';

let fixture: Fixture;
afterEach(() => fixture.relay.close());

async function relayWithOrder(): Promise<void> {
  fixture = createFixture({ shopifyWebhookSecret: SHOPIFY_SECRET });
  await fixture.createShow('spring-drop');
  await fixture.createShow('autumn-drop');
  expect((await postShopifyOrder(fixture)).statusCode).toBe(200);
}

function getOrders(show: string, headers: Record<string, string> = {}) {
  return fixture.request({ method: 'GET', url: `/v1/shows/${show}/orders`, headers });
}

describe('GET /v1/shows/:id/orders', () => {
  it("answers the show's purchases, totals per currency and sales per product moment", async () => {
    await relayWithOrder();
    // A second order: two more shirts bought at the same moment, in euros from another shop.
    const second = shopifyOrderVariant((order) => {
      order.id = 6012458795299;
      order.admin_graphql_api_id = 'gid://shopify/Order/6012458795299';
      order.name = '#1043';
      order.currency = 'EUR';
      order.line_items[0].quantity = 2;
      order.line_items[0].discount_allocations = [];
      order.line_items.splice(1, 2);
    });
    expect((await postShopifyOrder(fixture, second, { webhookId: 'second-delivery' })).json()).toMatchObject({ outcome: 'recorded' });
    const token = await fixture.token('spring-drop', 'producer');
    const response = await getOrders('spring-drop', bearer(token));
    expect(response.statusCode).toBe(200);
    const body = response.json() as ShowOrders;
    expect(body.show).toBe('spring-drop');
    expect(body.orders).toHaveLength(3);
    expect(body.orders[0]).toEqual({
      orderId: ORDER_ID,
      orderName: '#1042',
      shopDomain: SHOP_DOMAIN,
      createdAt: ORDER_CREATED_AT,
      currency: 'USD',
      show: 'spring-drop',
      pdt: SHIRT_PDT,
      mode: 'live',
      session: 's-7f3a9c21',
      productId: 'gid://shopify/Product/7523064180101',
      variantId: 'gid://shopify/ProductVariant/42611738804421',
      title: 'Linen shirt',
      quantity: 3,
      price: '19.99',
      revenue: '54.97',
    });
    expect(body.totals).toEqual({
      orders: 2,
      units: 6,
      revenue: [
        { amount: '39.98', currencyCode: 'EUR' },
        { amount: '79.97', currencyCode: 'USD' },
      ],
      unattributedUnits: 2,
    });
    expect(body.moments).toEqual([
      {
        pdt: SHIRT_PDT,
        productId: 'gid://shopify/Product/7523064180101',
        units: 5,
        revenue: [
          { amount: '39.98', currencyCode: 'EUR' },
          { amount: '54.97', currencyCode: 'USD' },
        ],
      },
      { pdt: HAT_PDT, productId: 'gid://shopify/Product/7523064212869', units: 1, revenue: [{ amount: '25.00', currencyCode: 'USD' }] },
    ]);
  });

  it('answers the admin key too', async () => {
    await relayWithOrder();
    const response = await getOrders('spring-drop', bearer(ADMIN_KEY));
    expect(response.statusCode).toBe(200);
    expect((response.json() as ShowOrders).totals.orders).toBe(1);
  });

  it('answers a show without orders with empty lists and zero totals', async () => {
    await relayWithOrder();
    const response = await getOrders('autumn-drop', bearer(ADMIN_KEY));
    expect(response.json()).toEqual({ show: 'autumn-drop', orders: [], totals: { orders: 0, units: 0, revenue: [], unattributedUnits: 0 }, moments: [] });
  });

  it('puts purchases whose line gave no moment last, with pdt null', async () => {
    await relayWithOrder();
    const body = shopifyOrderVariant((order) => {
      order.id = 7;
      order.admin_graphql_api_id = 'gid://shopify/Order/7';
      order.line_items[0].properties.splice(1, 1);
    });
    await postShopifyOrder(fixture, body, { webhookId: 'no-moment' });
    const moments = ((await getOrders('spring-drop', bearer(ADMIN_KEY))).json() as ShowOrders).moments;
    expect(moments.map((moment) => [moment.pdt, moment.units])).toEqual([
      [SHIRT_PDT, 3],
      [HAT_PDT, 2],
      [null, 3],
    ]);
  });

  it('refuses a request without a token with 401', async () => {
    await relayWithOrder();
    const response = await getOrders('spring-drop');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'missing_token', message: expect.stringContaining('producer token of the show or the admin key') } });
  });

  it('refuses a wrong admin key or a forged token with 401', async () => {
    await relayWithOrder();
    expect((await getOrders('spring-drop', bearer('not-the-admin-key'))).statusCode).toBe(401);
    expect((await getOrders('spring-drop', bearer('eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl'))).json()).toMatchObject({ error: { code: 'invalid_token' } });
  });

  it.each([['viewer'], ['moderator']] as const)('refuses a %s token of the show with 403', async (role) => {
    await relayWithOrder();
    const token = await fixture.token('spring-drop', role);
    const response = await getOrders('spring-drop', bearer(token));
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'forbidden_role' } });
  });

  it("refuses a producer token of another show with 403", async () => {
    await relayWithOrder();
    const token = await fixture.token('autumn-drop', 'producer');
    const response = await getOrders('spring-drop', bearer(token));
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'wrong_show' } });
  });

  it('answers 404 for a show this relay neither has nor has purchases of, and the purchases of one it only has purchases of', async () => {
    await relayWithOrder();
    expect((await getOrders('winter-drop', bearer(ADMIN_KEY))).json()).toMatchObject({ error: { code: 'show_not_found' } });
    expect((await getOrders('Not_A_Show', bearer(ADMIN_KEY))).statusCode).toBe(404);
    const elsewhere = shopifyOrderVariant((order) => {
      order.id = 8;
      order.admin_graphql_api_id = 'gid://shopify/Order/8';
      order.line_items[0].properties[0].value = 'winter-drop';
    });
    await postShopifyOrder(fixture, elsewhere, { webhookId: 'elsewhere' });
    const response = await getOrders('winter-drop', bearer(ADMIN_KEY));
    expect(response.statusCode).toBe(200);
    expect((response.json() as ShowOrders).totals).toMatchObject({ orders: 1, units: 3 });
  });

  it('refuses query parameters it does not know', async () => {
    await relayWithOrder();
    const response = await fixture.request({ method: 'GET', url: '/v1/shows/spring-drop/orders?since=0', headers: bearer(ADMIN_KEY) });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_query', path: 'since' } });
  });
});
