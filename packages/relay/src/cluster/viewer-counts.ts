import { randomBytes } from 'node:crypto';
import { createRedisClient, redisWarning, type RedisClient } from '../redis-client.js';

/**
 * One show's viewer count across relay processes, as the audience's presence uses it
 * (audience/viewers.ts): this relay reports its own count, and reads the total.
 */
export interface ViewerCountShare {
  /** This relay's count changed. */
  local(count: number): void;
  /** This relay's count plus the other relays' last reports (those still fresh). */
  readonly total: number;
  /** Whether this relay is the one that writes the show's count to the log (one relay does). */
  readonly writer: boolean;
}

/** Where shows' viewer counts are shared between relay processes. */
export interface ViewerCounts {
  show(id: string): ViewerCountShare;
}

export interface RedisViewerCountsOptions {
  /** The Redis URL (the relay's `redisUrl`): a connection of its own. */
  url?: string;
  /** Or a client to share (the relay's audience connection), connected and closed by its owner. */
  client?: RedisClient;
  /** The first part of every key. Default `live-shop`. */
  prefix?: string;
  /** How often this relay reports its counts and reads the others', in ms. Default 1000. */
  intervalMs?: number;
  /** How long a report stays valid without being renewed (a relay that died stops counting after this), in ms. Default 10 000. */
  ttlMs?: number;
  /** The clock (epoch ms); relays' clocks must agree to well within `ttlMs`. Default `Date.now`. */
  now?: () => number;
  /** Told about connection errors. Default: `process.emitWarning`, once per distinct message in a row. */
  onError?: (error: Error) => void;
}

type Client = RedisClient;

class ShowCount implements ViewerCountShare {
  count = 0;
  others = 0;
  writer = true;
  /** Whether this relay's field is in the hash (so that a count of 0 removes it). */
  stored = false;

  local(count: number): void {
    this.count = count;
  }

  get total(): number {
    return this.count + this.others;
  }
}

/**
 * Viewer counts of several relay processes summed in Redis. Every `intervalMs`, each relay
 * writes its count of each show into the hash `<prefix>:show:<id>:viewers` (field: the
 * relay's random id; value: `<count> <valid until, epoch ms>`), removing its field when
 * the count is 0, and reads the hash: the total is its own count plus the other fresh
 * fields (stale ones, of a relay that died, are removed by whoever reads them). The relay
 * with the smallest id among those counting writes the count to the log, so that the log
 * gets one `viewers.count`, not one per relay. Costs two commands per show and interval,
 * whatever the audience; a count is at most about `intervalMs` old.
 */
export class RedisViewerCounts implements ViewerCounts {
  readonly #id = randomBytes(8).toString('hex');
  readonly #url: string | undefined;
  readonly #prefix: string;
  readonly #intervalMs: number;
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #onError: (error: Error) => void;
  readonly #shows = new Map<string, ShowCount>();
  #client: Client | undefined;
  /** Whether the client is this one's own (connected and closed here). */
  readonly #owned: boolean;
  #timer: NodeJS.Timeout | undefined;
  #round: Promise<void> | undefined;
  #closing: Promise<void> | undefined;

  constructor(options: RedisViewerCountsOptions) {
    if ((options.url === undefined) === (options.client === undefined)) throw new Error('Give RedisViewerCounts either a url or a client.');
    this.#url = options.url;
    this.#client = options.client;
    this.#owned = options.client === undefined;
    this.#prefix = options.prefix ?? 'live-shop';
    this.#intervalMs = options.intervalMs ?? 1000;
    this.#ttlMs = options.ttlMs ?? 10_000;
    this.#now = options.now ?? Date.now;
    this.#onError = options.onError ?? redisWarning('Redis viewer counts');
  }

  /** Connects (its own client) and starts the rounds. Rejects when Redis cannot be reached. */
  async start(): Promise<void> {
    if (this.#owned && this.#url !== undefined) {
      const client = createRedisClient(this.#url, (error) => this.#onError(error));
      this.#client = client;
      await client.connect();
    }
    if (this.#closing) return;
    this.#timer = setInterval(() => void this.refresh(), this.#intervalMs);
    this.#timer.unref();
  }

  show(id: string): ViewerCountShare {
    let share = this.#shows.get(id);
    if (!share) {
      share = new ShowCount();
      this.#shows.set(id, share);
    }
    return share;
  }

  /** Reports this relay's counts and reads the others' now (the timer does it every interval). */
  refresh(): Promise<void> {
    // One round at a time; a call during one waits for it.
    return (this.#round ??= this.#refresh().finally(() => (this.#round = undefined)));
  }

  async #refresh(): Promise<void> {
    const client = this.#client;
    if (!client?.isReady || this.#closing) return;
    const now = this.#now();
    await Promise.all(
      [...this.#shows].map(async ([show, share]) => {
        try {
          await this.#refreshShow(client, show, share, now);
        } catch (error) {
          this.#onError(error instanceof Error ? error : new Error(String(error)));
        }
      }),
    );
  }

  async #refreshShow(client: Client, show: string, share: ShowCount, now: number): Promise<void> {
    const key = this.#key(show);
    if (share.count > 0) {
      await client.sendCommand(['HSET', key, this.#id, `${share.count} ${now + this.#ttlMs}`]);
      share.stored = true;
    } else if (share.stored) {
      await client.sendCommand(['HDEL', key, this.#id]);
      share.stored = false;
    }
    const fields = await client.sendCommand<string[]>(['HGETALL', key]);
    let others = 0;
    let writer = true;
    const stale: string[] = [];
    for (let index = 0; index + 1 < fields.length; index += 2) {
      const field = fields[index] as string;
      if (field === this.#id) continue;
      const [count, until] = (fields[index + 1] as string).split(' ').map(Number);
      if (!Number.isSafeInteger(count) || !Number.isFinite(until) || (until as number) <= now) {
        stale.push(field);
        continue;
      }
      others += count as number;
      if (field < this.#id) writer = false;
    }
    if (stale.length > 0) await client.sendCommand(['HDEL', key, ...stale]);
    share.others = others;
    share.writer = writer;
  }

  #key(show: string): string {
    return `${this.#prefix}:show:${show}:viewers`;
  }

  /** Stops the rounds and removes this relay's reports (the others stop counting it at once); closes its own client. */
  close(): Promise<void> {
    return (this.#closing ??= this.#close());
  }

  async #close(): Promise<void> {
    clearInterval(this.#timer);
    await this.#round?.catch(() => {});
    const client = this.#client;
    if (!client?.isOpen) return;
    if (client.isReady) {
      const stored = [...this.#shows].filter(([, share]) => share.stored);
      await Promise.all(stored.map(([show]) => client.sendCommand(['HDEL', this.#key(show), this.#id]).catch(() => {})));
    }
    if (this.#owned) await client.close();
  }
}
