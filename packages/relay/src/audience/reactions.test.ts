import type { IntentAck } from '@live-shop/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { createAudienceFixture, type AudienceFixture, type Viewer } from '../testing/audience-fixture.js';

let fixture: AudienceFixture;
afterEach(() => fixture.close());

function react(viewer: Viewer, kind: unknown): Promise<IntentAck> {
  return viewer.socket.emitWithAck('reaction.send', { kind } as { kind: string });
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((total, count) => total + count, 0);
}

describe('reactions', () => {
  it('aggregates 1000 reactions from 50 sockets into a handful of ticks with the right totals', async () => {
    fixture = await createAudienceFixture();
    const observer = await fixture.join();
    const senders = await fixture.joinMany(50);
    // One timer for the show, whatever its audience.
    expect(fixture.intervals.active).toBe(1);
    for (let round = 0; round < 4; round++) {
      const acks = await Promise.all(
        senders.flatMap((sender, index) => Array.from({ length: 5 }, (_, tap) => react(sender, (index + tap) % 5 === 0 ? 'fire' : 'heart'))),
      );
      expect(acks.every((ack) => ack.ok)).toBe(true);
      fixture.intervals.advance(250);
    }
    // Quiet now: more time brings no more ticks.
    fixture.intervals.advance(2000);
    await observer.settle();
    const ticks = observer.liveOf('reaction.tick').filter((tick) => sum(tick.data.counts) > 0);
    expect(ticks).toHaveLength(4);
    expect(ticks.map((tick) => sum(tick.data.counts))).toEqual([250, 250, 250, 250]);
    expect(ticks[3]?.data.totals).toEqual({ heart: 800, fire: 200 });
    // Nothing of it is in the log yet…
    expect(await fixture.relay.shows.eventsAfter('demo')).toEqual([]);
    // …until the periodic write: one reaction.tick with the counts since the last write.
    fixture.intervals.advance(10_000);
    await fixture.relay.audience.flushed();
    const logged = (await fixture.relay.shows.eventsAfter('demo')).filter((event) => event.type === 'reaction.tick');
    expect(logged.map((event) => event.data)).toEqual([{ counts: { heart: 800, fire: 200 } }]);
    expect((await fixture.relay.shows.state('demo')).state.reactions).toEqual({ heart: 800, fire: 200 });
  });

  it('gives a late joiner the totals so far, and counts a producer\'s own tick', async () => {
    fixture = await createAudienceFixture();
    const ann = await fixture.join();
    for (let tap = 0; tap < 3; tap++) await react(ann, 'clap');
    const producer = await fixture.token('demo', 'producer');
    expect((await fixture.postEvent('demo', producer, { type: 'reaction.tick', data: { counts: { clap: 10 } } })).statusCode).toBe(201);
    const late = await fixture.join();
    expect(late.liveOf('reaction.tick').map((tick) => tick.data)).toEqual([{ counts: {}, totals: { clap: 13 } }]);
    fixture.intervals.advance(250);
    await late.settle();
    expect(late.liveOf('reaction.tick').at(-1)?.data).toEqual({ counts: { clap: 3 }, totals: { clap: 13 } });
  });

  it('refuses unknown kinds and too many reactions at once', async () => {
    fixture = await createAudienceFixture();
    const ann = await fixture.join();
    expect(await react(ann, 'poop')).toEqual({
      ok: false,
      error: { code: 'unknown_reaction', path: 'kind', message: '"poop" is not a reaction of this show; send one of: heart, fire, clap, laugh, wow.' },
    });
    expect(await react(ann, '<img src=x>')).toMatchObject({ ok: false, error: { code: 'invalid_intent', path: 'kind' } });
    const acks = await Promise.all(Array.from({ length: 25 }, () => react(ann, 'heart')));
    expect(acks.filter((ack) => ack.ok)).toHaveLength(20);
    expect(acks.at(-1)).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAfterMs: 100 } });
    fixture.intervals.advance(250);
    await ann.settle();
    expect(ann.liveOf('reaction.tick').at(-1)?.data.totals).toEqual({ heart: 20 });
  });

  it('takes the reaction kinds the relay is configured with', async () => {
    fixture = await createAudienceFixture({ audience: { reactionKinds: ['rose'] } });
    const ann = await fixture.join();
    expect(await react(ann, 'rose')).toEqual({ ok: true });
    expect(await react(ann, 'heart')).toMatchObject({ ok: false, error: { code: 'unknown_reaction' } });
  });
});

describe('viewer count', () => {
  it('counts viewers (a viewer\'s tabs once, moderators not), at most once a second when it changed', async () => {
    fixture = await createAudienceFixture();
    const observer = await fixture.join();
    const ann = await fixture.join({ show: 'demo', viewerId: 'ann-browser-1' });
    await fixture.join({ show: 'demo', viewerId: 'ann-browser-1' });
    await fixture.join({ show: 'demo', token: await fixture.token('demo', 'moderator') });
    expect(fixture.relay.audience.viewerCount('demo')).toBe(2);
    fixture.intervals.advance(1000);
    await observer.settle();
    const counts = () => observer.liveOf('viewers.count').map((envelope) => envelope.data.count);
    // The join's own value (1), then one update for the three joins of that second.
    expect(counts()).toEqual([1, 2]);
    fixture.intervals.advance(3000);
    await observer.settle();
    expect(counts()).toEqual([1, 2]);
    ann.socket.disconnect();
    const bob = await fixture.join();
    fixture.intervals.advance(1000);
    await bob.settle();
    await observer.settle();
    expect(counts()).toEqual([1, 2, 3]);
    // A newcomer learns the count on join.
    expect(bob.liveOf('viewers.count')[0]?.data.count).toBe(3);
  });

  it('writes the count to the log now and then, and stops the show\'s timer when everyone left', async () => {
    fixture = await createAudienceFixture();
    const viewers = await fixture.joinMany(3);
    fixture.intervals.advance(10_000);
    await fixture.relay.audience.flushed();
    const counts = async () => (await fixture.relay.shows.eventsAfter('demo')).flatMap((event) => (event.type === 'viewers.count' ? [event.data.count] : []));
    expect(await counts()).toEqual([3]);
    await Promise.all(viewers.map((viewer) => fixture.leave(viewer)));
    expect(fixture.relay.audience.viewerCount('demo')).toBe(0);
    fixture.intervals.advance(1000);
    expect(fixture.intervals.active).toBe(0);
    await fixture.relay.audience.flushed();
    expect(await counts()).toEqual([3, 0]);
  });
});
