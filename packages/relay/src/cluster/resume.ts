import { SOCKET_EVENTS, type AnyEnvelope, type JoinSnapshot } from '@live-shop/protocol';
import { randomBytes } from 'node:crypto';

/**
 * Connection-state recovery, the relay's way.
 *
 * socket.io's recovery (`connectionStateRecovery`) has the client send, when it
 * reconnects, its session id (`pid`) and the offset of the last packet it received; the
 * adapter looks the session up and replays the packets broadcast since that offset. With
 * several relays on the Redis adapter that replay is not exact: a relay delivers the
 * packets it broadcasts itself when Redis acknowledges them and the others' packets when
 * its stream reader reads them, so a viewer's packets are not in stream order, and its
 * last offset does not say what it has; and the session is only stored when the relay
 * that held the socket lives to store it (not after a crash). Measured: viewers lost and
 * doubled events across a reconnection.
 *
 * The relay's events have their own total order, `seq`, and the log holds them all. So
 * every `snapshot` and `events` packet ends with the offset `seq:<n>`, the last seq it
 * holds (socket.io-client keeps the last string argument of a packet as its offset and
 * sends it back when it reconnects), and the adapter's session store is replaced: a
 * reconnecting socket with such an offset is recovered on whichever relay it reaches,
 * and is sent the events after `n` from that relay's cache, in the same step as it joins
 * the show's room, instead of a snapshot. Everything else about the socket (show, role,
 * viewer id) comes from the handshake middleware, which runs again
 * (`skipMiddlewares: false`): a recovered socket gets nothing a new one would not.
 */

/** socket.io's connection-state recovery options, as the relay uses them. */
export const CONNECTION_STATE_RECOVERY = { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false } as const;

const OFFSET = /^seq:(0|[1-9][0-9]{0,15})$/;
/** A socket.io private session id is 20 characters; anything much longer is not one. */
const MAX_PID_LENGTH = 64;
/** Where a restored session carries its resume point until the handshake middleware takes it. */
const RESUME_KEY = 'liveShopResumeAfter';

/** The recovery offset of a packet whose last event has `seq`. */
export function resumeOffset(seq: number): string {
  return `seq:${seq}`;
}

/** The seq of a recovery offset, or undefined when it is not one of the relay's. */
export function readResumeOffset(offset: unknown): number | undefined {
  const match = typeof offset === 'string' ? OFFSET.exec(offset) : null;
  const seq = match ? Number(match[1]) : Number.NaN;
  return Number.isSafeInteger(seq) ? seq : undefined;
}

/** The part of a socket.io session the relay fills in (socket.io-adapter's `Session`). */
interface RestoredSession {
  sid: string;
  pid: string;
  rooms: string[];
  data: Record<string, unknown>;
  missedPackets: unknown[][];
}

interface SessionStore {
  persistSession(session: unknown): void;
  restoreSession(pid: string, offset: string): Promise<RestoredSession | null>;
}

/**
 * Replaces an adapter's session store (socket.io-adapter's `persistSession` and
 * `restoreSession`) with the relay's: nothing is stored when a socket drops, and a socket
 * that reconnects with a `seq:<n>` offset is recovered with its resume point `n` (see
 * {@link takeResumePoint}); any other offset is refused, so the socket starts afresh.
 */
export function withSeqRecovery<A extends object>(adapter: A): A {
  const store = adapter as A & SessionStore;
  store.persistSession = () => {};
  store.restoreSession = (pid, offset) => {
    const after = readResumeOffset(offset);
    if (after === undefined || typeof pid !== 'string' || pid.length > MAX_PID_LENGTH) {
      return Promise.reject(new Error('not a live-shop recovery offset'));
    }
    // The client's own pid, so that it knows it was recovered; a new socket id.
    return Promise.resolve({ sid: randomBytes(15).toString('base64url'), pid, rooms: [], data: { [RESUME_KEY]: after }, missedPackets: [] });
  };
  return adapter;
}

/** What these helpers need of a socket.io socket. */
interface RecoverableSocket {
  readonly recovered: boolean;
  data: unknown;
}

const resumePoints = new WeakMap<object, number>();

/**
 * In the handshake middleware, before it replaces `socket.data`: keeps the resume point
 * of a recovered socket for {@link resumePointOf}.
 */
export function takeResumePoint(socket: RecoverableSocket): void {
  if (!socket.recovered || typeof socket.data !== 'object' || socket.data === null) return;
  const after = (socket.data as Record<string, unknown>)[RESUME_KEY];
  if (typeof after === 'number') resumePoints.set(socket, after);
}

/** The seq after which a recovered socket needs the events, or undefined for a new one. */
export function resumePointOf(socket: object): number | undefined {
  return resumePoints.get(socket);
}

/** Something packets are emitted on: a socket, or a room of the server. */
interface Target {
  emit(event: string, ...args: unknown[]): unknown;
}

/** Sends a join snapshot, followed by its recovery offset when `resumable`. */
export function emitSnapshot(target: Target, snapshot: JoinSnapshot, resumable: boolean): void {
  if (resumable) target.emit(SOCKET_EVENTS.snapshot, snapshot, resumeOffset(snapshot.seq));
  else target.emit(SOCKET_EVENTS.snapshot, snapshot);
}

/** Sends envelopes (in seq order), followed by the recovery offset of the last one when `resumable`. */
export function emitEvents(target: Target, envelopes: readonly AnyEnvelope[], resumable: boolean): void {
  const last = envelopes[envelopes.length - 1];
  if (resumable && last) target.emit(SOCKET_EVENTS.events, envelopes, resumeOffset(last.seq));
  else target.emit(SOCKET_EVENTS.events, envelopes);
}
