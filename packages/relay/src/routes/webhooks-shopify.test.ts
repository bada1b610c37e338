import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixture, type Fixture } from '../testing/relay-fixture.js';
import {
  HAT_PDT,
  ORDER_CREATED_AT,
  ORDER_ID,
  SHIRT_PDT,
  SHOP_DOMAIN,
  SHOPIFY_ORDERS_PATH,
  SHOPIFY_SECRET,
  postShopifyOrder,
  shopifyOrderFixture,
  shopifyOrderVariant,
  shopifySignature,
} from '../testing/shopify-webhooks.js';
import type { RecordedOrder } from '../storage/order-store.js';

let fixture: Fixture;
afterEach(() => fixture.relay.close());

async function relayWithShow(options: { secret?: string | null } = {}): Promise<void> {
  const secret = options.secret === undefined ? SHOPIFY_SECRET : options.secret;
  fixture = createFixture(secret === null ? {} : { shopifyWebhookSecret: secret });
  await fixture.createShow('spring-drop');
}

function recorded(show = 'spring-drop'): Promise<RecordedOrder[]> {
  return fixture.relay.orders.ordersOfShow(show);
}

describe('POST /v1/webhooks/shopify/orders: recording', () => {
  it('records the attributed lines of an orders/create delivery with show, pdt, mode and exact revenue', async () => {
    await relayWithShow();
    const response = await postShopifyOrder(fixture);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      received: true,
      outcome: 'recorded',
      orderId: ORDER_ID,
      purchases: 2,
      unattributedLines: 1,
      shows: ['spring-drop'],
      unknownShows: [],
      warnings: [],
    });
    const [order] = await recorded();
    expect(order).toMatchObject({
      webhookId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
      eventId: '98880550-7158-44d4-b7cd-2c97c8a091b5',
      topic: 'orders/create',
      shopDomain: SHOP_DOMAIN,
      triggeredAt: Date.UTC(2025, 4, 1, 12, 21, 10, 123),
      receivedAt: fixture.clock.time,
      orderId: ORDER_ID,
      orderName: '#1042',
      createdAt: ORDER_CREATED_AT,
      currency: 'USD',
      session: 's-7f3a9c21',
      unattributed: { lines: 1, units: 2 },
    });
    expect(order?.purchases.map((purchase) => [purchase.show, purchase.pdt, purchase.mode, purchase.quantity, purchase.price, purchase.revenue])).toEqual([
      ['spring-drop', SHIRT_PDT, 'live', 3, '19.99', '54.97'],
      ['spring-drop', HAT_PDT, 'replay', 1, '25.00', '25.00'],
    ]);
  });

  it('records an orders/paid delivery the same way', async () => {
    await relayWithShow();
    const response = await postShopifyOrder(fixture, undefined, { topic: 'orders/paid' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ outcome: 'recorded' });
    expect((await recorded())[0]?.topic).toBe('orders/paid');
  });

  it('records a delivery that Shopify retries (same webhook id) once', async () => {
    await relayWithShow();
    const first = await postShopifyOrder(fixture);
    const retry = await postShopifyOrder(fixture);
    expect(first.statusCode).toBe(200);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual({
      received: true,
      outcome: 'duplicate',
      orderId: ORDER_ID,
      reason: 'Webhook b54557e4-bdd9-4b37-8a5f-bf7d70bcd043 was recorded before (a retry); nothing was added.',
    });
    expect(await recorded()).toHaveLength(1);
  });

  it('records three deliveries of the same webhook at once as one', async () => {
    await relayWithShow();
    const answers = await Promise.all([postShopifyOrder(fixture), postShopifyOrder(fixture), postShopifyOrder(fixture)]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200]);
    expect(answers.map((answer) => (answer.json() as { outcome: string }).outcome).sort()).toEqual(['duplicate', 'duplicate', 'recorded']);
    expect(await recorded()).toHaveLength(1);
  });

  it('counts an order once when it also comes as orders/paid (another webhook id)', async () => {
    await relayWithShow();
    await postShopifyOrder(fixture);
    const paid = await postShopifyOrder(fixture, undefined, { topic: 'orders/paid', webhookId: 'e1f2a3b4-0000-4000-8000-000000000002' });
    expect(paid.statusCode).toBe(200);
    expect(paid.json()).toMatchObject({ outcome: 'duplicate', reason: `Order ${ORDER_ID} was recorded before, by webhook b54557e4-bdd9-4b37-8a5f-bf7d70bcd043; nothing was added.` });
    expect(await recorded()).toHaveLength(1);
  });

  it('records purchases of a show this relay does not have, and says so', async () => {
    await relayWithShow();
    const body = shopifyOrderVariant((order) => {
      order.line_items[1].properties[0].value = 'autumn-drop';
    });
    const response = await postShopifyOrder(fixture, body);
    expect(response.json()).toMatchObject({ outcome: 'recorded', shows: ['spring-drop', 'autumn-drop'], unknownShows: ['autumn-drop'] });
    expect((await recorded('autumn-drop'))[0]?.orderId).toBe(ORDER_ID);
  });

  it('answers an order without attributed lines 200 unattributed, and stores nothing', async () => {
    await relayWithShow();
    const body = shopifyOrderVariant((order) => {
      for (const line of order.line_items) line.properties = [];
    });
    const response = await postShopifyOrder(fixture, body);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: true, outcome: 'unattributed', orderId: ORDER_ID, unattributedLines: 3, warnings: [] });
    expect(await recorded()).toEqual([]);
  });

  it('answers a malformed attribution value 200 with a warning, recording the rest', async () => {
    await relayWithShow();
    const body = shopifyOrderVariant((order) => {
      order.line_items[0].properties[1].value = '17:03';
    });
    const response = await postShopifyOrder(fixture, body);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ outcome: 'recorded', purchases: 2, warnings: [expect.stringContaining('_live_shop_pdt "17:03" is not an epoch ms')] });
    expect((await recorded())[0]?.purchases[0]?.pdt).toBeNull();
  });
});

describe('POST /v1/webhooks/shopify/orders: topics', () => {
  it.each([['orders/updated'], ['orders/cancelled'], ['products/update'], ['app/uninstalled']])('answers %s 202 ignored, and stores nothing', async (topic) => {
    await relayWithShow();
    const response = await postShopifyOrder(fixture, undefined, { topic });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({
      received: true,
      outcome: 'ignored',
      reason: `The topic ${topic} is not recorded here; subscribe this endpoint to orders/create or orders/paid only.`,
    });
    expect(await recorded()).toEqual([]);
  });

  it('ignores another topic whatever its body (it is not an order)', async () => {
    await relayWithShow();
    const response = await postShopifyOrder(fixture, '{"id": 1, "title": "A product"}', { topic: 'products/create' });
    expect(response.statusCode).toBe(202);
  });
});

describe('POST /v1/webhooks/shopify/orders: signatures', () => {
  async function refused(body: string, options: Parameters<typeof postShopifyOrder>[2], code: string): Promise<void> {
    const response = await postShopifyOrder(fixture, body, options);
    expect(response.statusCode).toBe(401);
    const error = (response.json() as { error: { code: string; message: string } }).error;
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(40);
    expect(await recorded()).toEqual([]);
  }

  it('refuses a signature made with another secret', async () => {
    await relayWithShow();
    const body = shopifyOrderFixture();
    await refused(body, { signature: shopifySignature(body, 'not-the-secret') }, 'invalid_signature');
  });

  it('refuses a tampered body, down to one byte of whitespace', async () => {
    await relayWithShow();
    const body = shopifyOrderFixture();
    const signature = shopifySignature(body);
    await refused(body.replace('"price": "19.99"', '"price": "1.99"'), { signature }, 'invalid_signature');
    await refused(`${body} `, { signature }, 'invalid_signature');
  });

  it.each([
    ['missing', null, 'missing_signature'],
    ['empty', '', 'missing_signature'],
    ['hex instead of base64', 'ab'.repeat(32), 'invalid_signature'],
    ['truncated', shopifySignature(shopifyOrderFixture()).slice(0, 40), 'invalid_signature'],
    ['garbage', 'sha256=abc', 'invalid_signature'],
  ])('refuses a %s X-Shopify-Hmac-Sha256 header', async (_what, signature, code) => {
    await relayWithShow();
    await refused(shopifyOrderFixture(), { signature }, code);
  });

  it('checks the signature before anything else: an unsigned bad body is a 401, not a 400', async () => {
    await relayWithShow();
    await refused('{"id": ', { signature: null }, 'missing_signature');
    await refused('{"id": ', { signature: shopifySignature('{"id": 1}') }, 'invalid_signature');
  });

  it('answers 503 with what to set when no secret is configured, and stores nothing', async () => {
    await relayWithShow({ secret: null });
    const response = await postShopifyOrder(fixture);
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({
      error: {
        code: 'shopify_webhooks_not_configured',
        message:
          "Shopify webhooks are not set up on this relay: set SHOPIFY_WEBHOOK_SECRET (or the relay option shopifyWebhookSecret) to your Shopify app's client secret, then restart the relay.",
      },
    });
    expect(await recorded()).toEqual([]);
  });

  it('treats an empty secret as none', async () => {
    await relayWithShow({ secret: '' });
    expect((await postShopifyOrder(fixture)).statusCode).toBe(503);
  });
});

describe('POST /v1/webhooks/shopify/orders: bodies and headers', () => {
  it('refuses a signed body that is not JSON with 400 invalid_json', async () => {
    await relayWithShow();
    const response = await postShopifyOrder(fixture, '{"id": 6012458795201, "line_items": [');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_json' } });
    expect(await recorded()).toEqual([]);
  });

  it('refuses a signed order without a needed field with 400 naming it', async () => {
    await relayWithShow();
    const response = await postShopifyOrder(fixture, shopifyOrderVariant((order) => delete order.line_items[0].price));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'invalid_order',
        message: "line_items.0.price must be a decimal string such as \"19.99\"; this endpoint takes Shopify's orders/create and orders/paid webhooks unchanged.",
        path: 'line_items.0.price',
      },
    });
    expect(await recorded()).toEqual([]);
  });

  it.each([['x-shopify-topic', 'X-Shopify-Topic'], ['x-shopify-shop-domain', 'X-Shopify-Shop-Domain'], ['x-shopify-webhook-id', 'X-Shopify-Webhook-Id']])(
    'refuses a signed delivery without %s with 400 naming it',
    async (header, name) => {
      await relayWithShow();
      const response = await postShopifyOrder(fixture, undefined, { headers: { [header]: undefined } });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'missing_header', path: name } });
      expect(await recorded()).toEqual([]);
    },
  );

  it('records a delivery without the optional X-Shopify-Event-Id and X-Shopify-Triggered-At', async () => {
    await relayWithShow();
    const response = await postShopifyOrder(fixture, undefined, { headers: { 'x-shopify-event-id': undefined, 'x-shopify-triggered-at': undefined } });
    expect(response.statusCode).toBe(200);
    expect((await recorded())[0]).toMatchObject({ eventId: null, triggeredAt: null });
  });

  it('refuses a body that is not JSON by content type with 415', async () => {
    await relayWithShow();
    const response = await postShopifyOrder(fixture, undefined, { headers: { 'content-type': 'text/plain' } });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
  });

  it('refuses an empty body as unsigned', async () => {
    await relayWithShow();
    const response = await fixture.request({ method: 'POST', url: SHOPIFY_ORDERS_PATH });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'missing_signature' } });
  });
});

describe('POST /v1/webhooks/shopify/orders: fuzzing signed bodies', () => {
  const garbage = fc.oneof(fc.anything({ maxDepth: 2 }), fc.string({ maxLength: 40 }), fc.constantFrom(null, -1, 1e309, '1e3', '<script>', '__proto__', '9'.repeat(30)));
  const orderField = fc.constantFrom('id', 'admin_graphql_api_id', 'name', 'created_at', 'currency', 'note_attributes', 'line_items');
  const lineField = fc.constantFrom('quantity', 'price', 'product_id', 'variant_id', 'title', 'properties', 'discount_allocations', 'total_discount');

  it('answers every signed order, however mangled, with a 200 or a 400 that names the field, never a 5xx; only a 200 stores', async () => {
    await relayWithShow();
    let delivery = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.option(fc.nat(3), { nil: undefined }), fc.oneof(orderField, lineField), garbage), { minLength: 1, maxLength: 4 }), async (changes) => {
        const body = shopifyOrderVariant((order) => {
          order.admin_graphql_api_id = `gid://shopify/Order/${++delivery}`;
          for (const [line, field, value] of changes) {
            const target = line === undefined ? order : Array.isArray(order.line_items) ? order.line_items[line] : undefined;
            if (target && typeof target === 'object') target[field] = value;
          }
        });
        const before = (await recorded()).length;
        const response = await postShopifyOrder(fixture, body, { webhookId: `fuzz-${delivery}` });
        expect([200, 400]).toContain(response.statusCode);
        const answer = response.json() as { outcome?: string; error?: { code: string; message: string } };
        if (response.statusCode === 400) {
          expect(['invalid_order', 'invalid_json']).toContain(answer.error?.code);
          expect(answer.error?.message).toMatch(/; this endpoint takes Shopify's orders\/create and orders\/paid webhooks unchanged\.$/);
        }
        expect((await recorded()).length).toBe(before + (answer.outcome === 'recorded' ? 1 : 0));
      }),
      { numRuns: 300 },
    );
  });
});
