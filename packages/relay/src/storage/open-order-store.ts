import { FileOrderStore } from './file-order-store.js';
import { MemoryOrderStore, type OrderStore } from './order-store.js';
import { RedisOrderStore } from './redis-order-store.js';

/** The order store beside the event log the options name: a file in `dataDir`, Redis at `redisUrl`, else memory. */
export function openOrderStore(options: { dataDir?: string; redisUrl?: string }): OrderStore {
  if (options.dataDir) return new FileOrderStore({ dir: options.dataDir });
  if (options.redisUrl) return new RedisOrderStore({ url: options.redisUrl });
  return new MemoryOrderStore();
}
