import { describe, expect, it } from 'vitest';
import { bearer, catalog, createFixture, highlight } from './testing/relay-fixture.js';
import { SHOPIFY_SECRET, postShopifyOrder, shopifyOrderVariant } from './testing/shopify-webhooks.js';

describe('rate limits', () => {
  it('stops a token that posts too fast with a 429 that says how long to wait, and leaves other tokens alone', async () => {
    const fixture = createFixture({ rateLimits: { writesPerMinute: 5, readsPerMinute: 100 } });
    try {
      await fixture.createShow('demo');
      const busy = await fixture.token('demo', 'producer');
      const calm = await fixture.token('demo', 'producer', 3600); // another expiry: another token
      expect((await fixture.postEvent('demo', busy, catalog)).statusCode).toBe(201);
      for (let index = 0; index < 4; index++) expect((await fixture.postEvent('demo', busy, highlight('p1'))).statusCode).toBe(201);
      const limited = await fixture.postEvent('demo', busy, highlight('p2'));
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toEqual({
        error: { code: 'rate_limited', message: expect.stringMatching(/^Too many changes with this token \(5 a minute\); wait \d+ (seconds?|minutes?) and try again\.$/) },
      });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // Nothing was stored for the refused request, and another token still works.
      const events = await fixture.relay.shows.eventsAfter('demo');
      expect(events.map((event) => event.type)).toEqual(['catalog.set', ...Array(4).fill('product.highlight')]);
      expect((await fixture.postEvent('demo', calm, highlight('p2'))).statusCode).toBe(201);
      // Reads have their own budget.
      expect((await fixture.request({ method: 'GET', url: '/v1/shows/demo/state', headers: bearer(busy) })).statusCode).toBe(200);
    } finally {
      await fixture.relay.close();
    }
  });

  it('limits requests without a token by address', async () => {
    const fixture = createFixture({ rateLimits: { readsPerMinute: 2 } });
    try {
      await fixture.createShow('demo');
      for (let index = 0; index < 2; index++) expect((await fixture.request({ method: 'GET', url: '/v1/time' })).statusCode).toBe(200);
      const limited = await fixture.request({ method: 'GET', url: '/v1/time' });
      expect(limited.statusCode).toBe(429);
      expect((limited.json() as { error: { message: string } }).error.message).toMatch(/with this address \(2 a minute\)/);
    } finally {
      await fixture.relay.close();
    }
  });

  it("leaves Shopify's order deliveries out of the address budget (a sale can bring hundreds a minute)", async () => {
    const fixture = createFixture({ rateLimits: { writesPerMinute: 3 }, shopifyWebhookSecret: SHOPIFY_SECRET });
    try {
      await fixture.createShow('spring-drop');
      for (let index = 1; index <= 10; index++) {
        const body = shopifyOrderVariant((order) => (order.admin_graphql_api_id = `gid://shopify/Order/${index}`));
        expect((await postShopifyOrder(fixture, body, { webhookId: `delivery-${index}` })).statusCode).toBe(200);
      }
      expect(await fixture.relay.orders.ordersOfShow('spring-drop')).toHaveLength(10);
      // The Mux webhook, and everything else, still spend it.
      const statuses = [];
      for (let index = 0; index < 4; index++) statuses.push((await fixture.request({ method: 'POST', url: '/v1/webhooks/mux' })).statusCode);
      expect(statuses).toEqual([503, 503, 503, 429]);
    } finally {
      await fixture.relay.close();
    }
  });
});
