import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { initialState, withLive, type AnyLiveEnvelope, type EventData, type EventInput, type JoinSnapshot, type LiveState, type ShowState } from '@live-shop/protocol';
import { Server } from 'socket.io';
import { afterEach, describe, expect, test, vi } from 'vitest';
// The real relay, in this process, with hand-driven audience timers and clock (test support of packages/relay).
import { createAudienceFixture, type AudienceFixture } from '../../../relay/src/testing/audience-fixture.js';
import { bearer } from '../../../relay/src/testing/relay-fixture.js';
import { RelaySource } from './relay-source.js';
import type { ConnectionStatus } from './source.js';
import { VIEWER_ID_KEY, type ViewerIdStorage } from './viewer-id.js';

/** A `Storage` of one page: what survives its reloads. */
class MemoryStorage implements ViewerIdStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.restoreAllMocks();
});

let fixture: AudienceFixture;

async function relay(options: Parameters<typeof createAudienceFixture>[0] = {}): Promise<AudienceFixture> {
  fixture = await createAudienceFixture(options);
  cleanups.push(() => fixture.close());
  return fixture;
}

async function produce(event: EventInput): Promise<void> {
  const response = await fixture.postEvent('demo', await fixture.token('demo', 'producer'), event);
  if (response.statusCode !== 201) throw new Error(`posting ${event.type} failed: ${response.body}`);
}

const openPoll: EventInput = {
  type: 'poll.open',
  data: { pollId: 'q1', question: 'Which colour?', options: [{ id: 'red', text: 'Red' }, { id: 'blue', text: 'Blue' }] },
};

/** A viewer's page: a RelaySource with its own storage (or a given one: the same browser), and what it received. */
async function viewer(storage: ViewerIdStorage = new MemoryStorage()) {
  const source = new RelaySource({ server: fixture.url, show: 'demo', storage });
  const statuses: ConnectionStatus[] = [];
  const lives: { state: LiveState; envelopes: readonly AnyLiveEnvelope[] }[] = [];
  let timelineState = (): ShowState => initialState;
  source.start({
    timeline: (timeline) => (timelineState = () => timeline.stateAt(Number.MAX_SAFE_INTEGER)),
    connection: (status) => statuses.push(status),
    error: () => {},
    live: (state, envelopes) => lives.push({ state, envelopes }),
  });
  cleanups.push(() => source.stop());
  await vi.waitFor(() => expect(statuses.at(-1)).toBe('connected'));
  // The join's live batch (viewer count…) comes right after the snapshot.
  await vi.waitFor(() => expect(lives.length).toBeGreaterThan(0));
  return {
    source,
    lives,
    /** What a player shows: the timeline's state with the live values laid over it. */
    shown: () => withLive(timelineState(), source.liveState),
    ticks: () => lives.flatMap(({ envelopes }) => envelopes.filter((envelope) => envelope.type === 'reaction.tick')),
  };
}

function chatTexts(state: ShowState): string[] {
  return state.chat.messages.map((message) => message.text);
}

describe('RelaySource: what a viewer sends and the live news', () => {
  test('a viewer chats and gets its messageId; everyone sees the message', async () => {
    await relay();
    const ann = await viewer();
    const bob = await viewer();
    const ack = await ann.source.chat('  Love the <b>red</b> one!  ', 'Ann');
    expect(ack).toEqual({ ok: true, messageId: expect.any(String) });
    const messageId = ack.ok ? ack.messageId : '';
    for (const page of [ann, bob]) {
      await vi.waitFor(() => expect(page.shown().chat.messages.map((message) => message.messageId)).toEqual([messageId]));
    }
    // Trimmed, and kept as text.
    expect(chatTexts(bob.shown())).toEqual(['Love the <b>red</b> one!']);
  });

  test('a shadow-banned viewer sees its own message through `live`; nobody else does', async () => {
    await relay();
    const troll = await viewer();
    const bob = await viewer();
    expect((await troll.source.chat('first', 'Troll')).ok).toBe(true);
    const logged = (await fixture.relay.shows.eventsAfter('demo')).find((event) => event.type === 'chat.message');
    const authorId = (logged?.data as EventData<'chat.message'> | undefined)?.author.id ?? '';
    const moderated = await fixture.request({
      method: 'POST',
      url: '/v1/shows/demo/moderation',
      headers: bearer(await fixture.token('demo', 'moderator')),
      payload: { action: 'shadow-ban', authorId },
    });
    expect(moderated.statusCode).toBe(200);

    // The chat is ordered by the relay's clock, which this test moves by hand.
    fixture.clock.advance(1000);
    const ack = await troll.source.chat('only I see this', 'Troll');
    // The same answer as any accepted message.
    expect(ack).toEqual({ ok: true, messageId: expect.any(String) });
    await vi.waitFor(() => expect(chatTexts(troll.shown())).toEqual(['first', 'only I see this']));
    expect(troll.source.liveState.ownMessages.map((message) => [message.messageId, message.seq])).toEqual([[ack.ok ? ack.messageId : '', 0]]);

    // Bob's next message reaches him after anything the relay sent him before it: the shadow message never was.
    fixture.clock.advance(1000);
    expect((await bob.source.chat('hello', 'Bob')).ok).toBe(true);
    await vi.waitFor(() => expect(chatTexts(bob.shown())).toEqual(['first', 'hello']));
    expect(bob.source.liveState.ownMessages).toEqual([]);
  });

  test('reactions from two viewers come back to both as ticks with the right counts and totals', async () => {
    await relay();
    const ann = await viewer();
    const bob = await viewer();
    const sent = await Promise.all([
      ...['heart', 'heart', 'heart'].map((kind) => ann.source.react(kind)),
      ...['heart', 'heart', 'fire'].map((kind) => bob.source.react(kind)),
    ]);
    expect(sent).toEqual(Array.from({ length: 6 }, () => ({ ok: true })));
    fixture.intervals.advance(250);
    for (const page of [ann, bob]) {
      await vi.waitFor(() => expect(page.ticks().map((tick) => tick.data))
        .toEqual([{ counts: { heart: 5, fire: 1 }, totals: { heart: 5, fire: 1 } }]));
      expect(page.shown().reactions).toEqual({ heart: 5, fire: 1 });
    }

    expect((await bob.source.react('heart')).ok).toBe(true);
    fixture.intervals.advance(250);
    await vi.waitFor(() => expect(ann.ticks().at(-1)?.data).toEqual({ counts: { heart: 1 }, totals: { heart: 6, fire: 1 } }));
    expect(ann.source.liveState.reactions).toEqual({ heart: 6, fire: 1 });
  });

  test('a vote is counted once and the live results arrive', async () => {
    await relay();
    await produce(openPoll);
    const ann = await viewer();
    const bob = await viewer();
    expect(await ann.source.vote('q1', 'red')).toEqual({ ok: true, optionId: 'red' });
    // The same vote again is a harmless retry; another option is refused with the relay's words.
    expect(await ann.source.vote('q1', 'red')).toEqual({ ok: true, optionId: 'red' });
    expect(await ann.source.vote('q1', 'blue')).toEqual({
      ok: false,
      error: { code: 'already_voted', path: 'optionId', message: 'You already voted for "red" in this poll; one vote per viewer counts.' },
    });
    expect(await bob.source.vote('q1', 'blue')).toEqual({ ok: true, optionId: 'blue' });
    fixture.intervals.advance(500);
    for (const page of [ann, bob]) {
      await vi.waitFor(() => expect(page.source.liveState.polls).toEqual({ q1: { red: 1, blue: 1 } }));
      expect(page.shown().polls.map((poll) => [poll.pollId, poll.counts])).toEqual([['q1', { red: 1, blue: 1 }]]);
    }
  });

  test('refusals come back as {ok: false} with the relay’s message', async () => {
    await relay();
    await produce(openPoll);
    const ann = await viewer();

    // Chat: 5 at once, then one every 2 s (on the relay's clock, which this test holds still).
    for (let index = 0; index < 5; index++) expect((await ann.source.chat(`message ${index}`, 'Ann')).ok).toBe(true);
    expect(await ann.source.chat('one too many', 'Ann')).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: expect.stringMatching(/too fast.*wait 2 s/), retryAfterMs: 2000 },
    });

    expect(await ann.source.react('poop')).toEqual({
      ok: false,
      error: { code: 'unknown_reaction', path: 'kind', message: '"poop" is not a reaction of this show; send one of: heart, fire, clap, laugh, wow.' },
    });

    await produce({ type: 'poll.close', data: { pollId: 'q1' } });
    const closed = await ann.source.vote('q1', 'red');
    expect(closed).toMatchObject({ ok: false, error: { code: 'poll_closed' } });
    expect(closed.ok ? '' : closed.error.message).toMatch(/closed/);
  });

  test('after a rate-limited reaction, taps are refused here until the relay would take them again', async () => {
    await relay();
    const ann = await viewer();
    const acks = [];
    for (let index = 0; index < 22; index++) acks.push(await ann.source.react('heart'));
    // 20 at once (the relay's default burst), then refused: by the relay, then here, with the same code.
    expect(acks.filter((ack) => ack.ok)).toHaveLength(20);
    expect(acks.slice(20)).toEqual([
      { ok: false, error: { code: 'rate_limited', message: expect.stringMatching(/too fast/), retryAfterMs: expect.any(Number) } },
      { ok: false, error: { code: 'rate_limited', message: expect.stringMatching(/too fast/), retryAfterMs: expect.any(Number) } },
    ]);
    fixture.intervals.advance(250);
    await vi.waitFor(() => expect(ann.source.liveState.reactions).toEqual({ heart: 20 }));
  });

  test('checks an intent before sending it, and refuses at once when offline', async () => {
    await relay();
    const ann = await viewer();
    expect(await ann.source.chat('   ', 'Ann')).toEqual({
      ok: false,
      error: { code: 'invalid_intent', path: 'text', message: 'text must not be empty' },
    });
    await fixture.close();
    await vi.waitFor(async () => expect(await ann.source.chat('anyone there?', 'Ann')).toEqual({
      ok: false,
      error: { code: 'offline', message: 'You are offline; check your connection and try again.' },
    }));
    const never = new RelaySource({ server: fixture.url, show: 'demo', storage: new MemoryStorage() });
    expect(await never.vote('q1', 'red')).toMatchObject({ ok: false, error: { code: 'offline' } });
  });

  test('keeps the viewer id in storage: a reload is the same viewer, another browser is not', async () => {
    await relay();
    await produce(openPoll);
    const browser = new MemoryStorage();
    const first = await viewer(browser);
    const id = browser.items.get(VIEWER_ID_KEY);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(first.source.viewerId).toBe(id);
    expect((await first.source.vote('q1', 'red')).ok).toBe(true);
    first.source.stop();

    const reloaded = await viewer(browser);
    expect(reloaded.source.viewerId).toBe(id);
    expect(await reloaded.source.vote('q1', 'blue')).toMatchObject({ ok: false, error: { code: 'already_voted' } });
    const other = await viewer(new MemoryStorage());
    expect(other.source.viewerId).not.toBe(id);
    expect(await other.source.vote('q1', 'blue')).toEqual({ ok: true, optionId: 'blue' });
  });
});

describe('RelaySource against a relay that misbehaves', () => {
  /** A socket.io server that sends a join snapshot, then whatever the test says, and never answers intents. */
  async function silentRelay() {
    const http = createServer();
    const io = new Server(http);
    io.on('connection', (socket) => {
      const snapshot: JoinSnapshot = { show: 'demo', serverTime: Date.now(), seq: 0, base: { seq: 0, pdt: 0, state: initialState }, events: [] };
      socket.emit('snapshot', snapshot);
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => io.close(() => resolve())));
    return { io, origin: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
  }

  async function connected(origin: string, intentTimeoutMs?: number) {
    const source = new RelaySource({ server: origin, show: 'demo', storage: new MemoryStorage(), intentTimeoutMs });
    const statuses: ConnectionStatus[] = [];
    const lives: LiveState[] = [];
    source.start({ timeline: () => {}, connection: (status) => statuses.push(status), error: () => {}, live: (state) => lives.push(state) });
    cleanups.push(() => source.stop());
    await vi.waitFor(() => expect(statuses.at(-1)).toBe('connected'));
    return { source, lives };
  }

  test('an unanswered intent resolves with a timeout refusal', async () => {
    const { origin } = await silentRelay();
    const { source } = await connected(origin, 100);
    expect(await source.react('heart')).toEqual({ ok: false, error: { code: 'timeout', message: 'The relay did not answer in time; try again in a moment.' } });
  });

  test('ignores malformed live envelopes with a warning, and applies the valid ones', async () => {
    const { io, origin } = await silentRelay();
    const { source, lives } = await connected(origin);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const at = Date.now();
    io.emit('live', { not: 'a list' });
    io.emit('live', [
      { v: 1, id: 'l1', show: 'demo', type: 'viewers.count', at, pdt: at, data: { count: -3 } },
      { v: 1, id: 'l2', show: 'demo', type: 'something.new', at, pdt: at, data: {} },
      { v: 1, id: 'l3', show: 'demo', type: 'viewers.count', at, pdt: at, data: { count: 1234 } },
    ]);
    await vi.waitFor(() => expect(source.liveState.viewers).toBe(1234));
    expect(lives).toHaveLength(1);
    expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([
      '[live-shop] Expected a list of live envelopes; ignored:',
      expect.stringMatching(/Ignored an invalid live envelope: data\.count/),
    ]);
  });
});
