import {
  emptyLiveState,
  parseEnvelope,
  parseLiveEnvelope,
  reduceLive,
  ShowTimeline,
  SOCKET_EVENTS,
  withLive,
  type AnyEnvelope,
  type LiveState,
  type JoinSnapshot,
  type ServerToViewer,
  type ShowState,
  type ViewerToServer,
} from '@live-shop/protocol';
import { io, type Socket } from 'socket.io-client';

/**
 * - `connecting`: the first handshake is under way;
 * - `connected`: the snapshot arrived and events are flowing;
 * - `reconnecting`: the connection dropped; socket.io retries, what was missed is fetched;
 * - `refused`: the relay refused the handshake (bad token, unknown show); no retry.
 */
export type FeedStatus = 'connecting' | 'connected' | 'reconnecting' | 'refused';

export interface FeedListener {
  /** The show's state with every event of the log applied, and the highest seq held. */
  state(state: ShowState, seq: number): void;
  /** `problem` is the relay's message (and code) when it refused the handshake. */
  status(status: FeedStatus, problem?: { code: string; message: string }): void;
}

/** The live log of a show as the console needs it; an interface so tests can stand in for it. */
export interface ShowFeed {
  start(listener: FeedListener): void;
  /** Adds an envelope the console posted itself (the broadcast of it may come later). */
  add(envelope: AnyEnvelope): void;
  stop(): void;
}

/** Everything after the last event: the console controls the log, not a playhead. */
const END_OF_LOG = Number.MAX_SAFE_INTEGER;

function isJoinSnapshot(value: unknown): value is JoinSnapshot {
  const snapshot = value as Partial<JoinSnapshot> | null;
  return (
    typeof snapshot?.seq === 'number' &&
    typeof snapshot.base?.seq === 'number' &&
    typeof snapshot.base.pdt === 'number' &&
    Array.isArray(snapshot.base.state?.products) &&
    Array.isArray(snapshot.events)
  );
}

/** Parses envelopes from the socket; unknown types (a newer relay) and invalid ones are skipped. */
function parseAll(input: unknown): { events: AnyEnvelope[]; firstSeq: number; lastSeq: number } {
  const events: AnyEnvelope[] = [];
  let firstSeq = Number.POSITIVE_INFINITY;
  let lastSeq = 0;
  for (const item of Array.isArray(input) ? (input as unknown[]) : []) {
    const parsed = parseEnvelope(item);
    if (!parsed.ok) {
      console.warn(`[live-shop console] Ignored an invalid event from the relay: ${parsed.error.message}.`);
      continue;
    }
    firstSeq = Math.min(firstSeq, parsed.value.seq);
    lastSeq = Math.max(lastSeq, parsed.value.seq);
    if (parsed.known) events.push(parsed.value);
  }
  return { events, firstSeq, lastSeq };
}

/**
 * The show's log over socket.io, authenticated with the producer token (the handshake
 * is also how the console checks a token without posting anything). Keeps a
 * {@link ShowTimeline} from the join snapshot and reports its state at the end of the log:
 * the console controls what the log says, whatever its preview's playhead.
 */
export class SocketShowFeed implements ShowFeed {
  readonly #server: string;
  readonly #show: string;
  readonly #token: string;
  #socket: Socket<ServerToViewer, ViewerToServer> | undefined;
  #listener: FeedListener | undefined;
  #timeline: ShowTimeline | undefined;
  /** The highest seq received over the socket, to notice a gap. */
  #socketSeq = 0;
  /** Audience news that is not in the log: viewer count, poll tallies, reaction totals. */
  #live: LiveState = emptyLiveState;

  constructor(options: { server: string; show: string; token: string }) {
    this.#server = options.server;
    this.#show = options.show;
    this.#token = options.token;
  }

  start(listener: FeedListener): void {
    this.stop();
    this.#listener = listener;
    listener.status('connecting');
    const socket: Socket<ServerToViewer, ViewerToServer> = io(new URL(this.#server, globalThis.location?.href).origin, {
      auth: { show: this.#show, token: this.#token },
      // WebSocket first (one connection, no long-polling requests left behind when a
      // refused handshake closes it), long-polling only where a proxy blocks WebSockets.
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
    });
    socket.on('connect_error', (error: Error & { data?: { code?: unknown } }) => {
      // Not active: the relay's middleware refused the handshake; retrying cannot help.
      if (!socket.active) {
        const code = typeof error.data?.code === 'string' ? error.data.code : 'refused';
        this.#listener?.status('refused', { code, message: error.message });
      } else {
        this.#listener?.status('reconnecting');
      }
    });
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') this.#listener?.status('reconnecting');
    });
    socket.on(SOCKET_EVENTS.snapshot, (snapshot) => void this.#onSnapshot(snapshot));
    socket.on(SOCKET_EVENTS.events, (envelopes) => this.#onEvents(envelopes));
    socket.on(SOCKET_EVENTS.live, (envelopes) => this.#onLive(envelopes));
    socket.on(SOCKET_EVENTS.problem, (problem) => console.warn(`[live-shop console] The relay reported a problem (${problem.code}): ${problem.message}`));
    this.#socket = socket;
  }

  add(envelope: AnyEnvelope): void {
    if (this.#timeline && this.#timeline.add([envelope]) > 0) this.#publish();
  }

  stop(): void {
    this.#socket?.disconnect();
    this.#socket?.removeAllListeners();
    this.#socket = undefined;
    this.#listener = undefined;
  }

  async #onSnapshot(snapshot: unknown): Promise<void> {
    if (!isJoinSnapshot(snapshot)) {
      console.warn('[live-shop console] Ignored a malformed join snapshot from the relay.');
      return;
    }
    // A reconnect keeps the history and asks only for what it missed; else (or if that
    // fails) the fresh snapshot replaces the timeline.
    if (!this.#timeline || !(await this.#sync())) {
      const batch = parseAll(snapshot.events);
      const timeline = new ShowTimeline({ audience: 'on-arrival', base: snapshot.base });
      timeline.add(batch.events);
      this.#timeline = timeline;
      this.#socketSeq = Math.max(snapshot.seq, snapshot.base.seq, batch.lastSeq);
    }
    this.#publish();
    this.#listener?.status('connected');
  }

  #onEvents(envelopes: unknown): void {
    const batch = parseAll(envelopes);
    const previous = this.#socketSeq;
    this.#socketSeq = Math.max(previous, batch.lastSeq);
    if (this.#timeline && this.#timeline.add(batch.events) > 0) this.#publish();
    if (this.#timeline && Number.isFinite(batch.firstSeq) && batch.firstSeq > previous + 1) void this.#sync(previous);
  }

  #onLive(envelopes: unknown): void {
    let live = this.#live;
    for (const item of Array.isArray(envelopes) ? (envelopes as unknown[]) : []) {
      const parsed = parseLiveEnvelope(item);
      // Shadow-banned authors' own messages go to their sockets only; none reach this one.
      if (parsed.ok && parsed.known && parsed.value.type !== 'chat.message') live = reduceLive(live, parsed.value);
    }
    if (live === this.#live) return;
    this.#live = live;
    this.#publish();
  }

  async #sync(after = this.#socketSeq): Promise<boolean> {
    const socket = this.#socket;
    if (!socket || !this.#timeline) return false;
    try {
      const envelopes: unknown = await socket.timeout(5_000).emitWithAck(SOCKET_EVENTS.sync, { after });
      if (socket !== this.#socket || !Array.isArray(envelopes)) return false;
      const batch = parseAll(envelopes);
      this.#socketSeq = Math.max(this.#socketSeq, batch.lastSeq);
      if (this.#timeline.add(batch.events) > 0) this.#publish();
      return true;
    } catch {
      return false;
    }
  }

  #publish(): void {
    if (this.#timeline) this.#listener?.state(withLive(this.#timeline.stateAt(END_OF_LOG), this.#live), this.#timeline.lastSeq);
  }
}
