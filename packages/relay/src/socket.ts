import {
  SOCKET_EVENTS,
  type ServerToViewer,
  type ViewerToServer,
} from '@live-shop/protocol';
import type { Server, Socket } from 'socket.io';
import { requireShow, type Role, type TokenService } from './auth.js';
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

function onConnection(socket: ViewerSocket, shows: ShowRegistry): void {
  const { show } = socket.data;
  // The in-memory adapter joins synchronously, so the snapshot is taken after the join in
  // the same step: every later event reaches this socket as a broadcast, none is missed.
  const joined = socket.join(showRoom(show));
  const sendSnapshot = (): void => {
    socket.emit(SOCKET_EVENTS.snapshot, shows.snapshot(show));
  };
  // A log shared with other relays (Redis): read what they appended first, after the join,
  // so that an event broadcast before the snapshot is in it.
  const ready = shows.shared ? Promise.resolve(joined).then(() => shows.catchUp(show)) : joined;
  if (ready instanceof Promise) {
    void ready.then(sendSnapshot, () =>
      socket.emit(SOCKET_EVENTS.problem, { code: 'snapshot_failed', message: 'The relay could not read the show log; reconnect to get the show.' }),
    );
  } else sendSnapshot();

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

/**
 * Wires the relay into socket.io: the handshake (`auth: {show, token?}`) is checked by a
 * middleware, an accepted socket joins its show's room and gets a `snapshot`, each
 * appended event is broadcast to the room as `events`, and `sync` returns missed events.
 */
export function attachSockets(io: RelayIo, shows: ShowRegistry, tokens: TokenService): void {
  io.use((socket, next) => {
    authenticate(socket.handshake.auth, shows, tokens).then(
      (data) => {
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
  io.on('connection', (socket) => onConnection(socket, shows));
  shows.onAppend((show, envelopes) => {
    io.to(showRoom(show)).emit(SOCKET_EVENTS.events, envelopes);
  });
}
