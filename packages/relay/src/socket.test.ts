import {
  includedInSnapshot,
  stateAt,
  type AnyEnvelope,
  type JoinSnapshot,
  type ServerToViewer,
  type ViewerToServer,
} from '@live-shop/protocol';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { START, bearer, catalog, createFixture, highlight, seqs, type Fixture } from './testing/relay-fixture.js';

type ViewerClient = Socket<ServerToViewer, ViewerToServer>;

let fixture: Fixture;
let url: string;
const clients: ViewerClient[] = [];

beforeEach(async () => {
  fixture = createFixture();
  await fixture.createShow('demo');
  url = await fixture.relay.app.listen({ port: 0, host: '127.0.0.1' });
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  await fixture.relay.close();
});

function client(auth: Record<string, unknown>): ViewerClient {
  const socket: ViewerClient = connect(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  clients.push(socket);
  return socket;
}

/** Connects and resolves with the join snapshot. */
function join(auth: Record<string, unknown> = { show: 'demo' }): Promise<{ socket: ViewerClient; snapshot: JoinSnapshot }> {
  const socket = client(auth);
  return new Promise((resolve, reject) => {
    socket.once('snapshot', (snapshot) => resolve({ socket, snapshot }));
    socket.once('connect_error', reject);
  });
}

/** Resolves with the connect_error a refused handshake gets. */
function refusal(auth: Record<string, unknown>): Promise<Error & { data?: { code: string } }> {
  const socket = client(auth);
  return new Promise((resolve, reject) => {
    socket.once('connect_error', resolve);
    socket.once('connect', () => reject(new Error('the relay accepted the handshake')));
  });
}

/** Resolves with the first `count` envelopes broadcast to the socket. */
function received(socket: ViewerClient, count: number): Promise<AnyEnvelope[]> {
  const events: AnyEnvelope[] = [];
  return new Promise((resolve) => {
    socket.on('events', (batch) => {
      events.push(...batch);
      if (events.length >= count) resolve(events);
    });
  });
}

async function seed(): Promise<AnyEnvelope[]> {
  const { shows } = fixture.relay;
  return [
    await shows.append('demo', { ...catalog, pdt: START - 300_000 }),
    await shows.append('demo', { ...highlight('p1'), pdt: START - 200_000 }),
    await shows.append('demo', {
      type: 'chat.message',
      data: { messageId: 'm1', text: 'Hi!', author: { name: 'Ann', role: 'viewer' } },
      pdt: START - 30_000,
    }),
    await shows.append('demo', { ...highlight('p2'), pdt: START - 60_000 }),
    await shows.append('demo', { type: 'product.clear', data: { productId: 'p1' }, pdt: START - 10_000 }),
  ];
}

describe('socket.io', () => {
  it('sends a join snapshot: the base state before the lag and the events it leaves out', async () => {
    const log = await seed();
    const { snapshot } = await join();
    const basePdt = START - 120_000;
    const base = { seq: 5, pdt: basePdt, state: stateAt(log, basePdt) };
    expect(snapshot).toEqual({
      show: 'demo',
      serverTime: START,
      seq: 5,
      base,
      events: log.filter((event) => !includedInSnapshot(base, event)),
      // This socket's own id in the chat (a random one: it claimed none).
      authorId: expect.stringMatching(/^v_[\w-]{22}$/),
    });
    expect(seqs(snapshot.events)).toEqual([4, 5]);
    expect(snapshot.base.state.highlights.map((item) => item.productId)).toEqual(['p1']);
    expect(snapshot.base.state.chat.messages).toHaveLength(1);
    // Applying the rest gives the live state.
    expect(stateAt(snapshot.events, START, { base: snapshot.base })).toEqual(stateAt(log, START));
  });

  it('broadcasts events posted over HTTP to every viewer of the show, in seq order', async () => {
    await seed();
    const first = await join();
    const second = await join();
    await fixture.createShow('other');
    const elsewhere = await join({ show: 'other' });
    let leaked = 0;
    elsewhere.socket.on('events', () => leaked++);
    const firstGets = received(first.socket, 3);
    const secondGets = received(second.socket, 3);
    const token = await fixture.token('demo', 'producer');
    const posts = [highlight('p1'), highlight('p2'), { type: 'product.clear', data: {} }].map((event) =>
      fetch(`${url}/v1/shows/demo/events`, { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: JSON.stringify(event) }),
    );
    expect((await Promise.all(posts)).map((response) => response.status)).toEqual([201, 201, 201]);
    expect(seqs(await firstGets)).toEqual([6, 7, 8]);
    expect(await secondGets).toEqual(await firstGets);
    // The other show's viewer got nothing; a round trip on its socket proves it has settled.
    expect(await elsewhere.socket.emitWithAck('sync', { after: 0 })).toEqual([]);
    expect(leaked).toBe(0);
  });

  it('answers sync with the events after a seq', async () => {
    const log = await seed();
    const { socket } = await join();
    expect(await socket.emitWithAck('sync', { after: 2 })).toEqual(log.slice(2));
    expect(await socket.emitWithAck('sync', { after: 5 })).toEqual([]);
  });

  it('gives a missed event to a viewer that reconnects and syncs', async () => {
    await seed();
    const { socket, snapshot } = await join();
    socket.disconnect();
    const missed = await fixture.relay.shows.append('demo', highlight('p2'));
    const again = await join();
    expect(await again.socket.emitWithAck('sync', { after: snapshot.seq })).toEqual([missed]);
  });

  it('reports a malformed sync as a problem', async () => {
    const { socket } = await join();
    const problem = new Promise((resolve) => socket.once('problem', resolve));
    socket.emit('sync', { after: -1 } as { after: number }, () => undefined);
    expect(await problem).toMatchObject({ code: 'invalid_sync' });
  });

  it('refuses an unknown show with a message that says what to do', async () => {
    const error = await refusal({ show: 'nope' });
    expect(error.message).toBe('Show "nope" does not exist; check the id, or create the show with POST /v1/shows.');
    expect(error.data).toEqual({ code: 'show_not_found' });
  });

  it('refuses a handshake without a show', async () => {
    for (const auth of [{}, { show: 42 }]) {
      const error = await refusal(auth);
      expect(error.data).toEqual({ code: 'missing_show' });
      expect(error.message).toContain('auth: { show:');
    }
  });

  it('refuses a bad token, an expired token and another show\'s token', async () => {
    expect((await refusal({ show: 'demo', token: 'garbage' })).data).toEqual({ code: 'invalid_token' });
    expect((await refusal({ show: 'demo', token: 7 })).data).toEqual({ code: 'invalid_token' });
    await fixture.createShow('other');
    expect((await refusal({ show: 'demo', token: await fixture.token('other', 'viewer') })).data).toEqual({ code: 'wrong_show' });
    const shortLived = await fixture.token('demo', 'viewer', 60);
    fixture.clock.advance(61_000);
    expect((await refusal({ show: 'demo', token: shortLived })).data).toEqual({ code: 'token_expired' });
  });

  it('accepts a valid token of the show', async () => {
    const token = await fixture.token('demo', 'moderator');
    const { snapshot } = await join({ show: 'demo', token });
    expect(snapshot.show).toBe('demo');
  });
});
