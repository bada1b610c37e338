import { once } from 'node:events';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createRedisClient, redisWarning, type RedisClient } from '../redis-client.js';
import type { RelayIo } from '../socket.js';
import { withSeqRecovery } from './resume.js';

export interface RedisSocketAdapterOptions {
  /** The Redis URL, e.g. `redis://127.0.0.1:6379` (the relay's `redisUrl`). */
  url: string;
  /** The first part of the adapter's stream and channel names. Default `live-shop`. */
  prefix?: string;
  /** Told about connection errors. Default: `process.emitWarning`, once per distinct message in a row. */
  onError?: (error: Error) => void;
}

type Client = RedisClient;

/** How long `start()` waits for the adapter's own connections (a Redis that answered a moment ago). */
const COPIES_READY_MS = 10_000;

/**
 * socket.io on several relay processes: `@socket.io/redis-streams-adapter` on a node-redis
 * client of its own, so that `io.to(room)` reaches the sockets of every relay (a viewer's
 * tabs, `fetchSockets`…), with the relay's seq-based session store for connection-state
 * recovery (see `resume.ts`). The show's events do not go through it: every relay learns
 * every event from the log (`ShowRegistry.onEvents`) and sends it to its own sockets.
 *
 * The adapter makes two more connections from the client (`duplicate()`): a stream reader
 * that blocks in `XREAD` and a pub/sub subscriber. `close()` (after `io.close()`) closes
 * all three at once, rather than leaving the reader to notice within its block time.
 */
export class RedisSocketAdapter {
  readonly #url: string;
  readonly #prefix: string;
  readonly #onError: (error: Error) => void;
  readonly #copies: Client[] = [];
  readonly #adapters = new Set<{ close(): unknown }>();
  #client: Client | undefined;
  #starting: Promise<void> | undefined;
  #closing: Promise<void> | undefined;

  constructor(options: RedisSocketAdapterOptions) {
    this.#url = options.url;
    this.#prefix = options.prefix ?? 'live-shop';
    this.#onError = options.onError ?? redisWarning('Redis socket adapter');
  }

  /**
   * Connects and makes the adapter `io`'s (before any socket connects: the relay's
   * `ready`). Rejects when Redis cannot be reached.
   */
  start(io: RelayIo): Promise<void> {
    return (this.#starting ??= this.#start(io));
  }

  async #start(io: RelayIo): Promise<void> {
    const client = createRedisClient(this.#url, (error) => this.#onError(error));
    this.#trackCopies(client);
    this.#client = client;
    await client.connect();

    const factory = createAdapter(client, {
      streamName: `${this.#prefix}:socket.io`,
      channelPrefix: `${this.#prefix}:socket.io`,
      // Packets are JSON: no binary checks.
      onlyPlaintext: true,
    });
    const adapters = this.#adapters;
    // A function, not an arrow: socket.io calls it with `new`.
    io.adapter(function relayAdapter(this: unknown, nsp: unknown) {
      const adapter = withSeqRecovery(factory(nsp));
      const close = adapter.close;
      adapters.add(adapter);
      adapter.close = function closeAdapter(this: typeof adapter) {
        adapters.delete(adapter);
        return close.call(this);
      };
      return adapter;
    } as unknown as Parameters<RelayIo['adapter']>[0]);
    await this.#copiesReady();
  }

  /** Records the connections the adapter makes from `client`, and makes their `disconnect()` safe to call twice. */
  #trackCopies(client: Client): void {
    const duplicate = client.duplicate.bind(client);
    client.duplicate = ((overrides?: Parameters<Client['duplicate']>[0]) => {
      const copy = duplicate(overrides) as Client;
      // The adapter disconnects its stream reader after its last XREAD; after close() that
      // connection is already gone, and node-redis throws on a second close.
      const disconnect = copy.disconnect.bind(copy);
      copy.disconnect = () => (copy.isOpen ? disconnect() : Promise.resolve());
      this.#copies.push(copy);
      return copy;
    }) as Client['duplicate'];
  }

  async #copiesReady(): Promise<void> {
    const pending = this.#copies.filter((copy) => !copy.isReady).map((copy) => once(copy, 'ready'));
    if (pending.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`The socket.io adapter could not connect to Redis at ${this.#url} within ${COPIES_READY_MS / 1000} s.`)), COPIES_READY_MS);
    });
    try {
      await Promise.race([Promise.all(pending), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Closes the adapter's connections; call it after `io.close()` (which closes the
   * adapter itself, so that its stream reader stops reading).
   */
  close(): Promise<void> {
    return (this.#closing ??= this.#close());
  }

  async #close(): Promise<void> {
    await this.#starting?.catch(() => {});
    // In case io.close() did not: the reader must stop before its connection goes.
    for (const adapter of [...this.#adapters]) adapter.close();
    for (const copy of this.#copies) if (copy.isOpen) copy.destroy();
    const client = this.#client;
    if (client?.isOpen) await client.close();
  }
}
