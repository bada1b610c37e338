import {
  SOCKET_EVENTS,
  type ServerToViewer,
  type ViewerToServer,
} from '@live-shop/protocol';
import type { Server, Socket } from 'socket.io';
import { requireShow, type Role, type TokenService } from './auth.js';
import { emitEvents, emitSnapshot, resumePointOf, takeResumePoint } from './cluster/resume.js';
import { RelayError, showNotFound } from './errors.js';
import type { ShowRegistry } from './show-registry.js';

/** What the relay keeps on each socket once the handshake is accepted. */
export interface ViewerSocketData {
  show: string;
  /** The token's role; `anonymous` when the handshake carried no token (a viewer). */
  role: Role | 'anonymous';
  /**
   * The viewer id of chat, reactions and votes (audience/identity.ts): a keyed hash of the
   * handshake's `auth.viewerId`, or random per socket. Set by the audience's middleware.
   */
  viewerId?: string;
}

type NoEvents = Record<string, never>;

/** The relay's socket.io server, typed by the protocol's wire events. */
export type RelayIo = Server<ViewerToServer, ServerToViewer, NoEvents, ViewerSocketData>;
type ViewerSocket = Socket<ViewerToServer, ServerToViewer, NoEvents, ViewerSocketData>;

/** The room of a show's sockets. */
export function showRoom(show: string): string {
  return `show:${show}`;
}

/**
 * A refused handshake: the client's `connect_error` carries `message`, and `data.code`
 * for programs.
 */
class HandshakeRefused extends Error {
  readonly data: { code: string };
  constructor(code: string, message: string) {
    super(message);
    this.data = { code };
  }
}

async function authenticate(auth: unknown, shows: ShowRegistry, tokens: TokenService): Promise<ViewerSocketData> {
  const { show, token } = (typeof auth === 'object' && auth !== null ? auth : {}) as { show?: unknown; token?: unknown };
  if (typeof show !== 'string' || show.length === 0) {
    throw new RelayError(400, 'missing_show', 'The handshake names no show; connect with io(relayUrl, { auth: { show: "<show id>" } }).');
  }
  // find(): with a shared log (Redis), the show may have been created by another relay.
  if (!(await shows.find(show))) throw showNotFound(show);
  if (token === undefined || token === null) return { show, role: 'anonymous' };
  if (typeof token !== 'string') {
    throw new RelayError(401, 'invalid_token', 'The handshake token must be a string; pass the token from POST /v1/shows/:id/tokens, or none to watch as a viewer.');
  }
  const claims = await tokens.verify(token);
  requireShow(claims, show);
  return { show, role: claims.role };
}

function readSyncRequest(request: unknown): number | undefined {
  const { after } = (typeof request === 'object' && request !== null ? request : {}) as { after?: unknown };
  return typeof after === 'number' && Number.isSafeInteger(after) && after >= 0 ? after : undefined;
}

function onConnection(socket: ViewerSocket, shows: ShowRegistry, resumable: boolean): void {
  const { show } = socket.data;
  // The room's broadcasts follow the registry's cache (onEvents, in the same step as it
  // grows), and the adapters join synchronously, so the join and what the socket is sent
  // here happen in one step: every later event reaches it as a broadcast, none is missed
  // or sent twice. A recovered socket (cluster/resume.ts) gets the events after its resume
  // point instead of a snapshot, when this relay's cache reaches that far.
  const joined = socket.join(showRoom(show));
  // With connection-state recovery on, socket.emit() goes through the adapter (with Redis:
  // a round trip, and a copy for every relay) and would arrive after later broadcasts: a
  // local broadcast to the socket's own room goes at once.
  const direct = resumable ? socket.nsp.local.to(socket.id) : socket;
  const greet = (): void => {
    const after = resumePointOf(socket);
    const missed = after === undefined ? undefined : shows.cachedAfter(show, after);
    const authorId = socket.data.viewerId;
    if (missed === undefined) emitSnapshot(direct, authorId === undefined ? shows.snapshot(show) : { ...shows.snapshot(show), authorId }, resumable);
    else if (missed.length > 0) emitEvents(direct, missed, resumable);
  };
  if (joined instanceof Promise) void joined.then(greet);
  else greet();

  // Typed by the protocol, but sent by any client: both arguments are checked.
  socket.on(SOCKET_EVENTS.sync, (request, reply) => {
    const after = readSyncRequest(request);
    if (typeof reply !== 'function' || after === undefined) {
      socket.emit(SOCKET_EVENTS.problem, {
        code: 'invalid_sync',
        message: 'sync needs {after: <seq, a whole number ≥ 0>} and an acknowledgement callback; send socket.emit("sync", {after}, callback).',
      });
      return;
    }
    shows.eventsAfter(show, after).then(
      (events) => reply(events),
      () => socket.emit(SOCKET_EVENTS.problem, { code: 'sync_failed', message: 'The relay could not read the show log; call sync again.' }),
    );
  });
}

export interface AttachOptions {
  /**
   * socket.io's connection-state recovery is on (`createRelay` with `redisUrl`): `snapshot`
   * and `events` packets end with a recovery offset, and a recovered socket is sent what
   * it missed (cluster/resume.ts). Default false.
   */
  resumable?: boolean;
}

/**
 * Wires the relay into socket.io: the handshake (`auth: {show, token?}`) is checked by a
 * middleware, an accepted socket joins its show's room and gets a `snapshot`, each
 * appended event is broadcast to the room as `events`, and `sync` returns missed events.
 */
export function attachSockets(io: RelayIo, shows: ShowRegistry, tokens: TokenService, options: AttachOptions = {}): void {
  const resumable = options.resumable === true;
  io.use((socket, next) => {
    takeResumePoint(socket);
    authenticate(socket.handshake.auth, shows, tokens).then(
      async (data) => {
        // A log shared with other relays (Redis): take in what they appended before the
        // socket joins. A failed read leaves the cache behind, not wrong: the next append
        // notice fills it, and the room gets what it lacked.
        if (shows.shared) await shows.catchUp(data.show).catch(() => {});
        socket.data = data;
        next();
      },
      (error: unknown) => {
        const refused = error instanceof RelayError
          ? new HandshakeRefused(error.code, error.message)
          : new HandshakeRefused('internal_error', 'The relay failed while checking the handshake; try connecting again.');
        next(refused);
      },
    );
  });
  io.on('connection', (socket) => onConnection(socket, shows, resumable));
  // Every event, once, to this relay's own sockets: with a shared log every relay learns
  // every event from the log, so nothing goes through the adapter (`local`).
  shows.onEvents((show, envelopes) => {
    const room = showRoom(show);
    if (io.sockets.adapter.rooms.get(room)?.size) emitEvents(io.local.to(room), envelopes, resumable);
  });
}
