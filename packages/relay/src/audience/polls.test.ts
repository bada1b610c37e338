import type { EventInput, IntentAck } from '@live-shop/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { START } from '../testing/relay-fixture.js';
import { createAudienceFixture, type AudienceFixture, type Viewer } from '../testing/audience-fixture.js';

let fixture: AudienceFixture;
afterEach(() => fixture.close());

const openPoll: EventInput = {
  type: 'poll.open',
  data: { pollId: 'q1', question: 'Which colour?', options: [{ id: 'red', text: 'Red' }, { id: 'blue', text: 'Blue' }] },
};

function vote(viewer: Viewer, pollId: string, optionId: string): Promise<IntentAck<{ optionId: string }>> {
  return viewer.socket.emitWithAck('poll.vote', { pollId, optionId });
}

async function produce(event: EventInput): Promise<void> {
  const response = await fixture.postEvent('demo', await fixture.token('demo', 'producer'), event);
  if (response.statusCode !== 201) throw new Error(`posting ${event.type} failed: ${response.body}`);
}

describe('polls', () => {
  it('takes one vote per viewer and broadcasts the tally at most every 500 ms', async () => {
    fixture = await createAudienceFixture();
    await produce(openPoll);
    const [ann, bob, cat] = await fixture.joinMany(3);
    if (!ann || !bob || !cat) throw new Error('joins failed');
    expect(await vote(ann, 'q1', 'red')).toEqual({ ok: true, optionId: 'red' });
    expect(await vote(bob, 'q1', 'red')).toEqual({ ok: true, optionId: 'red' });
    fixture.intervals.advance(250);
    await ann.settle();
    expect(ann.liveOf('poll.results').filter((results) => results.data.counts.red)).toEqual([]);
    fixture.intervals.advance(250);
    await ann.settle();
    expect(ann.liveOf('poll.results').map((results) => results.data)).toEqual([
      // The join's values: the open poll, no votes yet.
      { pollId: 'q1', counts: { red: 0, blue: 0 } },
      { pollId: 'q1', counts: { red: 2, blue: 0 } },
    ]);
    // A retry of the same vote is harmless; another option is refused.
    expect(await vote(ann, 'q1', 'red')).toEqual({ ok: true, optionId: 'red' });
    expect(await vote(ann, 'q1', 'blue')).toEqual({
      ok: false,
      error: { code: 'already_voted', path: 'optionId', message: 'You already voted for "red" in this poll; one vote per viewer counts.' },
    });
    expect(await vote(cat, 'q1', 'blue')).toEqual({ ok: true, optionId: 'blue' });
    fixture.intervals.advance(500);
    await cat.settle();
    expect(cat.liveOf('poll.results').at(-1)?.data).toEqual({ pollId: 'q1', counts: { red: 2, blue: 1 } });
    // Nothing changed since: no more results.
    const before = cat.liveOf('poll.results').length;
    fixture.intervals.advance(2000);
    await cat.settle();
    expect(cat.liveOf('poll.results')).toHaveLength(before);
  });

  it('counts a viewer once across tabs and reloads, by their viewer id', async () => {
    fixture = await createAudienceFixture();
    await produce(openPoll);
    const first = await fixture.join({ show: 'demo', viewerId: 'ann-browser-1' });
    expect((await vote(first, 'q1', 'red')).ok).toBe(true);
    await fixture.leave(first);
    const reloaded = await fixture.join({ show: 'demo', viewerId: 'ann-browser-1' });
    expect(await vote(reloaded, 'q1', 'blue')).toMatchObject({ ok: false, error: { code: 'already_voted' } });
  });

  it('refuses votes in unknown and closed polls and for unknown options', async () => {
    fixture = await createAudienceFixture();
    const ann = await fixture.join();
    expect(await vote(ann, 'q1', 'red')).toEqual({
      ok: false,
      error: { code: 'poll_not_found', path: 'pollId', message: 'There is no poll "q1" in this show; vote in a poll the show has opened.' },
    });
    await produce(openPoll);
    expect(await vote(ann, 'q1', 'green')).toMatchObject({ ok: false, error: { code: 'unknown_option', path: 'optionId', message: '"green" is not an option of this poll; use one of: red, blue.' } });
    expect(await vote(ann, 'q1', '')).toMatchObject({ ok: false, error: { code: 'invalid_intent', path: 'optionId' } });
    await produce({ type: 'poll.close', data: { pollId: 'q1' } });
    expect(await vote(ann, 'q1', 'red')).toEqual({
      ok: false,
      error: { code: 'poll_closed', path: 'pollId', message: 'This poll is closed; votes are no longer counted.' },
    });
    // A poll with a closing time is closed from then on.
    await produce({ ...openPoll, data: { ...openPoll.data, pollId: 'q2', closesAt: START + 60_000 } } as EventInput);
    expect((await vote(ann, 'q2', 'red')).ok).toBe(true);
    fixture.clock.advance(60_000);
    expect(await vote(ann, 'q2', 'blue')).toMatchObject({ ok: false, error: { code: 'poll_closed' } });
  });

  it('writes the final tally to the log on the frame the poll closes', async () => {
    fixture = await createAudienceFixture();
    await produce({ ...openPoll, pdt: START - 10_000 });
    const viewers = await fixture.joinMany(3);
    for (const [index, viewer] of viewers.entries()) await vote(viewer, 'q1', index === 0 ? 'blue' : 'red');
    await produce({ type: 'poll.close', data: { pollId: 'q1' }, pdt: START - 5000 });
    await fixture.relay.audience.flushed();
    const log = await fixture.relay.shows.eventsAfter('demo');
    expect(log.map((event) => [event.type, event.pdt])).toEqual([
      ['poll.open', START - 10_000],
      ['poll.close', START - 5000],
      ['poll.results', START - 5000],
    ]);
    expect(log[2]?.data).toEqual({ pollId: 'q1', counts: { red: 2, blue: 1 } });
    expect((await fixture.relay.shows.state('demo')).state.polls).toMatchObject([{ pollId: 'q1', closed: true, counts: { red: 2, blue: 1 } }]);
  });

  it('starts a poll opened again from zero', async () => {
    fixture = await createAudienceFixture();
    await produce(openPoll);
    const ann = await fixture.join();
    await vote(ann, 'q1', 'red');
    await produce(openPoll);
    expect((await vote(ann, 'q1', 'blue')).ok).toBe(true);
    fixture.intervals.advance(500);
    await ann.settle();
    expect(ann.liveOf('poll.results').at(-1)?.data).toEqual({ pollId: 'q1', counts: { red: 0, blue: 1 } });
  });
});
