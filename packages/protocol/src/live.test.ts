import { describe, expect, it } from 'vitest';
import type { AnyEnvelope } from './envelope.js';
import { emptyLiveState, parseLiveEnvelope, reduceLive, withLive, type AnyLiveEnvelope } from './live.js';
import { stateAt } from './timeline.js';

const base = { v: 1 as const, id: 'l1', show: 'demo', at: 1000, pdt: 1000 };

function live(partial: Pick<AnyLiveEnvelope, 'type' | 'data'> & { at?: number }): AnyLiveEnvelope {
  return { ...base, ...partial } as AnyLiveEnvelope;
}

describe('parseLiveEnvelope', () => {
  it('parses a known live envelope, which has no seq', () => {
    const tick = live({ type: 'reaction.tick', data: { counts: { heart: 2 }, totals: { heart: 9 } } });
    expect(parseLiveEnvelope(tick)).toEqual({ ok: true, known: true, value: tick });
  });

  it('lets an unknown type through as unknown and names a bad field', () => {
    expect(parseLiveEnvelope({ ...base, type: 'confetti', data: {} })).toEqual({ ok: true, known: false });
    expect(parseLiveEnvelope({ ...base, type: 'viewers.count', data: { count: -1 } })).toMatchObject({ ok: false, error: { path: 'data.count' } });
    expect(parseLiveEnvelope({ ...base, v: 2, type: 'viewers.count', data: { count: 1 } })).toMatchObject({ ok: false, error: { path: 'v' } });
  });
});

describe('reduceLive and withLive', () => {
  const log: AnyEnvelope[] = [
    { v: 1, id: 'e1', show: 'demo', seq: 1, type: 'poll.open', at: 10, pdt: 10, data: { pollId: 'q1', question: 'Colour?', options: [{ id: 'a', text: 'Red' }, { id: 'b', text: 'Blue' }] } },
    { v: 1, id: 'e2', show: 'demo', seq: 2, type: 'reaction.tick', at: 20, pdt: 20, data: { counts: { heart: 5, fire: 1 } } },
    { v: 1, id: 'e3', show: 'demo', seq: 3, type: 'chat.message', at: 900, pdt: 900, data: { messageId: 'm1', text: 'first', author: { name: 'Bo', role: 'viewer' } } },
    { v: 1, id: 'e4', show: 'demo', seq: 4, type: 'chat.message', at: 1100, pdt: 1100, data: { messageId: 'm3', text: 'third', author: { name: 'Bo', role: 'viewer' } } },
  ];

  it('returns the state itself when nothing live arrived', () => {
    const state = stateAt(log, 2000);
    expect(withLive(state, emptyLiveState)).toBe(state);
  });

  it('lays live values over the timeline state, idempotently', () => {
    const envelopes: AnyLiveEnvelope[] = [
      live({ type: 'viewers.count', data: { count: 42 } }),
      live({ type: 'reaction.tick', data: { counts: { heart: 3 }, totals: { heart: 8 } } }),
      live({ type: 'poll.results', data: { pollId: 'q1', counts: { a: 2, b: 1 } } }),
      live({ type: 'chat.message', at: 1000, data: { messageId: 'm2', text: 'mine', author: { id: 'v_me', name: 'Me', role: 'viewer' } } }),
    ];
    let state = emptyLiveState;
    for (const envelope of [...envelopes, ...envelopes]) state = reduceLive(state, envelope);
    const shown = withLive(stateAt(log, 2000), state);
    expect(shown.viewers).toBe(42);
    // The log's totals trail the live ones for kinds the live tick counted; other kinds stay.
    expect(shown.reactions).toEqual({ heart: 8, fire: 1 });
    expect(shown.polls[0]?.counts).toEqual({ a: 2, b: 1 });
    expect(shown.chat.messages.map((message) => [message.messageId, message.seq])).toEqual([['m1', 3], ['m2', 0], ['m3', 4]]);
  });

  it('never lowers a reaction total the log already has', () => {
    const state = reduceLive(emptyLiveState, live({ type: 'reaction.tick', data: { counts: {}, totals: { heart: 2 } } }));
    expect(withLive(stateAt(log, 2000), state).reactions.heart).toBe(5);
  });
});
