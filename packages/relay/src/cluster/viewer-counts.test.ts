import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../testing/redis.js';
import { RedisViewerCounts } from './viewer-counts.js';

let redis: TestRedis;
let prefixes = 0;
const opened: RedisViewerCounts[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterEach(async () => {
  for (const counts of opened.splice(0)) await counts.close();
});
afterAll(async () => {
  await redis?.stop();
});

interface Relay {
  counts: RedisViewerCounts;
  clock: { time: number };
}

/** Relays' viewer counts on one fresh prefix, each with its own hand-driven clock. */
async function relays(count: number): Promise<Relay[]> {
  const prefix = `counts-${++prefixes}`;
  return Promise.all(
    Array.from({ length: count }, async () => {
      const clock = { time: 1_000_000 };
      // A long interval: the tests call refresh() themselves.
      const counts = new RedisViewerCounts({ url: redis.url, prefix, intervalMs: 60_000, ttlMs: 15_000, now: () => clock.time });
      await counts.start();
      opened.push(counts);
      return { counts, clock };
    }),
  );
}

describe('RedisViewerCounts', () => {
  it('sums the relays’ counts, and names one of them to write the count to the log', async () => {
    const [a, b] = (await relays(2)) as [Relay, Relay];
    a.counts.show('demo').local(3);
    b.counts.show('demo').local(2);
    // Before any round, a relay knows its own count only.
    expect(a.counts.show('demo').total).toBe(3);
    await a.counts.refresh();
    await b.counts.refresh();
    await a.counts.refresh();
    expect([a.counts.show('demo').total, b.counts.show('demo').total]).toEqual([5, 5]);
    expect([a.counts.show('demo').writer, b.counts.show('demo').writer].sort()).toEqual([false, true]);
    // Another show is counted apart.
    expect(a.counts.show('other').total).toBe(0);

    // A relay whose viewers left stops counting, and the other writes the count.
    const [leaving, staying] = a.counts.show('demo').writer ? [a, b] : [b, a];
    leaving.counts.show('demo').local(0);
    await leaving.counts.refresh();
    await staying.counts.refresh();
    expect(staying.counts.show('demo').total).toBe(staying === a ? 3 : 2);
    expect(staying.counts.show('demo').writer).toBe(true);
  });

  it('stops counting a relay that stopped reporting (a crash) once its report is stale, and one that closed at once', async () => {
    const [a, b, c] = (await relays(3)) as [Relay, Relay, Relay];
    a.counts.show('demo').local(1);
    b.counts.show('demo').local(4);
    c.counts.show('demo').local(2);
    await Promise.all([a.counts.refresh(), b.counts.refresh(), c.counts.refresh()]);
    await a.counts.refresh();
    expect(a.counts.show('demo').total).toBe(7);

    await c.counts.close();
    await a.counts.refresh();
    expect(a.counts.show('demo').total).toBe(5);

    // b says nothing more, as if killed: its report runs out.
    a.clock.time += 15_001;
    await a.counts.refresh();
    expect(a.counts.show('demo').total).toBe(1);
    expect(a.counts.show('demo').writer).toBe(true);
    // And is removed from the hash by the relay that found it stale.
    const client = createClient({ url: redis.url });
    await client.connect();
    expect(await client.sendCommand(['HLEN', `counts-${prefixes}:show:demo:viewers`])).toBe(1);
    await client.close();
  });
});
