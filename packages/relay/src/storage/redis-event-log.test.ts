import { createServer } from 'node:net';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeEventLogContract, draft } from '../testing/event-log-contract.js';
import { startRedis, type TestRedis } from '../testing/redis.js';
import { RedisEventLog } from './redis-event-log.js';

let redis: TestRedis;
let prefixes = 0;
const logs: RedisEventLog[] = [];

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await redis?.stop();
});

afterEach(async () => {
  for (const log of logs.splice(0)) await log.close();
});

/** A fresh key prefix: each test has a store of its own on the one Redis. */
function newPrefix(): string {
  return `test-${++prefixes}`;
}

/** A relay process's view of the store: a log with its own connection. */
function node(prefix: string): RedisEventLog {
  const log = new RedisEventLog({ url: redis.url, prefix });
  logs.push(log);
  return log;
}

describeEventLogContract('RedisEventLog', async () => node(newPrefix()));

describe('RedisEventLog', () => {
  it('assigns gapless, unique seqs when two relays append to one show at once', async () => {
    const prefix = newPrefix();
    const [a, b] = [node(prefix), node(prefix)];
    const appends = Array.from({ length: 1000 }, (_, index) => (index % 2 === 0 ? a : b).append(draft(`e${index}`)));
    const results = await Promise.all(appends);
    const seqs = results.map((result) => result.envelope.seq).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 1000 }, (_, index) => index + 1));
    const fromA = await a.all('demo');
    expect(fromA.map((event) => event.seq)).toEqual(seqs);
    expect(await b.all('demo')).toEqual(fromA);
    // Each envelope read back is the one its append returned.
    const byId = new Map(fromA.map((event) => [event.id, event]));
    for (const { envelope } of results) expect(byId.get(envelope.id)).toEqual(envelope);
    expect(await b.lastSeq('demo')).toBe(1000);
  });

  it('stores an event id once across relays, even when both append it at once', async () => {
    const prefix = newPrefix();
    const [a, b] = [node(prefix), node(prefix)];
    const ids = Array.from({ length: 100 }, (_, index) => `e${index}`);
    const results = await Promise.all(ids.flatMap((id) => [a.append(draft(id, 'demo', 1000)), b.append(draft(id, 'demo', 2000))]));
    expect(results.filter((result) => result.created)).toHaveLength(100);
    for (let index = 0; index < results.length; index += 2) {
      expect(results[index]?.envelope).toEqual(results[index + 1]?.envelope);
    }
    expect(await a.lastSeq('demo')).toBe(100);
    const retry = await b.append(draft('e7', 'demo', 9999));
    expect(retry.created).toBe(false);
    expect(retry.envelope).toEqual((await a.all('demo')).find((event) => event.id === 'e7'));
  });

  it('reads what another relay appended after a seq, page by page', async () => {
    const prefix = newPrefix();
    const [a, b] = [node(prefix), node(prefix)];
    await Promise.all(Array.from({ length: 2500 }, (_, index) => a.append(draft(`e${index}`))));
    expect((await b.after('demo', 0)).map((event) => event.seq)).toEqual(Array.from({ length: 2500 }, (_, index) => index + 1));
    expect((await b.after('demo', 1200)).map((event) => event.seq)).toEqual(Array.from({ length: 1300 }, (_, index) => index + 1201));
    expect(await b.after('demo', 2500)).toEqual([]);
  });

  it('keeps one stream per show, with the entry id <seq>-0 and the envelope as JSON', async () => {
    const prefix = newPrefix();
    const log = node(prefix);
    const { envelope } = await log.append(draft('a'));
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      const entries = await client.sendCommand<[string, string[]][]>(['XRANGE', `${prefix}:show:demo:events`, '-', '+']);
      expect(entries).toEqual([['1-0', ['e', JSON.stringify(envelope)]]]);
      expect(await client.sendCommand(['HGET', `${prefix}:show:demo:ids`, 'a'])).toBe('1');
    } finally {
      await client.close();
    }
  });

  it('stores show records that every relay, and a restarted one, can read', async () => {
    const prefix = newPrefix();
    const [a, b] = [node(prefix), node(prefix)];
    const demo = { id: 'demo', title: 'Demo', createdAt: 1, pdtOffsetMs: 0 };
    const created = await Promise.all([a.createShow(demo), b.createShow({ ...demo, title: 'Other' })]);
    expect(created.sort()).toEqual([false, true]);
    const winner = (await a.getShow('demo'))?.title;
    expect(await b.getShow('demo')).toEqual({ ...demo, title: winner });
    await b.updateShow({ ...demo, title: 'Demo show', pdtOffsetMs: 3000 });
    await a.createShow({ id: 'spring', title: 'Spring', createdAt: 2, pdtOffsetMs: 0 });
    await a.append(draft('x'));

    const restarted = node(prefix);
    const shows = await restarted.listShows();
    expect(shows.sort((x, y) => x.createdAt - y.createdAt)).toEqual([
      { id: 'demo', title: 'Demo show', createdAt: 1, pdtOffsetMs: 3000 },
      { id: 'spring', title: 'Spring', createdAt: 2, pdtOffsetMs: 0 },
    ]);
    expect(await restarted.getShow('nope')).toBeUndefined();
    expect((await restarted.all('demo')).map((event) => event.id)).toEqual(['x']);
    expect((await restarted.append(draft('y'))).envelope.seq).toBe(2);
  });

  it('fails to open, saying so, when no Redis answers', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    const log = new RedisEventLog({ url: `redis://127.0.0.1:${port}`, onError: () => {} });
    logs.push(log);
    await expect(log.open()).rejects.toThrow(`Could not connect to Redis at redis://127.0.0.1:${port}`);
  });
});
