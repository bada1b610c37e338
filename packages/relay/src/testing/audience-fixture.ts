// Test support (not part of the build): a listening relay whose audience timers the test
// drives by hand, and socket.io clients that record what they receive.
import type { AnyEnvelope, AnyLiveEnvelope, JoinSnapshot, ServerToViewer, ViewerToServer } from '@live-shop/protocol';
import { io as connect, type Socket } from 'socket.io-client';
import type { Intervals } from '../audience/audience.js';
import type { RelayOptions } from '../server.js';
import { createFixture, type Fixture } from './relay-fixture.js';

/** Repeating timers on a virtual clock that only {@link advance} moves. */
export class ManualIntervals implements Intervals {
  #time = 0;
  readonly #timers = new Set<{ ms: number; next: number; callback: () => void }>();

  every(ms: number, callback: () => void): () => void {
    const timer = { ms, next: this.#time + ms, callback };
    this.#timers.add(timer);
    return () => this.#timers.delete(timer);
  }

  /** Timers running now. */
  get active(): number {
    return this.#timers.size;
  }

  /** Moves the virtual clock on by `ms`, firing every timer that falls due, in time order. */
  advance(ms: number): void {
    const end = this.#time + ms;
    for (;;) {
      let due: { ms: number; next: number; callback: () => void } | undefined;
      for (const timer of this.#timers) if (timer.next <= end && (!due || timer.next < due.next)) due = timer;
      if (!due) break;
      this.#time = due.next;
      due.next += due.ms;
      due.callback();
    }
    this.#time = end;
  }
}

export type ViewerSocket = Socket<ServerToViewer, ViewerToServer>;

/** A connected client and everything it received. */
export interface Viewer {
  socket: ViewerSocket;
  snapshot: JoinSnapshot;
  /** Every envelope of `events`, in arrival order. */
  events: AnyEnvelope[];
  /** Every `live` batch, in arrival order. */
  live: AnyLiveEnvelope[][];
  /** The live envelopes of one type, flattened. */
  liveOf<T extends AnyLiveEnvelope['type']>(type: T): Extract<AnyLiveEnvelope, { type: T }>[];
  /** Resolves once everything the relay sent this socket before now has arrived (a round trip). */
  settle(): Promise<void>;
}

export interface AudienceFixture extends Fixture {
  url: string;
  intervals: ManualIntervals;
  /** Connects to the show and resolves once the snapshot and the join's live values arrived. */
  join(auth?: Record<string, unknown>): Promise<Viewer>;
  /** Disconnects the client and resolves once the relay has seen it go. */
  leave(viewer: Viewer): Promise<void>;
  /** Connects several clients at once. */
  joinMany(count: number, auth?: (index: number) => Record<string, unknown>): Promise<Viewer[]>;
  close(): Promise<void>;
}

/**
 * Connects a client to the relay at `url` (`sockets` records it, for closing) and resolves
 * once the snapshot and the join's live values arrived.
 */
export function joinRelay(url: string, auth: Record<string, unknown>, sockets: ViewerSocket[]): Promise<Viewer> {
  const socket: ViewerSocket = connect(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(socket);
  const events: AnyEnvelope[] = [];
  const live: AnyLiveEnvelope[][] = [];
  socket.on('events', (batch) => events.push(...batch));
  socket.on('live', (batch) => live.push(batch));
  const settle = async (): Promise<void> => {
    await socket.emitWithAck('sync', { after: Number.MAX_SAFE_INTEGER });
  };
  return new Promise((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('snapshot', (snapshot) => {
      const viewer: Viewer = {
        socket,
        snapshot,
        events,
        live,
        liveOf: (type) => live.flat().filter((envelope) => envelope.type === type) as never,
        settle,
      };
      settle().then(() => resolve(viewer), reject);
    });
  });
}

/** A relay listening on 127.0.0.1 (port 0) with show "demo" and hand-driven audience timers. */
export async function createAudienceFixture(options: RelayOptions = {}): Promise<AudienceFixture> {
  const intervals = new ManualIntervals();
  const fixture = createFixture({ ...options, audience: { intervals, ...options.audience } });
  await fixture.createShow('demo');
  const url = await fixture.relay.app.listen({ port: 0, host: '127.0.0.1' });
  const sockets: ViewerSocket[] = [];

  const join = (auth: Record<string, unknown> = { show: 'demo' }): Promise<Viewer> => joinRelay(url, auth, sockets);

  return {
    ...fixture,
    url,
    intervals,
    join,
    leave(viewer) {
      const server = fixture.relay.io.of('/').sockets.get(viewer.socket.id ?? '');
      const gone = new Promise<void>((resolve) => (server ? server.once('disconnect', () => resolve()) : resolve()));
      viewer.socket.disconnect();
      return gone;
    },
    joinMany: (count, auth) => Promise.all(Array.from({ length: count }, (_, index) => join(auth ? auth(index) : undefined))),
    async close() {
      for (const socket of sockets.splice(0)) socket.disconnect();
      await fixture.relay.close();
    },
  };
}
