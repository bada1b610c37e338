import type { AttributionMode } from '@live-shop/protocol';

/**
 * One order line bought from a show: the line carried the show's attribution (see
 * `SHOW_LINE_ATTRIBUTE` in `@live-shop/protocol`). Amounts are exact decimal strings in
 * the order's `currency` (the shop's currency).
 */
export interface AttributedPurchase {
  /** The order's GraphQL id, `gid://shopify/Order/<id>`. */
  orderId: string;
  /** The order's name as the shop shows it, e.g. `#1001`; null when the webhook has none. */
  orderName: string | null;
  /** The shop, e.g. `northwind.myshopify.com` (the `X-Shopify-Shop-Domain` header). */
  shopDomain: string;
  /** When the order was placed, epoch ms (its `created_at`). */
  createdAt: number;
  /** ISO 4217 code of the shop's currency, which `price` and `revenue` are in. */
  currency: string;
  /** The show id the line was added from. */
  show: string;
  /** The product moment (program date time, epoch ms) of the card it was bought from; null when the line did not say (or said something that is not one). */
  pdt: number | null;
  /** How the viewer was watching; null when the line did not say. */
  mode: AttributionMode | null;
  /** The viewer's session id (the cart attribute); null when the cart had none. */
  session: string | null;
  /** `gid://shopify/Product/<product_id>`; null for a custom line or a deleted product. */
  productId: string | null;
  /** `gid://shopify/ProductVariant/<variant_id>`; null when the line has no variant. */
  variantId: string | null;
  title: string | null;
  quantity: number;
  /** The unit price, as in the webhook. */
  price: string;
  /** price × quantity − the line's discount allocations, exact. */
  revenue: string;
}

/** The Shopify topics whose orders are recorded. */
export type OrderTopic = 'orders/create' | 'orders/paid';

/** An order as stored: the webhook delivery that brought it, and its attributed lines. */
export interface RecordedOrder {
  /** `X-Shopify-Webhook-Id` of the delivery that recorded the order. */
  webhookId: string;
  /** `X-Shopify-Event-Id`, when sent. */
  eventId: string | null;
  topic: OrderTopic;
  shopDomain: string;
  /** `X-Shopify-Triggered-At` as epoch ms, when sent and readable. */
  triggeredAt: number | null;
  /** The relay's receive time, epoch ms. */
  receivedAt: number;
  orderId: string;
  orderName: string | null;
  createdAt: number;
  currency: string;
  session: string | null;
  /** The lines with a show's attribution, in the order's line order (at least one). */
  purchases: AttributedPurchase[];
  /** The order's other lines: not bought from a show (or from a show id that is not one). */
  unattributed: { lines: number; units: number };
}

/** What {@link OrderStore.record} did. */
export type RecordResult =
  | { recorded: true }
  /**
   * Nothing written: this webhook id was recorded before (a retry), or this order was (the
   * other topic, or a second subscription); `webhookId` is the delivery that recorded it.
   */
  | { recorded: false; duplicate: 'webhook' | 'order'; orderId: string; webhookId: string };

/**
 * The attributed orders of a relay, with the durability of its event log: in memory
 * ({@link MemoryOrderStore}, for tests), a file under `dataDir` (`FileOrderStore`), or
 * Redis (`RedisOrderStore`). Each webhook id and each order id is recorded at most once,
 * even when deliveries arrive at the same time.
 */
export interface OrderStore {
  /** Loads or connects (done by the first call of any method; calling it again is free). */
  open(): Promise<void>;
  /** Stores the order unless its webhook id or its order id is already stored; resolves once it is durable. */
  record(order: RecordedOrder): Promise<RecordResult>;
  /** The stored orders with at least one purchase of `show`, in the order they were recorded. */
  ordersOfShow(show: string): Promise<RecordedOrder[]>;
  close(): Promise<void>;
}

/** The shows an order's purchases name, each once, in first-seen order. */
export function showsOf(order: RecordedOrder): string[] {
  return [...new Set(order.purchases.map((purchase) => purchase.show))];
}

/**
 * The indexes every store keeps of the orders it holds (the file store holds them all in
 * memory, as the event log does; the memory store is nothing else).
 */
export class OrderIndex {
  readonly #byWebhook = new Map<string, RecordedOrder>();
  readonly #byOrder = new Map<string, RecordedOrder>();
  readonly #byShow = new Map<string, RecordedOrder[]>();

  /** The duplicate answer for `order`, or undefined when it is new. */
  duplicateOf(order: RecordedOrder): RecordResult | undefined {
    const sameWebhook = this.#byWebhook.get(order.webhookId);
    if (sameWebhook) return { recorded: false, duplicate: 'webhook', orderId: sameWebhook.orderId, webhookId: sameWebhook.webhookId };
    const sameOrder = this.#byOrder.get(order.orderId);
    if (sameOrder) return { recorded: false, duplicate: 'order', orderId: sameOrder.orderId, webhookId: sameOrder.webhookId };
    return undefined;
  }

  add(order: RecordedOrder): void {
    this.#byWebhook.set(order.webhookId, order);
    this.#byOrder.set(order.orderId, order);
    for (const show of showsOf(order)) {
      const list = this.#byShow.get(show);
      if (list) list.push(order);
      else this.#byShow.set(show, [order]);
    }
  }

  ordersOfShow(show: string): RecordedOrder[] {
    return [...(this.#byShow.get(show) ?? [])];
  }
}

/** An {@link OrderStore} in process memory: for tests; gone when the process exits. */
export class MemoryOrderStore implements OrderStore {
  readonly #index = new OrderIndex();

  async open(): Promise<void> {}

  async record(order: RecordedOrder): Promise<RecordResult> {
    const duplicate = this.#index.duplicateOf(order);
    if (duplicate) return duplicate;
    this.#index.add(structuredClone(order));
    return { recorded: true };
  }

  async ordersOfShow(show: string): Promise<RecordedOrder[]> {
    return this.#index.ordersOfShow(show).map((order) => structuredClone(order));
  }

  async close(): Promise<void> {}
}
