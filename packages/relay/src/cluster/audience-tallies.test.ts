import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisClient, type RedisClient } from '../redis-client.js';
import { startRedis, type TestRedis } from '../testing/redis.js';
import { RedisAudienceTallies } from './audience-tallies.js';

let redis: TestRedis;
let client: RedisClient;
let prefixes = 0;

beforeAll(async () => {
  redis = await startRedis();
  client = createRedisClient(redis.url, () => {});
  await client.connect();
});
afterAll(async () => {
  await client?.close();
  await redis?.stop();
});

/** Two relays' tallies (one client is enough: what matters is that they share Redis) on a fresh prefix. */
function tallies(): [RedisAudienceTallies, RedisAudienceTallies, string] {
  const prefix = `tallies-${++prefixes}`;
  return [new RedisAudienceTallies({ client, prefix, keepMs: 60_000 }), new RedisAudienceTallies({ client, prefix, keepMs: 60_000 }), prefix];
}

const poll = { pollId: 'q1', openSeq: 4 };

describe('RedisAudienceTallies', () => {
  it('adds the relays’ reactions to shared totals, starting from the log’s when Redis has none', async () => {
    const [a, b] = tallies();
    // The log holds 10 hearts from earlier rollups: the totals start there, counted as written.
    expect(await a.round('demo', { add: { heart: 2 }, seed: { heart: 10 }, polls: [] })).toEqual({ totals: { heart: 12 }, polls: [] });
    // Once there are totals, a seed changes nothing.
    expect(await b.round('demo', { add: { fire: 3 }, seed: { heart: 10 }, polls: [] })).toEqual({ totals: { heart: 12, fire: 3 }, polls: [] });
    expect(await a.claimRollup('demo', 1, [])).toEqual({ reactions: { heart: 2, fire: 3 }, polls: [] });
  });

  it('gives each log period to one relay, and what the log lacks once', async () => {
    const [a, b] = tallies();
    await a.round('demo', { add: { heart: 5 }, seed: {}, polls: [] });
    expect(await a.claimRollup('demo', 7, [])).toEqual({ reactions: { heart: 5 }, polls: [] });
    await b.round('demo', { add: { heart: 1 }, seed: {}, polls: [] });
    // Period 7 is taken (and so is an earlier one, from a relay whose clock is behind).
    expect(await b.claimRollup('demo', 7, [])).toBeUndefined();
    expect(await b.claimRollup('demo', 6, [])).toBeUndefined();
    // A write that failed is given back, and the next claim takes it with what came since.
    const claim = await b.claimRollup('demo', 8, []);
    expect(claim).toEqual({ reactions: { heart: 1 }, polls: [] });
    await b.releaseRollup('demo', claim as NonNullable<typeof claim>);
    await a.round('demo', { add: { heart: 2 }, seed: {}, polls: [] });
    // A last write (a relay stopping) claims whatever the period.
    expect(await a.claimRollup('demo', undefined, [])).toEqual({ reactions: { heart: 3 }, polls: [] });
    expect(await a.claimRollup('demo', undefined, [])).toEqual({ reactions: {}, polls: [] });
  });

  it('takes the first vote of each viewer, closes a poll once, and refuses votes after', async () => {
    const [a, b] = tallies();
    expect(await a.vote('demo', poll, 'ann', 'red', {})).toEqual({ outcome: 'counted', counts: { red: 1 } });
    expect(await b.vote('demo', poll, 'ann', 'red', {})).toEqual({ outcome: 'same' });
    expect(await b.vote('demo', poll, 'ann', 'blue', {})).toEqual({ outcome: 'other', earlier: 'red' });
    expect(await b.vote('demo', poll, 'bob', 'blue', {})).toEqual({ outcome: 'counted', counts: { red: 1, blue: 1 } });
    // The same poll opened again (another seq) is another poll.
    expect(await b.vote('demo', { pollId: 'q1', openSeq: 9 }, 'ann', 'blue', {})).toEqual({ outcome: 'counted', counts: { blue: 1 } });

    expect(await a.round('demo', { add: {}, seed: {}, polls: [poll] })).toEqual({ totals: {}, polls: [{ red: 1, blue: 1 }] });
    expect(await a.closePoll('demo', poll)).toEqual({ red: 1, blue: 1 });
    // Closed on both: nothing more to write, and no vote counts.
    expect(await b.closePoll('demo', poll)).toBeUndefined();
    expect(await b.vote('demo', poll, 'carl', 'red', {})).toEqual({ outcome: 'closed' });
    expect(await a.claimRollup('demo', undefined, [poll])).toEqual({ reactions: {}, polls: [] });
  });

  it('writes a poll’s counts to the log once per change, and starts from the log’s when Redis lost them', async () => {
    const [a, b] = tallies();
    await a.vote('demo', poll, 'ann', 'red', {});
    await b.vote('demo', poll, 'bob', 'red', {});
    expect(await a.claimRollup('demo', 1, [poll])).toEqual({ reactions: {}, polls: [{ poll, counts: { red: 2 } }] });
    expect(await b.claimRollup('demo', 2, [poll])).toEqual({ reactions: {}, polls: [] });
    // A producer's results become the counts, and are in the log already.
    await b.setPollCounts('demo', poll, { red: 5, blue: 1 });
    expect(await b.claimRollup('demo', 3, [poll])).toEqual({ reactions: {}, polls: [] });
    expect(await b.vote('demo', poll, 'carl', 'blue', {})).toEqual({ outcome: 'counted', counts: { red: 5, blue: 2 } });

    // A poll whose keys are gone (expired) counts on from the log's latest results.
    const other = { pollId: 'q2', openSeq: 12 };
    expect(await a.vote('demo', other, 'dan', 'red', { red: 7, blue: 3 })).toEqual({ outcome: 'counted', counts: { red: 8, blue: 3 } });
  });

  it('keeps every key of a show for keepMs after its last change', async () => {
    const [a, , prefix] = tallies();
    await a.round('demo', { add: { heart: 1 }, seed: {}, polls: [] });
    await a.vote('demo', poll, 'ann', 'red', {});
    const claim = await a.claimRollup('demo', 1, [poll]);
    await a.releaseRollup('demo', claim as NonNullable<typeof claim>);
    await a.closePoll('demo', poll);
    const reader = createClient({ url: redis.url });
    await reader.connect();
    const keys = (await reader.keys(`${prefix}:*`)).sort();
    expect(keys).toEqual(
      ['poll:4:counts', 'poll:4:state', 'poll:4:voters', 'reactions', 'reactions:logged', 'rollup'].map((part) => `${prefix}:show:demo:${part}`),
    );
    for (const key of keys) {
      const ttl = await reader.pTTL(key);
      expect(ttl).toBeGreaterThan(50_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
    }
    await reader.close();
  });
});
