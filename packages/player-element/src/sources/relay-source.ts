import { clockOffset, ShowTimeline, SOCKET_EVENTS, type JoinSnapshot, type ServerToViewer, type ViewerToServer } from '@live-shop/protocol';
import { io, type Socket } from 'socket.io-client';
import { playerError } from '../errors.js';
import { parseEnvelopes } from './envelopes.js';
import type { ConnectionStatus, ShowEventSource, SourceListener } from './source.js';

const SYNC_TIMEOUT_MS = 5_000;
/** Failed attempts in a row before viewers are told; socket.io keeps retrying anyway. */
const FAILURES_BEFORE_ERROR = 3;

export interface RelaySourceOptions {
  /** The relay's origin, e.g. "https://shop.example.com". */
  server: string;
  show: string;
  /** A viewer token, when the show needs one. */
  token?: string | undefined;
  /** How long to wait for the relay's answer to `sync` before taking its fresh snapshot instead. */
  syncTimeoutMs?: number | undefined;
}

function isJoinSnapshot(value: unknown): value is JoinSnapshot {
  const snapshot = value as Partial<JoinSnapshot> | null;
  const state = snapshot?.base?.state;
  return (
    typeof snapshot?.seq === 'number' &&
    typeof snapshot.serverTime === 'number' &&
    typeof snapshot.base?.seq === 'number' &&
    typeof snapshot.base.pdt === 'number' &&
    Array.isArray(state?.highlights) &&
    Array.isArray(state.products) &&
    Array.isArray(snapshot.events)
  );
}

/**
 * The live source: a socket.io connection to the relay. On join the relay sends a
 * snapshot (the state a little before the live edge plus the events it does not
 * include), then every new event in seq order.
 *
 * After a reconnect the timeline is kept and the events missed meanwhile are fetched with
 * `sync` (so a viewer who rewinds still has the whole show); if that fails, the fresh
 * join snapshot replaces the timeline. A gap in seq also triggers a `sync`.
 */
export class RelaySource implements ShowEventSource {
  readonly #options: RelaySourceOptions;
  #socket: Socket<ServerToViewer, ViewerToServer> | undefined;
  #listener: SourceListener | undefined;
  #timeline: ShowTimeline | undefined;
  #lastSeq = 0;
  #connectStartedAt = 0;
  #failures = 0;
  #clockOffset: number | undefined;

  constructor(options: RelaySourceOptions) {
    this.#options = options;
  }

  get timeline(): ShowTimeline | undefined {
    return this.#timeline;
  }

  get clockOffset(): number | undefined {
    return this.#clockOffset;
  }

  start(listener: SourceListener): void {
    this.stop();
    this.#listener = listener;
    this.#status('connecting');
    if (this.#timeline) listener.timeline(this.#timeline);
    const { server, show, token } = this.#options;
    // The origin only: socket.io would read a path as a namespace. (`location` is absent
    // outside a page, where `server` must then be absolute.)
    const socket: Socket<ServerToViewer, ViewerToServer> = io(new URL(server, globalThis.location?.href).origin, {
      auth: token === undefined ? { show } : { show, token },
    });
    this.#connectStartedAt = Date.now();
    socket.io.on('reconnect_attempt', () => {
      this.#connectStartedAt = Date.now();
    });
    socket.on('connect', () => {
      this.#failures = 0;
      // A recovered connection (socket.io connection-state recovery across relays) gets
      // the missed events and no new snapshot: it is connected as it is.
      if (socket.recovered) this.#status('connected');
    });
    socket.on('connect_error', (error) => this.#onConnectError(socket, error));
    socket.on('disconnect', (reason) => {
      // A disconnect the server asked for is final; socket.io retries every other kind.
      if (reason === 'io server disconnect') this.#fail('relay-refused', `the relay closed the connection`);
      else if (reason !== 'io client disconnect') this.#status('reconnecting');
    });
    socket.on(SOCKET_EVENTS.snapshot, (snapshot) => void this.#onSnapshot(snapshot));
    socket.on(SOCKET_EVENTS.events, (envelopes) => this.#onEvents(envelopes));
    socket.on(SOCKET_EVENTS.problem, (problem) => {
      console.warn(`[live-shop] The relay reported a problem (${problem.code}): ${problem.message}`);
      this.#listener?.error({ code: problem.code, message: playerError('relay-refused').message });
    });
    this.#socket = socket;
  }

  stop(): void {
    this.#socket?.disconnect();
    this.#socket?.removeAllListeners();
    this.#socket?.io.removeAllListeners();
    this.#socket = undefined;
    if (this.#listener) this.#status('closed');
    this.#listener = undefined;
  }

  async #onSnapshot(snapshot: unknown): Promise<void> {
    const receivedAt = Date.now();
    if (!isJoinSnapshot(snapshot)) {
      console.warn('[live-shop] Ignored a malformed join snapshot from the relay.');
      return;
    }
    this.#clockOffset = clockOffset(this.#connectStartedAt, snapshot.serverTime, receivedAt);
    // A reconnect: keep the history and ask only for what was missed.
    if (!this.#timeline || !(await this.#sync())) this.#adopt(snapshot);
    this.#status('connected');
  }

  #adopt(snapshot: JoinSnapshot): void {
    const batch = parseEnvelopes(snapshot.events, Math.max(snapshot.seq, snapshot.base.seq));
    const timeline = new ShowTimeline({ audience: 'on-arrival', base: snapshot.base });
    timeline.add(batch.events);
    this.#timeline = timeline;
    this.#lastSeq = batch.lastSeq;
    this.#listener?.timeline(timeline);
  }

  #onEvents(envelopes: unknown): void {
    const previousSeq = this.#lastSeq;
    const batch = parseEnvelopes(envelopes, previousSeq);
    this.#lastSeq = batch.lastSeq;
    if (this.#timeline && this.#timeline.add(batch.events) > 0) this.#listener?.timeline(this.#timeline);
    if (this.#timeline && batch.firstSeq > previousSeq + 1 && Number.isFinite(batch.firstSeq)) void this.#sync(previousSeq);
  }

  /** Fetches the events after `after` (default: the last one held); false if the relay did not answer. */
  async #sync(after = this.#lastSeq): Promise<boolean> {
    const socket = this.#socket;
    if (!socket) return false;
    try {
      const envelopes: unknown = await socket.timeout(this.#options.syncTimeoutMs ?? SYNC_TIMEOUT_MS).emitWithAck(SOCKET_EVENTS.sync, { after });
      if (socket !== this.#socket || !this.#timeline) return false;
      const batch = parseEnvelopes(envelopes, this.#lastSeq);
      this.#lastSeq = batch.lastSeq;
      if (this.#timeline.add(batch.events) > 0) this.#listener?.timeline(this.#timeline);
      return Array.isArray(envelopes);
    } catch {
      return false;
    }
  }

  #onConnectError(socket: Socket, error: Error): void {
    // Not `active`: the relay refused the handshake (unknown show, bad token); retrying cannot help.
    if (!socket.active) {
      this.#fail('relay-refused', error.message);
      return;
    }
    this.#status('reconnecting');
    this.#failures++;
    if (this.#failures === FAILURES_BEFORE_ERROR) {
      console.warn(`[live-shop] Cannot reach the relay at ${this.#options.server}: ${error.message}`);
      this.#listener?.error(playerError('relay-unreachable'));
    }
  }

  #fail(code: 'relay-refused', reason: string): void {
    console.warn(`[live-shop] The relay refused show "${this.#options.show}": ${reason}`);
    this.#status('closed');
    this.#listener?.error(playerError(code));
  }

  #status(status: ConnectionStatus): void {
    this.#listener?.connection(status);
  }
}
