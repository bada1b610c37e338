import type { AnyLiveEnvelope, LiveState } from '@live-shop/protocol';
import { describe, expect, test, vi } from 'vitest';
import { CustomSource } from './custom-source.js';
import { RecordedSource } from './recorded-source.js';
import { RelaySource } from './relay-source.js';
import type { SourceListener } from './source.js';
import { persistentViewerId, randomViewerId, VIEWER_ID_KEY } from './viewer-id.js';

function listener(lives: { state: LiveState; envelopes: readonly AnyLiveEnvelope[] }[] = []): SourceListener {
  return { timeline: () => {}, connection: () => {}, error: () => {}, live: (state, envelopes) => lives.push({ state, envelopes }) };
}

const at = 1_750_000_000_000;
const live = (type: string, data: unknown, id = `l-${type}`) => ({ v: 1, id, show: 'demo', type, at, pdt: at, data });

describe('RecordedSource (replay)', () => {
  test('refuses chat, reactions and votes with a message that says why, and sends nothing', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    const replay = new RecordedSource('http://127.0.0.1:1', 'demo');
    expect(await replay.chat()).toEqual({ ok: false, error: { code: 'not_live', message: 'This is a replay: chat is closed, so messages are not sent.' } });
    expect(await replay.react()).toEqual({ ok: false, error: { code: 'not_live', message: 'This is a replay: reactions are not sent.' } });
    expect(await replay.vote()).toEqual({ ok: false, error: { code: 'not_live', message: 'This is a replay: the poll is closed, so votes are not counted.' } });
    expect(replay.liveState).toBeUndefined();
    expect(fetch).not.toHaveBeenCalled();
    fetch.mockRestore();
  });
});

describe('CustomSource', () => {
  test('without handlers, refuses each intent as unsupported (after checking it)', async () => {
    const source = new CustomSource();
    expect(await source.chat('hi', 'Ann')).toEqual({ ok: false, error: { code: 'unsupported', message: 'This show does not take chat messages.' } });
    expect(await source.react('heart')).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(await source.vote('q1', 'red')).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(await source.chat('hi', '')).toMatchObject({ ok: false, error: { code: 'invalid_intent', path: 'name' } });
    expect(await source.react('Not A Kind')).toMatchObject({ ok: false, error: { code: 'invalid_intent', path: 'kind' } });
  });

  test('passes the checked intents to its handlers and returns their answers', async () => {
    const chat = vi.fn(async () => ({ ok: true as const, messageId: 'm1' }));
    const vote = vi.fn(async (_pollId: string, optionId: string) => ({ ok: true as const, optionId }));
    const source = new CustomSource({ intents: { chat, vote } });
    expect(await source.chat('  hello  ', ' Ann ')).toEqual({ ok: true, messageId: 'm1' });
    expect(chat).toHaveBeenCalledWith('hello', 'Ann');
    expect(await source.vote('q1', 'red')).toEqual({ ok: true, optionId: 'red' });
    expect(await source.react('heart')).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });

  test('pushLive folds live envelopes into its live state and tells the listener; reset starts over', () => {
    const lives: { state: LiveState; envelopes: readonly AnyLiveEnvelope[] }[] = [];
    const source = new CustomSource();
    source.start(listener(lives));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(source.pushLive([live('viewers.count', { count: 12 }), live('reaction.tick', { counts: { heart: 3 }, totals: { heart: 3 } }), live('viewers.count', { count: 'many' }, 'bad')])).toBe(2);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    expect(source.liveState).toEqual({ viewers: 12, reactions: { heart: 3 }, polls: {}, ownMessages: [] });
    expect(lives.at(-1)?.envelopes.map((envelope) => envelope.type)).toEqual(['viewers.count', 'reaction.tick']);

    // A listener that starts later gets the live state at once.
    const later: typeof lives = [];
    source.start(listener(later));
    expect(later).toEqual([{ state: source.liveState, envelopes: [] }]);

    source.reset();
    expect(source.liveState).toEqual({ reactions: {}, polls: {}, ownMessages: [] });
    expect(later.at(-1)?.state).toBe(source.liveState);
  });
});

describe('viewer id', () => {
  test('is 22 base64url characters, kept under live-shop:viewer-id, and replaced when what is stored is not one', () => {
    expect(randomViewerId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const items = new Map<string, string>([[VIEWER_ID_KEY, 'no spaces allowed']]);
    const storage = { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
    const id = persistentViewerId(storage);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(items.get(VIEWER_ID_KEY)).toBe(id);
    expect(persistentViewerId(storage)).toBe(id);
  });

  test('lasts as long as the page where storage throws', () => {
    const blocked = {
      getItem: (): string | null => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      setItem: () => {},
    };
    const id = persistentViewerId(blocked);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(persistentViewerId(blocked)).toBe(id);
    expect(persistentViewerId(undefined)).toBe(id);
  });

  test('a viewerId given to RelaySource is used when the relay accepts it; otherwise the stored one, with a warning', () => {
    const items = new Map<string, string>();
    const storage = { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
    expect(new RelaySource({ server: 'http://127.0.0.1:1', show: 'demo', viewerId: 'crm-customer-42', storage }).viewerId).toBe('crm-customer-42');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fallback = new RelaySource({ server: 'http://127.0.0.1:1', show: 'demo', viewerId: 'no', storage }).viewerId;
    expect(fallback).toBe(items.get(VIEWER_ID_KEY));
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/Ignored viewerId "no"/));
    warn.mockRestore();
  });
});
