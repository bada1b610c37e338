// Two relays in this process on one real Redis (`redisUrl`: the Redis event log, socket.io's
// Redis adapter and connection-state recovery), viewers on real socket.io clients through a
// TCP balancer. The multi-process version, with a relay killed, is scale-out.test.ts.
import { stateAt, type AnyEnvelope } from '@live-shop/protocol';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRelay } from '../start-relay.js';
import { createFixture, highlight, type Fixture } from '../testing/relay-fixture.js';
import { startRedis, type TestRedis } from '../testing/redis.js';
import { startTcpBalancer, type TcpBalancer } from '../testing/tcp-balancer.js';
import { TestViewer } from '../testing/test-viewer.js';

let redis: TestRedis;
let nodes: [Fixture, Fixture];
let balancer: TcpBalancer;
let producer: (show: string) => Promise<string>;
const viewers: TestViewer[] = [];
let shows = 0;

beforeAll(async () => {
  redis = await startRedis();
  nodes = [
    createFixture({ redisUrl: redis.url, rateLimits: false, console: false }),
    createFixture({ redisUrl: redis.url, rateLimits: false, console: false }),
  ];
  const ports = await Promise.all(
    nodes.map(async ({ relay }) => {
      await relay.app.listen({ port: 0, host: '127.0.0.1' });
      return (relay.app.server.address() as { port: number }).port;
    }),
  );
  balancer = await startTcpBalancer(ports.map((port) => ({ port })));
  producer = (show) => nodes[0].token(show, 'producer');
});

afterEach(() => {
  for (const viewer of viewers.splice(0)) viewer.close();
  for (const node of nodes) node.clock.time = nodes[0].clock.time;
});

afterAll(async () => {
  await balancer?.close();
  for (const node of nodes ?? []) await node.relay.close();
  await redis?.stop();
});

async function newShow(): Promise<string> {
  const id = `cluster-${++shows}`;
  await nodes[0].createShow(id);
  return id;
}

let ids = 0;

async function post(node: Fixture, show: string, token: string, count: number): Promise<AnyEnvelope[]> {
  const posted: AnyEnvelope[] = [];
  for (let index = 0; index < count; index++) {
    const response = await node.postEvent(show, token, highlight(`p${index % 2 === 0 ? 1 : 2}`, { id: `e${++ids}` }));
    expect(response.statusCode).toBe(201);
    posted.push(response.json() as AnyEnvelope);
  }
  return posted;
}

/** `count` viewers through the balancer, one after the other (so the balancer alternates), each with its snapshot. */
async function watch(show: string, count: number, token?: string): Promise<TestViewer[]> {
  const made: TestViewer[] = [];
  for (let index = 0; index < count; index++) {
    const viewer = new TestViewer(balancer.url, { show, ...(token ? { token } : {}) });
    viewers.push(viewer);
    made.push(viewer);
    await viewer.until((v) => v.snapshots.length === 1, 'get its snapshot');
  }
  return made;
}

/** Every event after the snapshot arrived once, in seq order, up to `last`, without a sync. */
function expectExactlyOnce(viewer: TestViewer, last: number): void {
  const first = (viewer.snapshots[0]?.seq ?? 0) + 1;
  expect(viewer.wire).toEqual(Array.from({ length: last - first + 1 }, (_, index) => first + index));
  expect(viewer.syncs).toBe(0);
}

async function expectState(viewer: TestViewer, show: string): Promise<void> {
  const { seq, state } = await nodes[1].relay.shows.state(show);
  expect(viewer.lastSeq).toBe(seq);
  expect(viewer.latest()).toEqual(state);
}

describe('relays sharing a Redis (redisUrl)', () => {
  it('send every event, whichever relay took it, once and in seq order to the viewers of both', async () => {
    const show = await newShow();
    const token = await producer(show);
    await post(nodes[0], show, token, 1);
    const watching = await watch(show, 12);
    expect(new Set(balancer.routes.slice(-12))).toEqual(new Set([0, 1]));
    // Both relays take events at once: seqs interleave between them.
    const posted = (await Promise.all([post(nodes[0], show, token, 20), post(nodes[1], show, token, 20)])).flat();
    const last = Math.max(...posted.map((envelope) => envelope.seq));
    expect(last).toBe(41);
    for (const viewer of watching) {
      await viewer.until((v) => v.lastSeq >= last, `reach seq ${last}`);
      expectExactlyOnce(viewer, last);
      await expectState(viewer, show);
    }
  });

  it('recover viewers cut off by a network blip on whichever relay they reach: what they missed, no snapshot', async () => {
    const show = await newShow();
    const token = await producer(show);
    await post(nodes[0], show, token, 1);
    const watching = await watch(show, 12);
    await post(nodes[1], show, token, 3);
    await Promise.all(watching.map((viewer) => viewer.until((v) => v.lastSeq === 4, 'reach seq 4')));
    const before = balancer.routes.length;

    balancer.dropAll();
    // Events on both relays while they are away and while they come back, then a few more.
    let last = 4;
    const back = Promise.all(watching.map((viewer) => viewer.until((v) => v.connects === 2, 'come back')));
    let allBack = false;
    void back.then(() => (allBack = true), () => {});
    for (let index = 0; !allBack || index % 10 !== 0; index++) last = (await post(nodes[index % 2] as Fixture, show, token, 1))[0]?.seq ?? last;
    await back;
    // The balancer alternates: half of them reached the other relay this time.
    expect(new Set(balancer.routes.slice(before))).toEqual(new Set([0, 1]));
    for (const viewer of watching) {
      await viewer.until((v) => v.lastSeq === last, `reach seq ${last}`);
      expect(viewer.recoveries).toBe(1);
      expect(viewer.snapshots).toHaveLength(1);
      expectExactlyOnce(viewer, last);
      await expectState(viewer, show);
    }
  });

  it('recover a viewer that has had no event since it joined (its snapshot carries the offset)', async () => {
    const show = await newShow();
    await post(nodes[0], show, await producer(show), 1);
    const watching = await watch(show, 4);
    balancer.dropAll();
    await Promise.all(watching.map((viewer) => viewer.until((v) => v.connects === 2, 'come back')));
    for (const viewer of watching) {
      expect([viewer.recoveries, viewer.snapshots.length, viewer.wire]).toEqual([1, 1, []]);
      await expectState(viewer, show);
    }
  });

  it('check a recovered connection again: a token that expired meanwhile is refused', async () => {
    const show = await newShow();
    const moderator = await nodes[0].token(show, 'moderator', 60);
    const [viewer] = (await watch(show, 1, moderator)) as [TestViewer];
    await post(nodes[0], show, await producer(show), 1);
    await viewer.until((v) => v.lastSeq === 1, 'reach seq 1');
    for (const node of nodes) node.clock.advance(61_000);
    balancer.dropAll();
    await viewer.until((v) => v.refusals.length > 0, 'be refused');
    expect((viewer.refusals[0] as Error & { data?: { code?: string } }).data?.code).toBe('token_expired');
    expect(viewer.recoveries).toBe(0);
  });

  it('start afresh (a snapshot) a viewer whose offset is not a relay offset', async () => {
    const show = await newShow();
    await post(nodes[0], show, await producer(show), 2);
    const [viewer] = (await watch(show, 1)) as [TestViewer];
    // As after a packet of the adapter's own (its offsets are stream ids).
    (viewer.socket as unknown as { _lastOffset: string })._lastOffset = '1700000000000-0';
    balancer.dropAll();
    await viewer.until((v) => v.snapshots.length === 2, 'get a second snapshot');
    expect(viewer.recoveries).toBe(0);
    await expectState(viewer, show);
  });

  it('refuse to start when Redis is not there, having closed what they opened', async () => {
    const { freePort } = (await import(new URL('../../../../scripts/test/redis-server.mjs', import.meta.url).href)) as { freePort: () => Promise<number> };
    const url = `redis://127.0.0.1:${await freePort()}`;
    await expect(startRelay({ redisUrl: url })).rejects.toThrow(/Could not connect to Redis/);
  });

  it('close every Redis connection of a relay on close()', async () => {
    const counter = createClient({ url: redis.url });
    await counter.connect();
    const clients = async (): Promise<number> => Number(/connected_clients:(\d+)/.exec(await counter.info('clients'))?.[1]);
    const idle = await clients();
    const extra = createFixture({ redisUrl: redis.url, rateLimits: false, console: false });
    await extra.relay.ready;
    // The log and its append notices; the adapter, its stream reader and its subscriber; the audience's shared counts (viewers, reactions, votes); the order store.
    expect(await clients()).toBe(idle + 7);
    await extra.relay.close();
    // Redis notices closed connections as it reads them: ask until it has (bounded).
    const deadline = Date.now() + 5_000;
    while ((await clients()) !== idle && Date.now() < deadline) await counter.ping();
    expect(await clients()).toBe(idle);
    await counter.close();
  });

  it('count the viewers of every relay', async () => {
    const show = await newShow();
    await watch(show, 5);
    // Each relay reports its count and reads the others' every second.
    const deadline = Date.now() + 5_000;
    const counts = () => nodes.map((node) => node.relay.audience.viewerCount(show));
    while (counts().some((count) => count !== 5) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(counts()).toEqual([5, 5]);
  });

  it('agree on the log: each relay applies every event once', async () => {
    const show = await newShow();
    const token = await producer(show);
    await post(nodes[1], show, token, 1);
    await Promise.all([post(nodes[0], show, token, 10), post(nodes[1], show, token, 10)]);
    const log = await nodes[0].relay.shows.eventsAfter(show);
    for (const node of nodes) expect(await node.relay.shows.state(show)).toEqual({ seq: 21, state: stateAt(log, Number.POSITIVE_INFINITY, { audience: 'on-arrival' }) });
  });
});
