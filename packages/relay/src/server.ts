import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { Server } from 'socket.io';
import { TokenService, adminKeyCheck, signingKey } from './auth.js';
import { installCors, socketCors, type CorsOrigin } from './cors.js';
import { frameworkErrorHandler, installErrorHandlers } from './errors.js';
import { MemoryEventLog, type EventLog } from './event-log.js';
import { installRateLimits, type RateLimits } from './rate-limits.js';
import { registerRoutes } from './routes/index.js';
import { ShowRegistry } from './show-registry.js';
import { attachSockets, type RelayIo } from './socket.js';

export interface RelayOptions {
  /** The key of the admin endpoints (`Authorization: Bearer <key>`); generated when absent (read it from `relay.adminKey`). */
  adminKey?: string;
  /**
   * The HS256 key of relay tokens, at least 32 bytes; random when absent, so tokens then
   * stop working when the process restarts. Every node of one deployment needs the same.
   */
  signingSecret?: string | Uint8Array;
  /** The clock, epoch ms; tests inject one. Defaults to `Date.now`. */
  now?: () => number;
  /** How far behind the clock a join snapshot's base is, in ms. Default 120 000. */
  snapshotLagMs?: number;
  /** Fastify's `logger` option. Default `false`. */
  logger?: FastifyServerOptions['logger'];
  /** Which web origins may call the API and open sockets from a browser. Default `'*'`. */
  cors?: CorsOrigin;
  /** The largest request body accepted, in bytes. Default 1 MiB (a large `catalog.set`). */
  bodyLimit?: number;
  /** Per-token limits on the HTTP API, or `false` for none. Default: 600 changes and 1200 reads a minute. */
  rateLimits?: RateLimits | false;
  /** Where events are stored. Default: a {@link MemoryEventLog}. */
  eventLog?: EventLog;
}

/** A running relay, not yet listening: call `relay.app.listen({port, host})`. */
export interface RelayServer {
  /** The Fastify instance: register more routes or static files on it before `listen`. */
  app: FastifyInstance;
  /** The socket.io server, attached to `app.server` at `/socket.io`. */
  io: RelayIo;
  /** The shows and their logs, for use in-process (e.g. to seed a catalog without HTTP). */
  shows: ShowRegistry;
  /** The admin key in force (the given one, or the generated one). */
  adminKey: string;
  /** Issues and verifies show tokens in-process (the same as `POST /v1/shows/:id/tokens`). */
  tokens: TokenService;
  /** Closes sockets, the HTTP server and the event log. */
  close(): Promise<void>;
}

export const DEFAULT_SNAPSHOT_LAG_MS = 120_000;
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Creates the relay: the `/v1` HTTP API on Fastify and socket.io on the same server.
 *
 * @example
 * const relay = createRelay({ adminKey: process.env.LIVE_SHOP_ADMIN_KEY });
 * await relay.shows.create({ id: 'demo', title: 'Demo show' });
 * await relay.app.listen({ port: 4173, host: '127.0.0.1' });
 */
export function createRelay(options: RelayOptions = {}): RelayServer {
  const now = options.now ?? Date.now;
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const cors = options.cors ?? '*';
  const adminKey = options.adminKey ?? randomBytes(24).toString('base64url');
  if (adminKey.length === 0) throw new Error('adminKey is empty; pass a secret string, or leave it out to have one generated.');
  const log = options.eventLog ?? new MemoryEventLog();
  const tokens = new TokenService(signingKey(options.signingSecret), now);
  const shows = new ShowRegistry({ log, now, snapshotLagMs: options.snapshotLagMs ?? DEFAULT_SNAPSHOT_LAG_MS });

  const app = Fastify({ logger: options.logger ?? false, bodyLimit, frameworkErrors: frameworkErrorHandler(bodyLimit) });
  // Only JSON bodies: without this, a text/plain body would reach the routes as a string.
  app.removeContentTypeParser('text/plain');
  installErrorHandlers(app, bodyLimit);
  installCors(app, cors);
  if (options.rateLimits !== false) void installRateLimits(app, options.rateLimits ?? {});
  // In a plugin, so that the routes are added after the rate limiter has loaded.
  void app.register(async (api) => registerRoutes(api, { shows, tokens, checkAdmin: adminKeyCheck(adminKey), now }));

  const io: RelayIo = new Server(app.server, { path: '/socket.io', cors: socketCors(cors), serveClient: false });
  attachSockets(io, shows, tokens);
  // Sockets first, so that open websockets do not keep the HTTP server from closing.
  app.addHook('preClose', async () => {
    await io.close();
  });
  app.addHook('onClose', async () => {
    await log.close();
  });

  return { app, io, shows, adminKey, tokens, close: () => app.close() };
}
