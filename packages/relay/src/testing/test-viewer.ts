// Test support (not part of the build): a viewer on a real socket.io-client that keeps
// its show the way the player's RelaySource does (packages/player-element/src/sources/
// relay-source.ts): a snapshot starts its timeline, or, once it has one, makes it `sync`
// after its last seq; a gap in seq makes it `sync` too; duplicates count once. It also
// records what arrived on the wire, to check that nothing came twice, out of order or
// needed a sync.
import { SOCKET_EVENTS, ShowTimeline, type AnyEnvelope, type JoinSnapshot, type ServerToViewer, type ShowState, type ViewerToServer } from '@live-shop/protocol';
import { io as connect, type Socket } from 'socket.io-client';
import { Conditions } from './conditions.js';

export interface TestViewerOptions {
  show: string;
  token?: string;
  /** Default 100 ms: quick reconnection for tests (RelaySource keeps socket.io's 1 s). */
  reconnectionDelay?: number;
}

export class TestViewer {
  readonly socket: Socket<ServerToViewer, ViewerToServer>;
  /** Every `snapshot` received. */
  readonly snapshots: JoinSnapshot[] = [];
  /** The seqs of every `events` packet, in arrival order (sync answers not included). */
  readonly wire: number[] = [];
  /** `sync` calls made (after a gap, or a snapshot on a reconnection). */
  syncs = 0;
  /** Connections: how many, and how many socket.io reported recovered. */
  connects = 0;
  recoveries = 0;
  /** Refusals (`connect_error`). */
  readonly refusals: Error[] = [];
  #timeline: ShowTimeline | undefined;
  #lastSeq = 0;
  readonly #conditions = new Conditions();

  constructor(url: string, options: TestViewerOptions) {
    const delay = options.reconnectionDelay ?? 100;
    this.socket = connect(url, {
      auth: options.token === undefined ? { show: options.show } : { show: options.show, token: options.token },
      // One TCP connection per viewer: no sticky sessions needed behind a TCP balancer.
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: delay,
      reconnectionDelayMax: delay * 5,
    });
    this.socket.on('connect', () => {
      this.connects++;
      if (this.socket.recovered) this.recoveries++;
      this.#changed();
    });
    this.socket.on('connect_error', (error) => {
      this.refusals.push(error);
      this.#changed();
    });
    this.socket.on(SOCKET_EVENTS.snapshot, (snapshot) => void this.#onSnapshot(snapshot));
    this.socket.on(SOCKET_EVENTS.events, (envelopes) => this.#onEvents(envelopes));
  }

  /** The highest seq held. */
  get lastSeq(): number {
    return this.#lastSeq;
  }

  get timeline(): ShowTimeline | undefined {
    return this.#timeline;
  }

  /** The state with every event applied (what `GET /v1/shows/:id/state` answers). */
  latest(): ShowState | undefined {
    return this.#timeline?.stateAt(Number.POSITIVE_INFINITY);
  }

  /** Resolves when `test()` holds, checked after every change; rejects after `timeoutMs`. */
  until(test: (viewer: TestViewer) => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    return this.#conditions.until(() => test(this), () => `A viewer did not ${what} within ${timeoutMs} ms (last seq ${this.#lastSeq}, ${this.snapshots.length} snapshots, ${this.connects} connects).`, timeoutMs);
  }

  close(): void {
    this.socket.disconnect();
  }

  async #onSnapshot(snapshot: JoinSnapshot): Promise<void> {
    this.snapshots.push(snapshot);
    if (this.#timeline) {
      await this.#sync();
    } else {
      const timeline = new ShowTimeline({ audience: 'on-arrival', base: snapshot.base });
      timeline.add(snapshot.events);
      this.#timeline = timeline;
      this.#lastSeq = Math.max(snapshot.seq, ...snapshot.events.map((event) => event.seq));
    }
    this.#changed();
  }

  #onEvents(envelopes: AnyEnvelope[]): void {
    const previous = this.#lastSeq;
    this.wire.push(...envelopes.map((envelope) => envelope.seq));
    this.#add(envelopes);
    const first = envelopes[0]?.seq;
    if (this.#timeline && first !== undefined && first > previous + 1) void this.#sync(previous);
    this.#changed();
  }

  async #sync(after = this.#lastSeq): Promise<void> {
    this.syncs++;
    const missed = await this.socket.timeout(5_000).emitWithAck(SOCKET_EVENTS.sync, { after });
    this.#add(missed);
    this.#changed();
  }

  #add(envelopes: readonly AnyEnvelope[]): void {
    for (const envelope of envelopes) this.#lastSeq = Math.max(this.#lastSeq, envelope.seq);
    this.#timeline?.add(envelopes);
  }

  #changed(): void {
    this.#conditions.changed();
  }
}
