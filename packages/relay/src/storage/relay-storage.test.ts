import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stateAt, type AnyEnvelope, type JoinSnapshot, type ServerToViewer, type ViewerToServer } from '@live-shop/protocol';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRelay, startRelay, type RelayServer } from '../index.js';
import { ADMIN_KEY, SIGNING_SECRET, START, bearer, catalog, createFixture, highlight, type Fixture } from '../testing/relay-fixture.js';
import { startRedis, type TestRedis } from '../testing/redis.js';
import { RedisEventLog } from './redis-event-log.js';

const relays: RelayServer[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const relay of relays.splice(0)) await relay.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'live-shop-relay-data-'));
  dirs.push(dir);
  return dir;
}

const options = { adminKey: ADMIN_KEY, signingSecret: SIGNING_SECRET, now: () => START };

async function started(extra: Parameters<typeof startRelay>[0]): Promise<RelayServer> {
  const relay = await startRelay({ ...options, ...extra });
  relays.push(relay);
  return relay;
}

async function producerToken(relay: RelayServer, show: string): Promise<string> {
  return (await relay.tokens.issue(show, 'producer')).token;
}

describe('a relay with a data directory', () => {
  it('has its shows and events back after a restart, ids included', async () => {
    const dataDir = await tempDir();
    const first = await started({ dataDir });
    const created = await first.app.inject({ method: 'POST', url: '/v1/shows', headers: bearer(ADMIN_KEY), payload: { id: 'demo', title: 'Demo', pdtOffsetMs: 4000 } });
    expect(created.statusCode).toBe(201);
    const token = await producerToken(first, 'demo');
    const posted = await first.app.inject({ method: 'POST', url: '/v1/shows/demo/events', headers: bearer(token), payload: { ...catalog, id: 'cat' } });
    expect(posted.statusCode).toBe(201);
    await first.shows.append('demo', highlight('p1', { pdt: START - 1000 }));
    const snapshot = first.shows.snapshot('demo');
    const state = await first.shows.state('demo');
    await first.close();

    const second = await started({ dataDir });
    // Loaded before startRelay resolves: the synchronous lookups work at once.
    expect(second.shows.get('demo')).toEqual({ id: 'demo', title: 'Demo', createdAt: START, pdtOffsetMs: 4000 });
    expect(second.shows.snapshot('demo')).toEqual(snapshot);
    expect(await second.shows.state('demo')).toEqual(state);
    const retry = await second.app.inject({ method: 'POST', url: '/v1/shows/demo/events', headers: bearer(token), payload: { ...catalog, id: 'cat' } });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(posted.json());
    expect((await second.shows.append('demo', highlight('p2'))).seq).toBe(3);
    const taken = await second.app.inject({ method: 'POST', url: '/v1/shows', headers: bearer(ADMIN_KEY), payload: { id: 'demo' } });
    expect(taken.statusCode).toBe(409);
  });

  it('keeps a show update across a restart', async () => {
    const dataDir = await tempDir();
    const first = await started({ dataDir });
    await first.shows.create({ id: 'demo', title: 'Demo' });
    await first.shows.update('demo', { title: 'Spring drop', pdtOffsetMs: 2500 });
    await first.close();
    const second = await started({ dataDir });
    expect(second.shows.get('demo')).toMatchObject({ title: 'Spring drop', pdtOffsetMs: 2500 });
  });

  it('serves requests only once loaded, even when created without waiting', async () => {
    const dataDir = await tempDir();
    const first = await started({ dataDir });
    await first.shows.create({ id: 'demo' });
    await first.close();

    const relay = createRelay({ ...options, dataDir });
    relays.push(relay);
    // inject() (like listen()) waits for relay.ready.
    const response = await relay.app.inject({ method: 'GET', url: '/v1/shows/demo' });
    expect(response.statusCode).toBe(200);
  });

  it('refuses to start on a data directory another relay uses', async () => {
    const dataDir = await tempDir();
    await started({ dataDir });
    await expect(startRelay({ ...options, dataDir })).rejects.toThrow(/in use by this process/);
  });

  it('takes one place to store events', () => {
    expect(() => createRelay({ dataDir: 'relay-data', redisUrl: 'redis://127.0.0.1:1' })).toThrow('not dataDir and redisUrl');
  });
});

describe('relays sharing a Redis', () => {
  let redis: TestRedis;
  let prefixes = 0;
  const fixtures: Fixture[] = [];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    for (const fixture of fixtures.splice(0)) await fixture.relay.close();
  });

  /** `count` relays on one fresh key prefix, as the nodes of one deployment. */
  function nodes(count: number): Fixture[] {
    const prefix = `relays-${++prefixes}`;
    const made = Array.from({ length: count }, () => createFixture({ eventLog: new RedisEventLog({ url: redis.url, prefix }) }));
    fixtures.push(...made);
    return made;
  }

  it('know the shows any of them created, and their latest records', async () => {
    const [a, b] = nodes(2) as [Fixture, Fixture];
    await a.createShow('demo', { title: 'Demo' });
    expect((await b.request({ method: 'GET', url: '/v1/shows/demo' })).json()).toMatchObject({ id: 'demo', title: 'Demo' });
    expect((await b.admin('POST', '/v1/shows', { id: 'demo' })).statusCode).toBe(409);
    const token = await b.token('demo', 'producer');
    expect((await a.postEvent('demo', token, catalog)).statusCode).toBe(201);
    await a.relay.shows.update('demo', { title: 'Spring drop' });
    expect(await b.relay.shows.find('demo')).toMatchObject({ title: 'Spring drop' });
    expect(b.relay.shows.get('demo')).toMatchObject({ title: 'Spring drop' });
  });

  it('each serve the whole log when both take events at once; each broadcasts its own', async () => {
    const [a, b] = nodes(2) as [Fixture, Fixture];
    await a.createShow('demo');
    const token = await a.token('demo', 'producer');
    const heard = { a: [] as string[], b: [] as string[] };
    a.relay.shows.onAppend((_, envelopes) => heard.a.push(...envelopes.map((envelope) => envelope.id)));
    b.relay.shows.onAppend((_, envelopes) => heard.b.push(...envelopes.map((envelope) => envelope.id)));
    const posts = Array.from({ length: 60 }, (_, index) =>
      (index % 2 === 0 ? a : b).postEvent('demo', token, highlight(`p${index}`, { id: `e${index}`, pdt: START - 100_000 + index })),
    );
    const responses = await Promise.all(posts);
    expect(responses.map((response) => response.statusCode)).toEqual(responses.map(() => 201));
    expect(responses.map((response) => (response.json() as AnyEnvelope).seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, index) => index + 1));
    expect(heard.a.sort()).toEqual(Array.from({ length: 30 }, (_, index) => `e${index * 2}`).sort());
    expect(heard.b.sort()).toEqual(Array.from({ length: 30 }, (_, index) => `e${index * 2 + 1}`).sort());

    const log = await a.relay.shows.eventsAfter('demo');
    for (const node of [a, b]) {
      expect(await node.relay.shows.state('demo')).toEqual({ seq: 60, state: stateAt(log, Number.POSITIVE_INFINITY, { audience: 'on-arrival' }) });
      await node.relay.shows.catchUp('demo');
    }
    expect(b.relay.shows.snapshot('demo')).toEqual(a.relay.shows.snapshot('demo'));
    expect(b.relay.shows.snapshot('demo').seq).toBe(60);
  });

  it('give a viewer joining one relay a snapshot with the events posted on another', async () => {
    const [a, b] = nodes(2) as [Fixture, Fixture];
    await a.createShow('demo');
    const url = await b.relay.app.listen({ port: 0, host: '127.0.0.1' });
    await a.relay.shows.append('demo', { ...catalog, pdt: START - 300_000 });
    await a.relay.shows.append('demo', highlight('p1', { pdt: START - 200_000 }));
    await a.relay.shows.append('demo', highlight('p2', { pdt: START - 1000 }));
    const socket: Socket<ServerToViewer, ViewerToServer> = connect(url, { auth: { show: 'demo' }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    const snapshot = await new Promise<JoinSnapshot>((resolve, reject) => {
      socket.once('snapshot', resolve);
      socket.once('connect_error', reject);
    });
    expect(snapshot.seq).toBe(3);
    expect(snapshot.base.state.highlights.map((item) => item.productId)).toEqual(['p1']);
    expect(snapshot.events.map((event) => event.seq)).toEqual([3]);
  });

  it('load the shows at startup, and a restarted relay carries on with the seq', async () => {
    const [a] = nodes(1) as [Fixture];
    await a.createShow('demo');
    await a.relay.shows.append('demo', catalog);
    const prefix = `relays-${prefixes}`;
    const restarted = await started({ eventLog: new RedisEventLog({ url: redis.url, prefix }) });
    expect(restarted.shows.get('demo')).toMatchObject({ id: 'demo' });
    expect((await restarted.shows.state('demo')).seq).toBe(1);
    expect((await restarted.shows.append('demo', highlight('p1'))).seq).toBe(2);
  });
});
