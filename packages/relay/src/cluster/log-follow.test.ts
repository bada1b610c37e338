// Every relay on a shared log (Redis) learns every event, in seq order, once
// (ShowRegistry.onEvents, fed by RedisEventLog.watch): what each relay sends its viewers.
import type { AnyEnvelope } from '@live-shop/protocol';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MemoryEventLog, type AppendWatcher } from '../event-log.js';
import { ShowRegistry } from '../show-registry.js';
import { RedisEventLog } from '../storage/redis-event-log.js';
import { highlight } from '../testing/relay-fixture.js';
import { startRedis, type TestRedis } from '../testing/redis.js';

let redis: TestRedis;
let prefixes = 0;
const logs: RedisEventLog[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterEach(async () => {
  for (const log of logs.splice(0)) await log.close();
});
afterAll(async () => {
  await redis?.stop();
});

interface Relay {
  shows: ShowRegistry;
  /** The seqs its onEvents listeners got, in order. */
  heard: number[];
  until(seq: number): Promise<void>;
}

async function relays(count: number): Promise<Relay[]> {
  const prefix = `follow-${++prefixes}`;
  return Promise.all(
    Array.from({ length: count }, async () => {
      // Quiet: a test cuts connections on purpose.
      const log = new RedisEventLog({ url: redis.url, prefix, onError: () => {} });
      logs.push(log);
      const shows = new ShowRegistry({ log, now: Date.now, snapshotLagMs: 120_000 });
      await shows.load();
      const heard: number[] = [];
      const waiters = new Set<() => void>();
      shows.onEvents((_, envelopes: AnyEnvelope[]) => {
        heard.push(...envelopes.map((envelope) => envelope.seq));
        for (const waiter of [...waiters]) waiter();
      });
      const until = (seq: number): Promise<void> =>
        new Promise((resolve, reject) => {
          const check = (): void => {
            if ((heard[heard.length - 1] ?? 0) < seq) return;
            clearTimeout(timer);
            waiters.delete(check);
            resolve();
          };
          const timer = setTimeout(() => reject(new Error(`heard ${heard.length} events, not up to seq ${seq}`)), 5_000);
          waiters.add(check);
          check();
        });
      return { shows, heard, until };
    }),
  );
}

const upTo = (seq: number) => Array.from({ length: seq }, (_, index) => index + 1);

describe('relays following a shared log', () => {
  it('each hear every event once, in seq order, whichever relay appended it', async () => {
    const [a, b] = (await relays(2)) as [Relay, Relay];
    await a.shows.create({ id: 'demo' });
    // b reads the show (as a joining viewer's handshake does), then follows it.
    await b.shows.catchUp('demo');
    await Promise.all(Array.from({ length: 40 }, (_, index) => (index % 2 === 0 ? a : b).shows.append('demo', highlight(`p${index}`))));
    await Promise.all([a.until(40), b.until(40)]);
    expect(a.heard).toEqual(upTo(40));
    expect(b.heard).toEqual(upTo(40));
    expect(b.shows.cachedAfter('demo', 37)?.map((event) => event.seq)).toEqual([38, 39, 40]);
  });

  it('read what they missed while their notices were cut off (a Redis reconnection)', async () => {
    const [a, b] = (await relays(2)) as [Relay, Relay];
    await a.shows.create({ id: 'demo' });
    await b.shows.catchUp('demo');
    await a.shows.append('demo', highlight('p1'));
    await b.until(1);
    // Cut every subscriber's connection: b's notices stop until it has reconnected.
    const admin = createClient({ url: redis.url });
    await admin.connect();
    await admin.sendCommand(['CLIENT', 'KILL', 'TYPE', 'pubsub']);
    // Within the first reconnection delay (50 ms).
    for (let index = 0; index < 5; index++) await a.shows.append('demo', highlight(`p${index}`));
    await admin.close();
    // Nothing else is appended: b has these from its resync after reconnecting (or from notices, had it been quicker).
    await b.until(6);
    expect(b.heard).toEqual(upTo(6));
  });

  it('read every show they have read again on a resync, and only those', async () => {
    // A memory log shared "with other relays" (appends through `log` directly), whose
    // notices the test sends by hand.
    class SharedLog extends MemoryEventLog {
      readonly shared = true;
      watcher: AppendWatcher | undefined;
      async watch(watcher: AppendWatcher): Promise<() => void> {
        this.watcher = watcher;
        return () => {};
      }
    }
    const log = new SharedLog();
    const shows = new ShowRegistry({ log, now: Date.now, snapshotLagMs: 120_000 });
    const heard: string[] = [];
    let heardMore = (): void => {};
    shows.onEvents((show, envelopes) => {
      heard.push(...envelopes.map((envelope) => `${show}:${envelope.seq}`));
      heardMore();
    });
    /** Resolves once `count` events were heard, then lets whatever else was started run. */
    const hear = async (count: number): Promise<void> => {
      if (heard.length < count) await new Promise<void>((resolve) => (heardMore = () => heard.length >= count && resolve()));
      await new Promise((resolve) => setImmediate(resolve));
    };
    await shows.create({ id: 'seen' });
    await shows.create({ id: 'unseen' });
    await shows.catchUp('seen');
    const draft = (show: string, id: string) => ({ v: 1, id, show, type: 'product.clear', at: 1, pdt: 1, data: {} }) as const;
    await log.append(draft('seen', 'a'));
    await log.append(draft('seen', 'b'));
    await log.append(draft('unseen', 'c'));
    expect(heard).toEqual([]);
    // A notice: the show is read after its last seq.
    log.watcher?.appended('seen', 1);
    await hear(2);
    expect(heard).toEqual(['seen:1', 'seen:2']);
    // A resync: the shows this relay has read are read again; not the others.
    await log.append(draft('seen', 'd'));
    log.watcher?.resync();
    await hear(3);
    expect(heard).toEqual(['seen:1', 'seen:2', 'seen:3']);
    // A notice of a show it has not read, or of what it has, reads nothing.
    log.watcher?.appended('seen', 3);
    log.watcher?.appended('nobody', 1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(heard).toEqual(['seen:1', 'seen:2', 'seen:3']);
    await shows.catchUp('unseen');
    expect(heard).toEqual(['seen:1', 'seen:2', 'seen:3', 'unseen:1']);
  });
});
