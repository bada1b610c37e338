import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type RelayServer } from '../index.js';
import { ADMIN_KEY, SIGNING_SECRET, START, bearer } from '../testing/relay-fixture.js';
import { startRedis, type TestRedis } from '../testing/redis.js';
import { SHOPIFY_ORDERS_PATH, SHOPIFY_SECRET, shopifyHeaders, shopifyOrderFixture } from '../testing/shopify-webhooks.js';
import type { ShowOrders } from '../shopify/show-orders.js';
import { FileOrderStore, ORDERS_FILE } from './file-order-store.js';
import { MemoryOrderStore, type OrderStore, type RecordedOrder } from './order-store.js';
import { RedisOrderStore } from './redis-order-store.js';

let redis: TestRedis;
let prefixes = 0;
const stores: OrderStore[] = [];
const relays: RelayServer[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await redis?.stop();
});

afterEach(async () => {
  for (const relay of relays.splice(0)) await relay.close();
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'live-shop-orders-'));
  dirs.push(dir);
  return dir;
}

function kept<T extends OrderStore>(store: T): T {
  stores.push(store);
  return store;
}

/** An order of `show` (and of `also`, when given) recorded by webhook `webhookId`. */
function order(webhookId: string, orderId: string, show = 'spring-drop', also?: string): RecordedOrder {
  const purchase = {
    orderId,
    orderName: '#1',
    shopDomain: 'shop.myshopify.com',
    createdAt: START,
    currency: 'USD',
    show,
    pdt: START - 5000,
    mode: 'live' as const,
    session: 's-1',
    productId: 'gid://shopify/Product/1',
    variantId: 'gid://shopify/ProductVariant/2',
    title: 'Linen shirt',
    quantity: 2,
    price: '19.99',
    revenue: '39.98',
  };
  return {
    webhookId,
    eventId: null,
    topic: 'orders/create',
    shopDomain: 'shop.myshopify.com',
    triggeredAt: null,
    receivedAt: START,
    orderId,
    orderName: '#1',
    createdAt: START,
    currency: 'USD',
    session: 's-1',
    purchases: also ? [purchase, { ...purchase, show: also }] : [purchase],
    unattributed: { lines: 0, units: 0 },
  };
}

const kinds: [string, () => Promise<OrderStore>][] = [
  ['MemoryOrderStore', async () => kept(new MemoryOrderStore())],
  ['FileOrderStore', async () => kept(new FileOrderStore({ dir: await tempDir() }))],
  ['RedisOrderStore', async () => kept(new RedisOrderStore({ url: redis.url, prefix: `orders-test-${++prefixes}` }))],
];

describe.each(kinds)('%s', (_name, open) => {
  it('records an order once per webhook id and once per order id', async () => {
    const store = await open();
    expect(await store.record(order('w1', 'o1'))).toEqual({ recorded: true });
    expect(await store.record(order('w1', 'o1'))).toEqual({ recorded: false, duplicate: 'webhook', orderId: 'o1', webhookId: 'w1' });
    expect(await store.record(order('w2', 'o1'))).toEqual({ recorded: false, duplicate: 'order', orderId: 'o1', webhookId: 'w1' });
    expect(await store.record(order('w3', 'o3'))).toEqual({ recorded: true });
    expect((await store.ordersOfShow('spring-drop')).map((stored) => stored.orderId)).toEqual(['o1', 'o3']);
  });

  it('files an order under every show its purchases name, once each', async () => {
    const store = await open();
    await store.record(order('w1', 'o1', 'spring-drop', 'autumn-drop'));
    await store.record(order('w2', 'o2', 'spring-drop', 'spring-drop'));
    expect((await store.ordersOfShow('spring-drop')).map((stored) => stored.orderId)).toEqual(['o1', 'o2']);
    expect((await store.ordersOfShow('autumn-drop')).map((stored) => stored.orderId)).toEqual(['o1']);
    expect(await store.ordersOfShow('winter-drop')).toEqual([]);
  });

  it('gives back the order as recorded', async () => {
    const store = await open();
    const recorded = order('w1', 'o1');
    await store.record(recorded);
    expect(await store.ordersOfShow('spring-drop')).toEqual([recorded]);
  });

  it('records 50 concurrent deliveries of 10 orders as 10', async () => {
    const store = await open();
    const results = await Promise.all(Array.from({ length: 50 }, (_, index) => store.record(order(`w${index % 10}`, `o${index % 10}`))));
    expect(results.filter((result) => result.recorded)).toHaveLength(10);
    expect(await store.ordersOfShow('spring-drop')).toHaveLength(10);
  });
});

describe('FileOrderStore', () => {
  it('has its orders back, idempotency included, after it is closed and opened again', async () => {
    const dir = await tempDir();
    const first = new FileOrderStore({ dir });
    await first.record(order('w1', 'o1'));
    await first.close();
    const second = kept(new FileOrderStore({ dir }));
    expect((await second.ordersOfShow('spring-drop')).map((stored) => stored.orderId)).toEqual(['o1']);
    expect(await second.record(order('w1', 'o1'))).toMatchObject({ recorded: false, duplicate: 'webhook' });
    expect(await second.record(order('w9', 'o1'))).toMatchObject({ recorded: false, duplicate: 'order' });
  });

  it('writes one JSON line per order, on disk when record resolves', async () => {
    const dir = await tempDir();
    const store = kept(new FileOrderStore({ dir }));
    await store.record(order('w1', 'o1'));
    await store.record(order('w2', 'o2'));
    const lines = (await readFile(join(dir, ORDERS_FILE), 'utf8')).trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as RecordedOrder).webhookId)).toEqual(['w1', 'w2']);
  });

  it('drops an unfinished last line left by a crash, with a warning', async () => {
    const dir = await tempDir();
    const first = new FileOrderStore({ dir });
    await first.record(order('w1', 'o1'));
    await first.close();
    await appendFile(join(dir, ORDERS_FILE), '{"webhookId":"w2","orderId":"o2","purch');
    const warnings: string[] = [];
    const second = kept(new FileOrderStore({ dir, onWarning: (message) => warnings.push(message) }));
    expect(await second.ordersOfShow('spring-drop')).toHaveLength(1);
    expect(warnings).toEqual([expect.stringContaining('dropped an unfinished last line')]);
    expect(await second.record(order('w2', 'o2'))).toEqual({ recorded: true });
  });
});

describe('RedisOrderStore', () => {
  it('records an order once when two relays get its deliveries at once', async () => {
    const prefix = `orders-test-${++prefixes}`;
    const [a, b] = [kept(new RedisOrderStore({ url: redis.url, prefix })), kept(new RedisOrderStore({ url: redis.url, prefix }))];
    const results = await Promise.all(Array.from({ length: 40 }, (_, index) => (index % 2 === 0 ? a : b).record(order(`w${index % 4}`, `o${index % 4}`))));
    expect(results.filter((result) => result.recorded)).toHaveLength(4);
    expect(await a.ordersOfShow('spring-drop')).toEqual(await b.ordersOfShow('spring-drop'));
    expect(await b.ordersOfShow('spring-drop')).toHaveLength(4);
  });

  it('reads a long list in pages', async () => {
    const store = kept(new RedisOrderStore({ url: redis.url, prefix: `orders-test-${++prefixes}` }));
    for (let start = 0; start < 2500; start += 250) {
      await Promise.all(Array.from({ length: 250 }, (_, index) => store.record(order(`w${start + index}`, `o${start + index}`))));
    }
    const stored = await store.ordersOfShow('spring-drop');
    expect(stored).toHaveLength(2500);
    expect(new Set(stored.map((item) => item.orderId)).size).toBe(2500);
  });
});

describe('a relay keeps its orders where it keeps its events', () => {
  const options = { adminKey: ADMIN_KEY, signingSecret: SIGNING_SECRET, now: () => START, shopifyWebhookSecret: SHOPIFY_SECRET };

  async function started(extra: Parameters<typeof startRelay>[0]): Promise<RelayServer> {
    const relay = await startRelay({ ...options, ...extra });
    relays.push(relay);
    return relay;
  }

  async function deliver(relay: RelayServer) {
    const body = shopifyOrderFixture();
    return relay.app.inject({ method: 'POST', url: SHOPIFY_ORDERS_PATH, headers: shopifyHeaders(body), payload: body });
  }

  async function totals(relay: RelayServer): Promise<ShowOrders['totals']> {
    const response = await relay.app.inject({ method: 'GET', url: '/v1/shows/spring-drop/orders', headers: bearer(ADMIN_KEY) });
    expect(response.statusCode).toBe(200);
    return (response.json() as ShowOrders).totals;
  }

  it('in the data directory: the orders and their idempotency survive a restart', async () => {
    const dataDir = await tempDir();
    const first = await started({ dataDir });
    await first.shows.create({ id: 'spring-drop' });
    expect((await deliver(first)).json()).toMatchObject({ outcome: 'recorded' });
    await first.close();
    relays.splice(relays.indexOf(first), 1);
    const second = await started({ dataDir });
    expect(await totals(second)).toEqual({ orders: 1, units: 4, revenue: [{ amount: '79.97', currencyCode: 'USD' }], unattributedUnits: 2 });
    expect((await deliver(second)).json()).toMatchObject({ outcome: 'duplicate' });
    expect((await totals(second)).orders).toBe(1);
  });

  it('in Redis: a delivery recorded through one relay is read, and refused as a duplicate, through another', async () => {
    // A fresh Redis: the relays use the default key prefix.
    const own = await startRedis();
    try {
      const [a, b] = [await started({ redisUrl: own.url }), await started({ redisUrl: own.url })];
      await a.shows.create({ id: 'spring-drop' });
      expect((await deliver(a)).json()).toMatchObject({ outcome: 'recorded', unknownShows: [] });
      expect((await deliver(b)).json()).toMatchObject({ outcome: 'duplicate' });
      expect(await totals(b)).toEqual({ orders: 1, units: 4, revenue: [{ amount: '79.97', currencyCode: 'USD' }], unattributedUnits: 2 });
    } finally {
      for (const relay of relays.splice(0)) await relay.close();
      await own.stop();
    }
  });
});
