import { createHash } from 'node:crypto';
import { createRedisClient, redisWarning, type RedisClient } from '../redis-client.js';
import { checkShowId } from './records.js';
import { showsOf, type OrderStore, type RecordResult, type RecordedOrder } from './order-store.js';

export interface RedisOrderStoreOptions {
  /** The Redis URL, e.g. `redis://127.0.0.1:6379`. */
  url: string;
  /** The first part of every key. Default `live-shop` (the event log's). */
  prefix?: string;
  /** Told about connection errors. Default: `process.emitWarning`, once per distinct message in a row. */
  onError?: (error: Error) => void;
}

/**
 * Records one order atomically, so that relays recording the same delivery (or the same
 * order from the other topic) at once store it once.
 *
 * KEYS: the webhook id → order id hash, the order id → order JSON hash, then the list of
 * each show the order's purchases name.
 * ARGV: the webhook id, the order id, the order's JSON.
 * Returns {1} when recorded, {0, 'webhook', order id} or {0, 'order', stored JSON}.
 */
const RECORD_SCRIPT = `
local byWebhook = redis.call('HGET', KEYS[1], ARGV[1])
if byWebhook then return {0, 'webhook', byWebhook} end
local stored = redis.call('HGET', KEYS[2], ARGV[2])
if stored then return {0, 'order', stored} end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
for i = 3, #KEYS do redis.call('RPUSH', KEYS[i], ARGV[2]) end
return {1}
`;
const RECORD_SHA = createHash('sha1').update(RECORD_SCRIPT).digest('hex');

/** LRANGE and HMGET pages. */
const PAGE = 1000;

/**
 * An {@link OrderStore} in Redis, shared by every relay process of a deployment:
 * `<prefix>:shopify:orders` (a hash of order id → the recorded order's JSON),
 * `<prefix>:shopify:webhooks` (a hash of webhook id → order id, the idempotency index) and,
 * per show, `<prefix>:show:<id>:orders` (a list of the ids of the orders with a purchase
 * of the show, in the order they were recorded). A record is one Lua script, so it is
 * atomic across processes; it is acknowledged once Redis has run it (as durable as
 * Redis's persistence settings make it, like the event log).
 */
export class RedisOrderStore implements OrderStore {
  readonly #url: string;
  readonly #prefix: string;
  readonly #onError: (error: Error) => void;
  #client: RedisClient | undefined;
  #opening: Promise<RedisClient> | undefined;
  #closing: Promise<void> | undefined;

  constructor(options: RedisOrderStoreOptions) {
    this.#url = options.url;
    this.#prefix = options.prefix ?? 'live-shop';
    this.#onError = options.onError ?? redisWarning('Redis order store');
  }

  async open(): Promise<void> {
    await this.#connected();
  }

  #connected(): Promise<RedisClient> {
    if (this.#closing) return Promise.reject(new Error('The order store is closed; the relay is shutting down.'));
    return (this.#opening ??= this.#connect());
  }

  async #connect(): Promise<RedisClient> {
    const client = createRedisClient(this.#url, (error) => this.#onError(error));
    this.#client = client;
    await client.connect();
    return client;
  }

  get #ordersKey(): string {
    return `${this.#prefix}:shopify:orders`;
  }

  get #webhooksKey(): string {
    return `${this.#prefix}:shopify:webhooks`;
  }

  #showKey(show: string): string {
    return `${this.#prefix}:show:${show}:orders`;
  }

  async record(order: RecordedOrder): Promise<RecordResult> {
    const shows = showsOf(order);
    for (const show of shows) checkShowId(show);
    const client = await this.#connected();
    const keys = [this.#webhooksKey, this.#ordersKey, ...shows.map((show) => this.#showKey(show))];
    const args = [String(keys.length), ...keys, order.webhookId, order.orderId, JSON.stringify(order)];
    let reply: [number, string?, string?];
    try {
      reply = await client.sendCommand<[number, string?, string?]>(['EVALSHA', RECORD_SHA, ...args]);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      reply = await client.sendCommand<[number, string?, string?]>(['EVAL', RECORD_SCRIPT, ...args]);
    }
    const [recorded, duplicate, value] = reply;
    if (recorded === 1) return { recorded: true };
    if (duplicate === 'webhook') return { recorded: false, duplicate: 'webhook', orderId: String(value), webhookId: order.webhookId };
    const stored = JSON.parse(String(value)) as RecordedOrder;
    return { recorded: false, duplicate: 'order', orderId: stored.orderId, webhookId: stored.webhookId };
  }

  async ordersOfShow(show: string): Promise<RecordedOrder[]> {
    checkShowId(show);
    const client = await this.#connected();
    const orders: RecordedOrder[] = [];
    for (let start = 0; ; start += PAGE) {
      const ids = await client.sendCommand<string[]>(['LRANGE', this.#showKey(show), String(start), String(start + PAGE - 1)]);
      if (ids.length > 0) {
        const values = await client.sendCommand<(string | null)[]>(['HMGET', this.#ordersKey, ...ids]);
        for (const json of values) if (json !== null) orders.push(JSON.parse(json) as RecordedOrder);
      }
      if (ids.length < PAGE) return orders;
    }
  }

  close(): Promise<void> {
    return (this.#closing ??= this.#close());
  }

  async #close(): Promise<void> {
    const opening = this.#opening;
    if (!opening) return;
    const client = await opening.catch(() => undefined);
    if (client?.isOpen) await client.close();
    else if (this.#client?.isOpen) this.#client.destroy();
  }
}
