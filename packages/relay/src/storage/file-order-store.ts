import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SHOW_ID_PATTERN } from '../show-registry.js';
import { GroupCommitFile } from './group-commit-file.js';
import { loadJsonLines } from './json-lines.js';
import { OrderIndex, type OrderStore, type RecordResult, type RecordedOrder } from './order-store.js';

export interface FileOrderStoreOptions {
  /** The relay's data directory (the event log's lock covers this file too). */
  dir: string;
  /** Told about what loading repaired (an unfinished line left by a crash). Default: `process.emitWarning`. */
  onWarning?: (message: string) => void;
}

/** The file, in the data directory. */
export const ORDERS_FILE = 'shopify-orders.jsonl';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A stored line read back: an order with its ids and at least one purchase of a show. */
function readOrderLine(value: unknown): RecordedOrder | undefined {
  if (!isObject(value)) return undefined;
  const { webhookId, orderId, purchases } = value;
  if (typeof webhookId !== 'string' || typeof orderId !== 'string' || !Array.isArray(purchases) || purchases.length === 0) return undefined;
  const valid = purchases.every((purchase) => isObject(purchase) && typeof purchase.show === 'string' && SHOW_ID_PATTERN.test(purchase.show));
  return valid ? (value as unknown as RecordedOrder) : undefined;
}

/**
 * An {@link OrderStore} in the relay's data directory: `<dir>/shopify-orders.jsonl`, one
 * JSON line per recorded order (with its attributed purchases), appended and fsynced
 * before `record` resolves (and so before the webhook's 200), with the event log's group
 * commit. Loading reads every line back into memory, so idempotency survives a restart,
 * and cuts off an unfinished last line left by a crash.
 */
export class FileOrderStore implements OrderStore {
  readonly path: string;
  readonly #dir: string;
  readonly #warn: (message: string) => void;
  readonly #index = new OrderIndex();
  /** Orders being written, by webhook id and by order id: a delivery of either waits for it. */
  readonly #writing = new Map<string, Promise<unknown>>();
  #file: GroupCommitFile<RecordedOrder> | undefined;
  #opening: Promise<void> | undefined;
  #closing: Promise<void> | undefined;

  constructor(options: FileOrderStoreOptions) {
    this.#dir = options.dir;
    this.path = join(options.dir, ORDERS_FILE);
    this.#warn = options.onWarning ?? ((message) => process.emitWarning(message, 'LiveShopRelayWarning'));
  }

  open(): Promise<void> {
    return (this.#opening ??= this.#load());
  }

  async #load(): Promise<void> {
    await mkdir(this.#dir, { recursive: true });
    const { items, size } = await loadJsonLines(this.path, readOrderLine, this.#warn);
    for (const order of items) this.#index.add(order);
    this.#file = new GroupCommitFile<RecordedOrder>(this.path, size, {
      committed: (orders) => {
        for (const order of orders) this.#index.add(order);
      },
      failed: () => {},
    });
  }

  async record(order: RecordedOrder): Promise<RecordResult> {
    if (this.#closing) throw new Error('The order store is closed; the relay is shutting down.');
    await this.open();
    const duplicate = this.#index.duplicateOf(order);
    if (duplicate) return duplicate;
    const pending = this.#writing.get(`webhook:${order.webhookId}`) ?? this.#writing.get(`order:${order.orderId}`);
    if (pending) {
      // The same delivery (or order) is being written: its outcome decides this one's.
      await pending.catch(() => {});
      return this.record(order);
    }
    const stored = JSON.parse(JSON.stringify(order)) as RecordedOrder;
    const done = (this.#file as GroupCommitFile<RecordedOrder>).append(stored, `${JSON.stringify(stored)}\n`);
    const keys = [`webhook:${order.webhookId}`, `order:${order.orderId}`];
    for (const key of keys) this.#writing.set(key, done);
    try {
      await done;
    } finally {
      for (const key of keys) this.#writing.delete(key);
    }
    return { recorded: true };
  }

  async ordersOfShow(show: string): Promise<RecordedOrder[]> {
    await this.open();
    return this.#index.ordersOfShow(show).map((order) => structuredClone(order));
  }

  /** Waits for the writes in flight, then closes the file. */
  close(): Promise<void> {
    return (this.#closing ??= this.#close());
  }

  async #close(): Promise<void> {
    if (!this.#opening) return;
    await this.#opening.catch(() => {});
    await this.#file?.close();
  }
}
