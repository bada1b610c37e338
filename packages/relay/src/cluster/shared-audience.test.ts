// Two relays in this process on one real Redis (`redisUrl`), with viewers on each: reactions
// and poll votes are counted across them (cluster/audience-tallies.ts). Both relays share
// one hand-driven clock and one set of hand-driven audience timers, so that their ticks and
// log periods are the test's to move.
import type { AnyEnvelope, EventInput, IntentAck } from '@live-shop/protocol';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { joinRelay, ManualIntervals, type Viewer, type ViewerSocket } from '../testing/audience-fixture.js';
import { createFixture, START, TestClock, type Fixture } from '../testing/relay-fixture.js';
import { startRedis, type TestRedis } from '../testing/redis.js';

const TICK_MS = 250;
const LOG_EVERY_MS = 10_000;

let redis: TestRedis;
let relays: [Fixture, Fixture];
let urls: [string, string];
const clock = new TestClock(START);
const intervals = new ManualIntervals();
const sockets: ViewerSocket[] = [];
let shows = 0;

beforeAll(async () => {
  redis = await startRedis();
  const options = {
    redisUrl: redis.url,
    rateLimits: false as const,
    console: false,
    now: clock.now,
    audience: { intervals, tickMs: TICK_MS, logEveryMs: LOG_EVERY_MS, reactionRate: { capacity: 1000, intervalMs: 1 } },
  };
  relays = [createFixture(options), createFixture(options)];
  urls = (await Promise.all(relays.map(({ relay }) => relay.app.listen({ port: 0, host: '127.0.0.1' })))) as [string, string];
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  // The relays see them go, and their timers stop.
  await advance(2 * TICK_MS);
});

afterAll(async () => {
  for (const { relay } of relays ?? []) await relay.close();
  await redis?.stop();
});

/** Moves the shared clock and timers on, a tick at a time, each tick's Redis rounds and log writes done before the next. */
async function advance(ms: number): Promise<void> {
  for (let moved = 0; moved < ms; moved += TICK_MS) {
    clock.advance(TICK_MS);
    intervals.advance(TICK_MS);
    await settle();
  }
}

async function settle(): Promise<void> {
  await Promise.all(relays.map(({ relay }) => relay.audience.flushed()));
}

async function newShow(): Promise<string> {
  const id = `shared-${++shows}`;
  await relays[0].createShow(id);
  return id;
}

function join(relay: 0 | 1, show: string, viewerId?: string): Promise<Viewer> {
  return joinRelay(urls[relay], { show, ...(viewerId ? { viewerId } : {}) }, sockets);
}

async function produce(relay: 0 | 1, show: string, event: EventInput): Promise<AnyEnvelope> {
  const node = relays[relay];
  const response = await node.postEvent(show, await node.token(show, 'producer'), event);
  if (response.statusCode !== 201) throw new Error(`posting ${event.type} failed: ${response.body}`);
  return response.json() as AnyEnvelope;
}

function react(viewer: Viewer, kind: string): Promise<IntentAck> {
  return viewer.socket.emitWithAck('reaction.send', { kind });
}

function vote(viewer: Viewer, pollId: string, optionId: string): Promise<IntentAck> {
  return viewer.socket.emitWithAck('poll.vote', { pollId, optionId });
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((total, count) => total + count, 0);
}

/** The sum of the counts of a viewer's live reaction ticks, by kind. */
function tickCounts(viewer: Viewer): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const tick of viewer.liveOf('reaction.tick')) for (const [kind, count] of Object.entries(tick.data.counts)) counts[kind] = (counts[kind] ?? 0) + count;
  return counts;
}

async function logOf<T extends AnyEnvelope['type']>(show: string, type: T): Promise<Extract<AnyEnvelope, { type: T }>[]> {
  return (await relays[1].relay.shows.eventsAfter(show)).filter((event): event is Extract<AnyEnvelope, { type: T }> => event.type === type);
}

const pollOpen = (pollId: string): EventInput => ({
  type: 'poll.open',
  data: {
    pollId,
    question: 'Which colour?',
    options: [
      { id: 'red', text: 'Red' },
      { id: 'blue', text: 'Blue' },
      { id: 'green', text: 'Green' },
    ],
  },
});

describe('the audience of relays sharing a Redis', () => {
  it('adds up reactions sent on both relays: every viewer sees every one, once', async () => {
    const show = await newShow();
    const [a1, a2, b1, b2] = await Promise.all([join(0, show), join(0, show), join(1, show), join(1, show)]);
    if (!a1 || !a2 || !b1 || !b2) throw new Error('joins failed');
    // 200 reactions on relay A and 300 on B, in bursts between ticks.
    for (let burst = 0; burst < 5; burst++) {
      const sent = [
        ...Array.from({ length: 40 }, (_, index) => react(a1, index % 2 === 0 ? 'heart' : 'fire')),
        ...Array.from({ length: 60 }, (_, index) => react(b1, index % 3 === 0 ? 'fire' : 'heart')),
      ];
      expect((await Promise.all(sent)).every((ack) => ack.ok)).toBe(true);
      await advance(TICK_MS);
    }
    await advance(4 * TICK_MS);
    for (const viewer of [a1, a2, b1, b2]) {
      await viewer.settle();
      const ticks = viewer.liveOf('reaction.tick');
      // A handful of ticks, not one per reaction; their counts add up to their totals.
      expect(ticks.length).toBeLessThanOrEqual(10);
      expect(ticks.at(-1)?.data.totals).toEqual({ heart: 20 * 5 + 40 * 5, fire: 20 * 5 + 20 * 5 });
      expect(tickCounts(viewer)).toEqual({ heart: 300, fire: 200 });
      expect(sum(tickCounts(viewer))).toBe(500);
    }

    // A reaction tick a producer posts (through relay B) counts once, on both relays.
    await produce(1, show, { type: 'reaction.tick', data: { counts: { clap: 7 } } });
    await relays[0].relay.shows.catchUp(show);
    await advance(2 * TICK_MS);
    for (const viewer of [a2, b2]) {
      await viewer.settle();
      expect(viewer.liveOf('reaction.tick').at(-1)?.data).toEqual({ counts: { clap: 7 }, totals: { heart: 300, fire: 200, clap: 7 } });
    }

    // The log gets every relay's reactions in one write (the first log period ends at 10 s).
    await advance(LOG_EVERY_MS);
    const ticks = (await logOf(show, 'reaction.tick')).filter((tick) => !('clap' in tick.data.counts));
    expect(ticks.map((tick) => tick.data)).toEqual([{ counts: { heart: 300, fire: 200 } }]);
    // A viewer joining now gets the totals of both relays.
    const late = await join(0, show);
    expect(late.liveOf('reaction.tick').map((tick) => tick.data)).toEqual([{ counts: {}, totals: { heart: 300, fire: 200, clap: 7 } }]);

    // The show's keys in Redis expire a day after their last change.
    const client = createClient({ url: redis.url });
    await client.connect();
    const ttl = await client.pTTL(`live-shop:show:${show}:reactions`);
    expect(ttl).toBeGreaterThan(23 * 3600_000);
    expect(ttl).toBeLessThanOrEqual(24 * 3600_000);
    await client.close();
  });

  it('writes the reaction totals to the log once per period, not once per relay', async () => {
    const show = await newShow();
    const onA = await join(0, show);
    // Relay B's timer starts half a period later: the relays' log writes fall in every period.
    await advance(LOG_EVERY_MS / 2);
    const onB = await join(1, show);
    let sent = 0;
    for (let moved = 0; moved < 3 * LOG_EVERY_MS; moved += 2 * TICK_MS) {
      await Promise.all([react(onA, 'heart'), react(onB, 'wow'), react(onB, 'wow')]);
      sent += 3;
      await advance(2 * TICK_MS);
    }
    const ticks = await logOf(show, 'reaction.tick');
    // One write in each of the 3 periods that ended (at 10, 20 and 30 s of relay A's timer);
    // relay B's, half a period later, found its period written.
    expect(ticks).toHaveLength(3);
    expect(new Set(ticks.map((tick) => Math.floor(tick.at / LOG_EVERY_MS))).size).toBe(3);
    const logged: Record<string, number> = {};
    for (const tick of ticks) for (const [kind, count] of Object.entries(tick.data.counts)) logged[kind] = (logged[kind] ?? 0) + count;
    // What the last period did not include yet is in Redis, for the next write.
    expect(sum(logged)).toBeLessThanOrEqual(sent);
    expect(sum(logged)).toBeGreaterThan(sent - 3 * (LOG_EVERY_MS / 2 / TICK_MS));
    await advance(LOG_EVERY_MS);
    const all: Record<string, number> = {};
    for (const tick of await logOf(show, 'reaction.tick')) for (const [kind, count] of Object.entries(tick.data.counts)) all[kind] = (all[kind] ?? 0) + count;
    expect(all).toEqual({ heart: sent / 3, wow: (2 * sent) / 3 });
  });

  it('takes one vote per viewer across relays, and counts it once everywhere', async () => {
    const show = await newShow();
    const [watchA, watchB] = await Promise.all([join(0, show), join(1, show)]);
    if (!watchA || !watchB) throw new Error('joins failed');
    const [annOnA, annOnB, bob] = await Promise.all([join(0, show, 'ann-browser'), join(1, show, 'ann-browser'), join(1, show, 'bob-browser')]);
    if (!annOnA || !annOnB || !bob) throw new Error('joins failed');
    // Opened through relay A; a vote on relay B right away finds it too.
    await produce(0, show, pollOpen('q1'));
    expect(await vote(bob, 'q1', 'blue')).toEqual({ ok: true, optionId: 'blue' });
    expect(await vote(annOnA, 'q1', 'red')).toEqual({ ok: true, optionId: 'red' });
    // Ann again, on the other relay: another option is refused, the same one is a harmless retry.
    expect(await vote(annOnB, 'q1', 'green')).toEqual({
      ok: false,
      error: { code: 'already_voted', path: 'optionId', message: 'You already voted for "red" in this poll; one vote per viewer counts.' },
    });
    expect(await vote(annOnB, 'q1', 'red')).toEqual({ ok: true, optionId: 'red' });
    expect(await vote(bob, 'q1', 'red')).toMatchObject({ ok: false, error: { code: 'already_voted' } });
    await advance(4 * TICK_MS);
    for (const viewer of [watchA, watchB, annOnA, bob]) {
      await viewer.settle();
      expect(viewer.liveOf('poll.results').at(-1)?.data).toEqual({ pollId: 'q1', counts: { red: 1, blue: 1, green: 0 } });
    }

    // Closed through relay B: its final tally goes to the log once, and no relay takes a vote after.
    await produce(1, show, { type: 'poll.close', data: { pollId: 'q1' } });
    await settle();
    const carl = await join(0, show, 'carl-browser');
    expect(await vote(carl, 'q1', 'green')).toMatchObject({ ok: false, error: { code: 'poll_closed' } });
    await advance(LOG_EVERY_MS);
    expect((await logOf(show, 'poll.results')).map((results) => results.data)).toEqual([{ pollId: 'q1', counts: { red: 1, blue: 1, green: 0 } }]);
    for (const { relay } of relays) {
      expect((await relay.shows.state(show)).state.polls).toMatchObject([{ pollId: 'q1', closed: true, counts: { red: 1, blue: 1, green: 0 } }]);
    }
  });

  it('shows the same counts on both relays when 50 viewers split across them vote', async () => {
    const show = await newShow();
    await produce(1, show, pollOpen('q2'));
    const voters = await Promise.all(Array.from({ length: 50 }, (_, index) => join(index % 2 === 0 ? 0 : 1, show, `voter-${index}`)));
    const options = ['red', 'blue', 'green'] as const;
    const acks = await Promise.all(voters.map((viewer, index) => vote(viewer, 'q2', options[index % 3] as string)));
    expect(acks.every((ack) => ack.ok)).toBe(true);
    // Everyone tries again, for another option: all refused.
    const again = await Promise.all(voters.map((viewer, index) => vote(viewer, 'q2', options[(index + 1) % 3] as string)));
    expect(again.every((ack) => !ack.ok && ack.error.code === 'already_voted')).toBe(true);
    await advance(4 * TICK_MS);
    const expected = { pollId: 'q2', counts: { red: 17, blue: 17, green: 16 } };
    for (const viewer of voters) {
      await viewer.settle();
      expect(viewer.liveOf('poll.results').at(-1)?.data).toEqual(expected);
    }
    // The log gets the tally once in the period, from one relay.
    await advance(LOG_EVERY_MS);
    expect((await logOf(show, 'poll.results')).map((results) => results.data)).toEqual([expected]);
  });

  it('starts a poll opened again from zero, on both relays', async () => {
    const show = await newShow();
    const [onA, onB] = await Promise.all([join(0, show, 'ann-browser'), join(1, show, 'bob-browser')]);
    if (!onA || !onB) throw new Error('joins failed');
    await produce(0, show, pollOpen('q3'));
    expect((await vote(onA, 'q3', 'red')).ok).toBe(true);
    await produce(1, show, pollOpen('q3'));
    // Relay A has heard of it (a vote that reaches a relay before the news would count in the poll before).
    await relays[0].relay.shows.catchUp(show);
    expect(await vote(onA, 'q3', 'blue')).toEqual({ ok: true, optionId: 'blue' });
    await advance(4 * TICK_MS);
    for (const viewer of [onA, onB]) {
      await viewer.settle();
      expect(viewer.liveOf('poll.results').at(-1)?.data).toEqual({ pollId: 'q3', counts: { red: 0, blue: 1, green: 0 } });
    }
  });
});
