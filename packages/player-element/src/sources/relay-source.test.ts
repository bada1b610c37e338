import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { initialState, type AnyEnvelope, type JoinSnapshot, type ShowTimeline } from '@live-shop/protocol';
import { Server, type Socket } from 'socket.io';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { PlayerError } from '../errors.js';
import { RelaySource } from './relay-source.js';
import type { ConnectionStatus } from './source.js';

const PDT = 1_750_000_000_000;

function event(seq: number, type: string, data: unknown, pdt = PDT + seq * 1000): AnyEnvelope {
  return { v: 1, id: `e${seq}`, show: 'demo', seq, type, at: pdt, pdt, data } as AnyEnvelope;
}

const catalog = event(1, 'catalog.set', {
  products: ['a', 'b', 'c'].map((id) => ({ id, handle: id, title: id, images: [], price: { amount: '1.00', currencyCode: 'USD' }, variants: [] })),
});

/**
 * A relay as the protocol describes it, small enough to steer: a log, a join snapshot
 * (empty base + the whole log), `events` fan-out and `sync`.
 */
async function fakeRelay(options: { answerSync?: boolean; refuse?: boolean } = {}) {
  const log: AnyEnvelope[] = [catalog];
  const syncs: number[] = [];
  const http = createServer();
  const io = new Server(http, { cors: { origin: '*' } });
  if (options.refuse) io.use((_socket, next) => next(new Error('unknown show')));
  io.on('connection', (socket: Socket) => {
    socket.join('demo');
    const snapshot: JoinSnapshot = {
      show: 'demo',
      serverTime: Date.now() + 60_000,
      seq: log.at(-1)?.seq ?? 0,
      base: { seq: 0, pdt: 0, state: initialState },
      events: [...log],
    };
    socket.emit('snapshot', snapshot);
    socket.on('sync', (request: { after: number }, reply: (events: AnyEnvelope[]) => void) => {
      syncs.push(request.after);
      if (options.answerSync !== false) reply(log.filter((envelope) => envelope.seq > request.after));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    origin,
    syncs,
    /** Appends to the log and fans out, unless `silently` (a viewer offline misses it). */
    append(envelope: AnyEnvelope, silently = false) {
      log.push(envelope);
      if (!silently) io.to('demo').emit('events', [envelope]);
    },
    /** Emits without logging: to fake a gap. */
    emitOnly(envelopes: AnyEnvelope[]) {
      io.to('demo').emit('events', envelopes);
    },
    /** Drops every connection as a network failure would (the clients reconnect). */
    dropConnections() {
      for (const socket of io.sockets.sockets.values()) socket.conn.close();
    },
    close: () => new Promise<void>((resolve) => io.close(() => resolve())),
  };
}

function listen(source: RelaySource) {
  const statuses: ConnectionStatus[] = [];
  const errors: PlayerError[] = [];
  let timeline: ShowTimeline | undefined;
  source.start({
    timeline: (next) => (timeline = next),
    connection: (status) => statuses.push(status),
    error: (error) => errors.push(error),
  });
  return {
    statuses,
    errors,
    highlights: () => (timeline?.stateAt(Number.MAX_SAFE_INTEGER).highlights ?? []).map((highlight) => highlight.productId),
    timeline: () => timeline,
  };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(options?: Parameters<typeof fakeRelay>[0], syncTimeoutMs?: number) {
  const relay = await fakeRelay(options);
  const source = new RelaySource({ server: relay.origin, show: 'demo', syncTimeoutMs });
  cleanups.push(relay.close, () => source.stop());
  return { relay, source, viewer: listen(source) };
}

describe('RelaySource', () => {
  test('builds the timeline from the join snapshot, then adds live events', async () => {
    const { relay, source, viewer } = await setup();
    await vi.waitFor(() => expect(viewer.statuses.at(-1)).toBe('connected'));
    // The fake relay's clock is a minute ahead.
    expect(source.clockOffset).toBeGreaterThan(59_000);
    expect(source.clockOffset).toBeLessThan(61_000);
    relay.append(event(2, 'product.highlight', { productId: 'a' }));
    await vi.waitFor(() => expect(viewer.highlights()).toEqual(['a']));
  });

  test('after a reconnect, fetches what it missed with sync and keeps its history', async () => {
    const { relay, viewer } = await setup();
    await vi.waitFor(() => expect(viewer.statuses.at(-1)).toBe('connected'));
    relay.append(event(2, 'product.highlight', { productId: 'a' }));
    await vi.waitFor(() => expect(viewer.highlights()).toEqual(['a']));
    const timeline = viewer.timeline();

    relay.dropConnections();
    await vi.waitFor(() => expect(viewer.statuses).toContain('reconnecting'));
    relay.append(event(3, 'product.highlight', { productId: 'b' }), true);
    relay.append(event(4, 'product.highlight', { productId: 'c' }), true);

    await vi.waitFor(() => expect(viewer.highlights()).toEqual(['c', 'b', 'a']), { timeout: 5_000 });
    expect(relay.syncs).toEqual([2]);
    expect(viewer.timeline()).toBe(timeline);
    expect(viewer.timeline()?.events.map((envelope) => envelope.seq)).toEqual([1, 2, 3, 4]);
    expect(viewer.statuses.at(-1)).toBe('connected');
  });

  test('takes the fresh snapshot when sync gets no answer', async () => {
    const { relay, viewer } = await setup({ answerSync: false }, 200);
    await vi.waitFor(() => expect(viewer.statuses.at(-1)).toBe('connected'));
    const timeline = viewer.timeline();
    relay.dropConnections();
    relay.append(event(2, 'product.highlight', { productId: 'b' }), true);
    await vi.waitFor(() => expect(viewer.highlights()).toEqual(['b']), { timeout: 5_000 });
    expect(viewer.timeline()).not.toBe(timeline);
  });

  test('asks for the missing events when the seq jumps', async () => {
    const { relay, viewer } = await setup();
    await vi.waitFor(() => expect(viewer.statuses.at(-1)).toBe('connected'));
    relay.append(event(2, 'product.highlight', { productId: 'a' }), true);
    relay.append(event(3, 'product.highlight', { productId: 'b' }), true);
    relay.emitOnly([event(3, 'product.highlight', { productId: 'b' })]);
    await vi.waitFor(() => expect(viewer.highlights()).toEqual(['b', 'a']));
    expect(relay.syncs).toEqual([1]);
  });

  test('reports a refused handshake once, with a message for viewers', async () => {
    const { viewer } = await setup({ refuse: true });
    await vi.waitFor(() => expect(viewer.errors).toHaveLength(1));
    expect(viewer.errors[0]?.code).toBe('relay-refused');
    expect(viewer.errors[0]?.message).toMatch(/reload the page/);
    expect(viewer.statuses.at(-1)).toBe('closed');
  });
});
