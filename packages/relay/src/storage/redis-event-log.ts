import { createHash } from 'node:crypto';
import type { AnyEnvelope } from '@live-shop/protocol';
import { createRedisClient, redisWarning, type RedisClient } from '../redis-client.js';
import type { AppendResult, AppendWatcher, EnvelopeDraft, EventLog } from '../event-log.js';
import type { ShowRecord } from '../show-registry.js';
import { checkShowId, readShowRecord, showRecordJson } from './records.js';

export interface RedisEventLogOptions {
  /** The Redis URL, e.g. `redis://127.0.0.1:6379`. */
  url: string;
  /** The first part of every key. Default `live-shop`. */
  prefix?: string;
  /**
   * Told about connection errors (the client reconnects by itself once it has connected).
   * Default: `process.emitWarning`, once per distinct message in a row.
   */
  onError?: (error: Error) => void;
}

/**
 * Appends one event atomically: returns the stored envelope when the event id is known
 * (idempotency), else takes the next seq from the show's counter and adds the envelope
 * to the stream with the id `<seq>-0`. A script runs alone in Redis, so seq is gapless
 * and unique whatever the number of relays appending to the show. It then publishes
 * `<seq> <show>` on the notice channel (see `watch`): in the same script, so notices go
 * out in seq order and an append is never left without its notice.
 *
 * KEYS: the stream, the id → seq hash, the seq counter.
 * ARGV: the event id, the envelope's JSON up to the seq, and after it; the notice
 * channel, the show id.
 */
const APPEND_SCRIPT = `
local known = redis.call('HGET', KEYS[2], ARGV[1])
if known then
  local entries = redis.call('XRANGE', KEYS[1], known .. '-0', known .. '-0')
  if not entries[1] then return redis.error_reply('live-shop: event ' .. ARGV[1] .. ' has seq ' .. known .. ' but is not in the stream') end
  return {0, entries[1][2][2]}
end
local seq = string.format('%d', redis.call('INCR', KEYS[3]))
redis.call('XADD', KEYS[1], seq .. '-0', 'e', ARGV[2] .. seq .. ARGV[3])
redis.call('HSET', KEYS[2], ARGV[1], seq)
redis.call('PUBLISH', ARGV[4], seq .. ' ' .. ARGV[5])
return {1, tonumber(seq)}
`;
const APPEND_SHA = createHash('sha1').update(APPEND_SCRIPT).digest('hex');

/** XRANGE pages. */
const PAGE = 1000;
type Client = RedisClient;
type StreamEntry = [id: string, fields: string[]];

function readEnvelope(json: string): AnyEnvelope {
  return Object.freeze(JSON.parse(json) as AnyEnvelope);
}

/**
 * An {@link EventLog} in Redis, shared by every relay process of a deployment (`shared`
 * is true): one stream per show, `<prefix>:show:<id>:events`, whose entry ids are
 * `<seq>-0` and whose field `e` is the envelope's JSON; the idempotency index
 * `<prefix>:show:<id>:ids` (a hash of event id → seq); the seq counter
 * `<prefix>:show:<id>:seq`; and the show records in the hash `<prefix>:shows`.
 *
 * Appends run as one Lua script, so seq assignment is atomic and gapless across
 * processes. An append is acknowledged once Redis has executed it; how durable that is
 * depends on Redis's persistence (`appendonly yes` with `appendfsync always` or
 * `everysec`).
 */
export class RedisEventLog implements EventLog {
  readonly shared = true;
  readonly #url: string;
  readonly #prefix: string;
  readonly #onError: (error: Error) => void;
  #client: Client | undefined;
  #opening: Promise<Client> | undefined;
  #closing: Promise<void> | undefined;
  readonly #watchers = new Set<AppendWatcher>();
  #subscriber: Promise<Client> | undefined;

  constructor(options: RedisEventLogOptions) {
    this.#url = options.url;
    this.#prefix = options.prefix ?? 'live-shop';
    this.#onError = options.onError ?? redisWarning('Redis event log');
  }

  /** Connects (done by the first call of any method; calling it again is free). */
  async open(): Promise<void> {
    await this.#connected();
  }

  #connected(): Promise<Client> {
    if (this.#closing) return Promise.reject(new Error('The event log is closed; the relay is shutting down.'));
    return (this.#opening ??= this.#connect());
  }

  async #connect(): Promise<Client> {
    const client = createRedisClient(this.#url, (error) => this.#onError(error));
    this.#client = client;
    await client.connect();
    return client;
  }

  #key(show: string, part: 'events' | 'ids' | 'seq'): string {
    return `${this.#prefix}:show:${show}:${part}`;
  }

  get #showsKey(): string {
    return `${this.#prefix}:shows`;
  }

  /** The pub/sub channel of append notices. */
  get #noticeChannel(): string {
    return `${this.#prefix}:appended`;
  }

  async append(draft: EnvelopeDraft): Promise<AppendResult> {
    checkShowId(draft.show);
    const client = await this.#connected();
    const { v, id, show, type, at, pdt, data } = draft;
    const head = `{"v":${JSON.stringify(v)},"id":${JSON.stringify(id)},"show":${JSON.stringify(show)},"seq":`;
    const tail = `,"type":${JSON.stringify(type)},"at":${JSON.stringify(at)},"pdt":${JSON.stringify(pdt)},"data":${JSON.stringify(data)}}`;
    const keys = [this.#key(show, 'events'), this.#key(show, 'ids'), this.#key(show, 'seq')];
    const args = [String(keys.length), ...keys, id, head, tail, this.#noticeChannel, show];
    let reply: [number, number | string];
    try {
      reply = await client.sendCommand<[number, number | string]>(['EVALSHA', APPEND_SHA, ...args]);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      // First use on this Redis (or after a restart or SCRIPT FLUSH): EVAL also caches it.
      reply = await client.sendCommand<[number, number | string]>(['EVAL', APPEND_SCRIPT, ...args]);
    }
    const [created, value] = reply;
    if (created === 1) {
      // Keys in the protocol's order, as in the stored JSON.
      const envelope = Object.freeze({ v, id, show, seq: Number(value), type, at, pdt, data }) as AnyEnvelope;
      return { envelope, created: true };
    }
    return { envelope: readEnvelope(String(value)), created: false };
  }

  async after(show: string, seq: number): Promise<AnyEnvelope[]> {
    const client = await this.#connected();
    const key = this.#key(show, 'events');
    const events: AnyEnvelope[] = [];
    for (let from = Math.max(0, Math.floor(seq)) + 1; ; ) {
      const page = await client.sendCommand<StreamEntry[]>(['XRANGE', key, `${from}-0`, '+', 'COUNT', String(PAGE)]);
      for (const [, fields] of page) events.push(readEnvelope(fields[1] as string));
      if (page.length < PAGE) return events;
      from = (events[events.length - 1] as AnyEnvelope).seq + 1;
    }
  }

  async all(show: string): Promise<AnyEnvelope[]> {
    return this.after(show, 0);
  }

  async lastSeq(show: string): Promise<number> {
    const client = await this.#connected();
    return Number((await client.sendCommand<string | null>(['GET', this.#key(show, 'seq')])) ?? 0);
  }

  async createShow(record: ShowRecord): Promise<boolean> {
    checkShowId(record.id);
    const client = await this.#connected();
    return (await client.sendCommand<number>(['HSETNX', this.#showsKey, record.id, showRecordJson(record)])) === 1;
  }

  async updateShow(record: ShowRecord): Promise<void> {
    checkShowId(record.id);
    const client = await this.#connected();
    await client.sendCommand(['HSET', this.#showsKey, record.id, showRecordJson(record)]);
  }

  async getShow(id: string): Promise<ShowRecord | undefined> {
    const client = await this.#connected();
    const json = await client.sendCommand<string | null>(['HGET', this.#showsKey, id]);
    return json === null ? undefined : readShowRecord(JSON.parse(json));
  }

  async listShows(): Promise<ShowRecord[]> {
    const client = await this.#connected();
    const values = await client.sendCommand<string[]>(['HVALS', this.#showsKey]);
    return values.map((json) => readShowRecord(JSON.parse(json))).filter((record): record is ShowRecord => record !== undefined);
  }

  /**
   * Tells `watcher` about every append by any relay on this Redis (a notice `<seq> <show>`
   * on the channel `<prefix>:appended`, published by the append script), on a connection
   * of its own. Notices sent while that connection is down are lost: when it is back, and
   * subscribed again, `watcher.resync()` is called. Resolves once subscribed.
   */
  async watch(watcher: AppendWatcher): Promise<() => void> {
    this.#watchers.add(watcher);
    try {
      await (this.#subscriber ??= this.#subscribe());
    } catch (error) {
      this.#watchers.delete(watcher);
      this.#subscriber = undefined;
      throw error;
    }
    return () => this.#watchers.delete(watcher);
  }

  async #subscribe(): Promise<Client> {
    const subscriber = (await this.#connected()).duplicate();
    try {
      await this.#listen(subscriber);
    } catch (error) {
      if (subscriber.isOpen) subscriber.destroy();
      throw error;
    }
    return subscriber;
  }

  async #listen(subscriber: Client): Promise<void> {
    let subscribed = false;
    subscriber.on('error', (error: unknown) => this.#onError(error instanceof Error ? error : new Error(String(error))));
    // node-redis subscribes again before 'ready' on a reconnection.
    subscriber.on('ready', () => {
      if (subscribed) for (const watcher of this.#watchers) watcher.resync();
    });
    await subscriber.connect();
    await subscriber.subscribe(this.#noticeChannel, (message: string) => {
      const space = message.indexOf(' ');
      const seq = Number(message.slice(0, space));
      const show = message.slice(space + 1);
      if (space > 0 && Number.isSafeInteger(seq)) for (const watcher of this.#watchers) watcher.appended(show, seq);
    });
    subscribed = true;
  }

  /** Waits for the commands in flight, then closes the connections. */
  close(): Promise<void> {
    return (this.#closing ??= this.#close());
  }

  async #close(): Promise<void> {
    const subscriber = await this.#subscriber?.catch(() => undefined);
    if (subscriber?.isOpen) await subscriber.close();
    const opening = this.#opening;
    if (!opening) return;
    const client = await opening.catch(() => undefined);
    if (client?.isOpen) await client.close();
    else if (this.#client?.isOpen) this.#client.destroy();
  }
}
