import type { IncomingHttpHeaders } from 'node:http';
import { RelayError } from '../errors.js';
import type { ShowRegistry } from '../show-registry.js';
import { showsOf, type OrderStore, type OrderTopic, type RecordedOrder } from '../storage/order-store.js';
import { parseOrderJson, readShopifyOrder } from './order.js';

/** The webhook topics whose orders are recorded; any other topic is answered 202 and ignored. */
export const SHOPIFY_ORDER_TOPICS: readonly OrderTopic[] = ['orders/create', 'orders/paid'];

/** What the headers of a verified delivery say. */
export interface ShopifyDelivery {
  /** `X-Shopify-Topic`, e.g. `orders/create`. */
  topic: string;
  /** `X-Shopify-Shop-Domain`, e.g. `northwind.myshopify.com`. */
  shopDomain: string;
  /** `X-Shopify-Webhook-Id`: the same on every retry of a delivery. */
  webhookId: string;
  /** `X-Shopify-Event-Id`, when sent: the same for every subscription's delivery of one event. */
  eventId: string | null;
  /** `X-Shopify-Triggered-At` as epoch ms, when sent and readable. */
  triggeredAt: number | null;
}

/** What became of a verified delivery: the body of the 200 (or, for `ignored`, 202) answer, which Shopify keeps in its delivery log. */
export type ShopifyOrderOutcome =
  | {
      received: true;
      outcome: 'recorded';
      orderId: string;
      /** Attributed lines stored. */
      purchases: number;
      unattributedLines: number;
      /** The shows the purchases name. */
      shows: string[];
      /** Those of `shows` this relay does not have (recorded anyway: the show may live on another relay, or be created later). */
      unknownShows: string[];
      /** Attribution values that were left out (a malformed pdt, mode, session or show id), by line. */
      warnings: string[];
    }
  | { received: true; outcome: 'duplicate'; orderId: string; reason: string }
  | { received: true; outcome: 'unattributed'; orderId: string; unattributedLines: number; warnings: string[] }
  | { received: true; outcome: 'ignored'; reason: string };

/** Header values: printable ASCII, no spaces, as Shopify's ids and domains are. */
const HEADER_TOKEN = /^[\x21-\x7e]{1,255}$/;

function header(headers: IncomingHttpHeaders, name: string, required: true): string;
function header(headers: IncomingHttpHeaders, name: string, required: false): string | undefined;
function header(headers: IncomingHttpHeaders, name: string, required: boolean): string | undefined {
  const value = headers[name.toLowerCase()];
  if (value === undefined || value === '') {
    if (!required) return undefined;
    throw new RelayError(400, 'missing_header', `The ${name} header is missing; Shopify sends it with every webhook, so send the delivery unchanged.`, name);
  }
  if (typeof value !== 'string' || !HEADER_TOKEN.test(value)) {
    throw new RelayError(400, 'invalid_header', `The ${name} header must be given once, as printable text without spaces (at most 255 characters); send the delivery unchanged.`, name);
  }
  return value;
}

/** The delivery's Shopify headers (after its signature is verified); a 400 for a missing or malformed one. */
export function readShopifyHeaders(headers: IncomingHttpHeaders): ShopifyDelivery {
  const triggered = header(headers, 'X-Shopify-Triggered-At', false);
  const triggeredAt = triggered === undefined ? Number.NaN : Date.parse(triggered);
  return {
    topic: header(headers, 'X-Shopify-Topic', true),
    shopDomain: header(headers, 'X-Shopify-Shop-Domain', true),
    webhookId: header(headers, 'X-Shopify-Webhook-Id', true),
    eventId: header(headers, 'X-Shopify-Event-Id', false) ?? null,
    triggeredAt: Number.isFinite(triggeredAt) ? triggeredAt : null,
  };
}

function isOrderTopic(topic: string): topic is OrderTopic {
  return (SHOPIFY_ORDER_TOPICS as readonly string[]).includes(topic);
}

/**
 * Records the attributed purchases of verified `orders/create` and `orders/paid`
 * deliveries in the order store, once per webhook id and once per order (an order that
 * comes under both topics, or from two subscriptions, counts once: the first delivery
 * records it).
 */
export class ShopifyOrderWebhookHandler {
  readonly #orders: OrderStore;
  readonly #shows: ShowRegistry;
  readonly #now: () => number;

  constructor(orders: OrderStore, shows: ShowRegistry, now: () => number) {
    this.#orders = orders;
    this.#shows = shows;
    this.#now = now;
  }

  async handle(delivery: ShopifyDelivery, rawBody: string): Promise<ShopifyOrderOutcome> {
    const { topic } = delivery;
    if (!isOrderTopic(topic)) {
      return { received: true, outcome: 'ignored', reason: `The topic ${topic.slice(0, 80)} is not recorded here; subscribe this endpoint to ${SHOPIFY_ORDER_TOPICS.join(' or ')} only.` };
    }
    const { order: reading, warnings } = readShopifyOrder(parseOrderJson(rawBody), delivery.shopDomain);
    if (reading.purchases.length === 0) {
      return { received: true, outcome: 'unattributed', orderId: reading.orderId, unattributedLines: reading.unattributed.lines, warnings };
    }
    const order: RecordedOrder = {
      webhookId: delivery.webhookId,
      eventId: delivery.eventId,
      topic,
      shopDomain: reading.shopDomain,
      triggeredAt: delivery.triggeredAt,
      receivedAt: this.#now(),
      orderId: reading.orderId,
      orderName: reading.orderName,
      createdAt: reading.createdAt,
      currency: reading.currency,
      session: reading.session,
      purchases: reading.purchases,
      unattributed: reading.unattributed,
    };
    const result = await this.#orders.record(order);
    if (!result.recorded) {
      const reason =
        result.duplicate === 'webhook'
          ? `Webhook ${delivery.webhookId} was recorded before (a retry); nothing was added.`
          : `Order ${result.orderId} was recorded before, by webhook ${result.webhookId}; nothing was added.`;
      return { received: true, outcome: 'duplicate', orderId: result.orderId, reason };
    }
    const shows = showsOf(order);
    const known = await Promise.all(shows.map((show) => this.#shows.find(show)));
    return {
      received: true,
      outcome: 'recorded',
      orderId: order.orderId,
      purchases: order.purchases.length,
      unattributedLines: order.unattributed.lines,
      shows,
      unknownShows: shows.filter((_show, index) => known[index] === undefined),
      warnings,
    };
  }
}
