import type { Product } from '@live-shop/protocol';
import { catalogFromProducts, cloneCatalog, type Catalog } from './catalog.js';
import { CartStore, type Attribute } from './carts.js';
import { formatDecimal, parseCents } from './money.js';
import { cartSubtotalCents } from './views.js';

/**
 * What the next GraphQL requests get instead of a normal answer:
 * - `throttle-429`: HTTP 429 with a `Retry-After` header, as Shopify's edge answers;
 * - `throttled`: HTTP 200 with `errors: [{message: "Throttled", extensions: {code: "THROTTLED"}}]`;
 * - `server-error`: HTTP 502 (or `status`);
 * - `slow`: the normal answer, `delayMs` later;
 * - `down`: HTTP 503 for every request (checkout pages too) until cleared; `count` is ignored.
 */
export type FaultKind = 'throttle-429' | 'throttled' | 'server-error' | 'slow' | 'down';

export const faultKinds: readonly FaultKind[] = ['throttle-429', 'throttled', 'server-error', 'slow', 'down'];

export interface FaultOptions {
  /** How many GraphQL requests get the fault. Default 1. */
  count?: number;
  /** Delay before the answer, ms. Default 1000 for `slow`, else 0. */
  delayMs?: number;
  /** The status of `server-error`: 500, 502 (default), 503 or 504. */
  status?: 500 | 502 | 503 | 504;
  /** The `Retry-After` of `throttle-429`, seconds. Default 1. */
  retryAfterSeconds?: number;
}

export interface PendingFault {
  kind: FaultKind;
  /** Requests still to get it; null for `down` (until cleared). */
  remaining: number | null;
  delayMs: number;
  status: number;
  retryAfterSeconds: number;
}

/** One GraphQL request as the fake saw it. */
export interface LoggedRequest {
  operationName: string | null;
  operationType: 'query' | 'mutation' | 'subscription' | null;
  /** The root fields the operation selects, e.g. ["cartLinesAdd"]. */
  rootFields: string[];
  /** `ok` (executed), `invalid` (parse or validation errors), `unauthorized`, `bad-request`, or the fault it got. */
  outcome: 'ok' | 'invalid' | 'unauthorized' | 'bad-request' | FaultKind;
}

export interface RequestLog {
  /** Every POST to the GraphQL endpoint since the start or the last reset, refused ones included. */
  count: number;
  /** The last 1,000 of them, oldest first. */
  requests: LoggedRequest[];
  /** How many executed (`ok`) operations selected each root field: `{cartLinesAdd: 1}` proves a double click sent one add. */
  rootFieldCounts: Record<string, number>;
}

/** A cart as `carts()` and `GET /__fake/carts` show it. */
export interface CartSnapshot {
  id: string;
  token: string;
  createdAt: string;
  updatedAt: string;
  attributes: Attribute[];
  note: string;
  totalQuantity: number;
  subtotal: { amount: string; currencyCode: string };
  lines: { id: string; merchandiseId: string; title: string; quantity: number; attributes: Attribute[] }[];
}

/** The test controls, from Node and (as /__fake routes) over HTTP. */
export interface StorefrontFakeControls {
  /** Queues a fault for the next GraphQL requests (see FaultKind). */
  fault(kind: FaultKind, options?: FaultOptions): void;
  /** Drops every queued fault and ends `down`. */
  clearFaults(): void;
  /** Sets a variant's stock; 0 makes it sold out, null untracked (always available). */
  setStock(merchandiseId: string, quantity: number | null): void;
  /** Sets a variant's price (a decimal string like "19.99"); carts follow at once, as on Shopify. */
  setPrice(merchandiseId: string, amount: string, compareAtAmount?: string | null): void;
  /** Clears carts, faults and the request log, and restores the seeded stock and prices. */
  reset(): void;
  requests(): RequestLog;
  carts(): CartSnapshot[];
}

const MAX_LOGGED = 1000;

/** The fake's whole state: catalog, carts, faults and the request log. */
export class StorefrontFakeState implements StorefrontFakeControls {
  readonly #seed: Catalog;
  catalog: Catalog;
  readonly cartStore: CartStore;
  readonly seededAt: string;
  #faults: PendingFault[] = [];
  #down: PendingFault | null = null;
  #log: RequestLog = { count: 0, requests: [], rootFieldCounts: {} };

  constructor(products: readonly Product[], now: () => Date = () => new Date()) {
    this.#seed = catalogFromProducts(products);
    this.catalog = cloneCatalog(this.#seed);
    this.cartStore = new CartStore(() => this.catalog, now);
    this.seededAt = now().toISOString();
  }

  fault(kind: FaultKind, options: FaultOptions = {}): void {
    if (!faultKinds.includes(kind)) throw new RangeError(`"${kind}" is not a fault kind; use one of ${faultKinds.join(', ')}.`);
    const count = options.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a whole number of at least 1, not ${count}.`);
    const delayMs = options.delayMs ?? (kind === 'slow' ? 1000 : 0);
    if (!Number.isFinite(delayMs) || delayMs < 0 || delayMs > 120_000) throw new RangeError(`delayMs must be between 0 and 120000, not ${delayMs}.`);
    const status = options.status ?? 502;
    if (![500, 502, 503, 504].includes(status)) throw new RangeError(`status must be 500, 502, 503 or 504, not ${status}.`);
    const retryAfterSeconds = options.retryAfterSeconds ?? 1;
    if (!Number.isInteger(retryAfterSeconds) || retryAfterSeconds < 0) throw new RangeError(`retryAfterSeconds must be a whole number of seconds, not ${retryAfterSeconds}.`);
    const fault: PendingFault = { kind, remaining: kind === 'down' ? null : count, delayMs, status: kind === 'down' ? 503 : status, retryAfterSeconds };
    if (kind === 'down') this.#down = fault;
    else this.#faults.push(fault);
  }

  clearFaults(): void {
    this.#faults = [];
    this.#down = null;
  }

  /** The queued faults, `down` first. */
  faults(): PendingFault[] {
    return [...(this.#down ? [this.#down] : []), ...this.#faults].map((fault) => ({ ...fault }));
  }

  /** Whether the fake is `down` (every request but /__fake gets 503). */
  get down(): PendingFault | null {
    return this.#down;
  }

  /** The fault the next GraphQL request gets, if any, counted off the queue. */
  takeFault(): PendingFault | null {
    if (this.#down) return this.#down;
    const fault = this.#faults[0];
    if (!fault) return null;
    fault.remaining = (fault.remaining ?? 1) - 1;
    if (fault.remaining <= 0) this.#faults.shift();
    return fault;
  }

  setStock(merchandiseId: string, quantity: number | null): void {
    const variant = this.#variant(merchandiseId);
    if (quantity !== null && (!Number.isInteger(quantity) || quantity < 0)) {
      throw new RangeError(`quantity must be a whole number of at least 0 (or null for untracked stock), not ${quantity}.`);
    }
    variant.quantityAvailable = quantity;
    variant.availableForSale = quantity === null || quantity > 0;
  }

  setPrice(merchandiseId: string, amount: string, compareAtAmount?: string | null): void {
    const variant = this.#variant(merchandiseId);
    const priceCents = parseCents(amount);
    const compareAtPriceCents = compareAtAmount == null ? null : parseCents(compareAtAmount);
    if (priceCents < 0 || (compareAtPriceCents ?? 0) < 0) throw new RangeError('A price must not be negative.');
    variant.priceCents = priceCents;
    if (compareAtAmount !== undefined) variant.compareAtPriceCents = compareAtPriceCents;
  }

  reset(): void {
    this.catalog = cloneCatalog(this.#seed);
    this.cartStore.clear();
    this.clearFaults();
    this.#log = { count: 0, requests: [], rootFieldCounts: {} };
  }

  /** Counts a GraphQL request; `record` adds what it turned out to be once that is known. */
  countRequest(): void {
    this.#log.count += 1;
  }

  record(request: LoggedRequest): void {
    this.#log.requests.push(request);
    if (this.#log.requests.length > MAX_LOGGED) this.#log.requests.shift();
    if (request.outcome === 'ok') {
      for (const field of request.rootFields) this.#log.rootFieldCounts[field] = (this.#log.rootFieldCounts[field] ?? 0) + 1;
    }
  }

  requests(): RequestLog {
    return structuredClone(this.#log);
  }

  carts(): CartSnapshot[] {
    return this.cartStore.list().map((cart) => ({
      id: cart.id,
      token: cart.token,
      createdAt: cart.createdAt,
      updatedAt: cart.updatedAt,
      attributes: structuredClone(cart.attributes),
      note: cart.note,
      totalQuantity: cart.lines.reduce((sum, line) => sum + line.quantity, 0),
      subtotal: { amount: formatDecimal(cartSubtotalCents(cart, this.catalog)), currencyCode: this.catalog.currencyCode },
      lines: cart.lines.map((line) => ({
        id: line.id,
        merchandiseId: line.merchandiseId,
        title: this.lineTitle(line.merchandiseId),
        quantity: line.quantity,
        attributes: structuredClone(line.attributes),
      })),
    }));
  }

  /** "Product title – Variant title", or the product title alone for a default variant. */
  lineTitle(merchandiseId: string): string {
    const variant = this.catalog.variants.get(merchandiseId);
    if (!variant) return merchandiseId;
    const product = this.catalog.products.get(variant.productId);
    if (!product) return variant.title;
    return variant.title && variant.title !== 'Default Title' ? `${product.title} – ${variant.title}` : product.title;
  }

  #variant(merchandiseId: string) {
    const variant = this.catalog.variants.get(merchandiseId);
    if (!variant) throw new RangeError(`No variant ${JSON.stringify(merchandiseId)} in the catalog; use a ProductVariant gid from the products the fake was started with.`);
    return variant;
  }
}
