import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { Server } from 'socket.io';
import { Audience, type AudienceOptions } from './audience/audience.js';
import { TokenService, adminKeyCheck, signingKey } from './auth.js';
import { registerConsole } from './console.js';
import { installCors, socketCors, type CorsOrigin } from './cors.js';
import { frameworkErrorHandler, installErrorHandlers } from './errors.js';
import type { EventLog } from './event-log.js';
import { installRateLimits, type RateLimits } from './rate-limits.js';
import { registerRoutes } from './routes/index.js';
import { registerModerationRoutes } from './routes/moderation.js';
import { ShowRegistry } from './show-registry.js';
import { attachSockets, type RelayIo } from './socket.js';
import { RedisSocketAdapter } from './cluster/redis-socket-adapter.js';
import { CONNECTION_STATE_RECOVERY } from './cluster/resume.js';
import { RedisViewerCounts } from './cluster/viewer-counts.js';
import { RedisAudienceTallies } from './cluster/audience-tallies.js';
import { createRedisClient, redisWarning } from './redis-client.js';
import { openEventLog } from './storage/open-event-log.js';
import { openOrderStore } from './storage/open-order-store.js';
import type { OrderStore } from './storage/order-store.js';

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
  /**
   * A data directory where shows and events are stored, in files that survive a restart
   * (a `FileEventLog`; one relay process per directory). Give one of `dataDir`, `redisUrl`
   * and `eventLog`; none keeps everything in memory (`MemoryEventLog`, for tests).
   */
  dataDir?: string;
  /** A Redis URL: shows and events in Redis Streams (`RedisEventLog`), shared by several relay processes. */
  redisUrl?: string;
  /** Where events are stored, as an `EventLog` of your own. */
  eventLog?: EventLog;
  /**
   * The signing secret of the Mux webhook (Mux dashboard → Settings → Webhooks), e.g.
   * `process.env.MUX_WEBHOOK_SECRET`. Without one, `POST /v1/webhooks/mux` answers 503.
   */
  muxWebhookSecret?: string;
  /**
   * The secret Shopify signs webhooks with: your app's client secret (or, for a webhook made
   * in the shop admin under Settings → Notifications, the signing secret shown there), e.g.
   * `process.env.SHOPIFY_WEBHOOK_SECRET`. Without one, `POST /v1/webhooks/shopify/orders`
   * answers 503. The orders are stored beside the events (`dataDir` or `redisUrl`; memory otherwise).
   */
  shopifyWebhookSecret?: string;
  /** Chat, reactions, polls and moderation: rate limits, reaction kinds, tick timing, the moderation store. */
  audience?: AudienceOptions;
  /** Serve the producer console (`@live-shop/producer-console`'s build) at `/console/`. Default `true`. */
  console?: boolean;
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
  /** Chat, reactions, polls and moderation in-process (e.g. `relay.audience.moderate(show, action)`). */
  audience: Audience;
  /** The attributed Shopify orders (`POST /v1/webhooks/shopify/orders`), in-process. */
  orders: OrderStore;
  /**
   * Resolves once the stored shows and events are loaded (rejects if the store cannot be
   * read). `listen` and `inject` wait for it, and so do the `shows` methods that return a
   * promise; `startRelay()` resolves after it.
   */
  ready: Promise<void>;
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
  const log = openEventLog(options);
  const orders = openOrderStore(options);
  const secret = signingKey(options.signingSecret);
  const tokens = new TokenService(secret, now);
  const shows = new ShowRegistry({ log, now, snapshotLagMs: options.snapshotLagMs ?? DEFAULT_SNAPSHOT_LAG_MS });
  // Several relay processes on one Redis: socket.io's Redis adapter and connection-state recovery.
  const scaleOut = options.redisUrl ? new RedisSocketAdapter({ url: options.redisUrl }) : undefined;
  // One connection for the audience's shared counts: viewers, reactions and poll votes.
  const audienceClient = options.redisUrl ? createRedisClient(options.redisUrl, redisWarning('Redis audience tallies')) : undefined;
  const viewerCounts = audienceClient ? new RedisViewerCounts({ client: audienceClient, now }) : undefined;
  const tallies = audienceClient ? new RedisAudienceTallies({ client: audienceClient }) : undefined;

  const app = Fastify({ logger: options.logger ?? false, bodyLimit, frameworkErrors: frameworkErrorHandler(bodyLimit) });
  // Only JSON bodies: without this, a text/plain body would reach the routes as a string.
  app.removeContentTypeParser('text/plain');
  installErrorHandlers(app, bodyLimit);
  installCors(app, cors);
  if (options.rateLimits !== false) installRateLimits(app, options.rateLimits ?? {});
  // In a plugin, so that the routes are added after the rate limiter has loaded.
  void app.register(async (api) =>
    registerRoutes(api, {
      shows,
      tokens,
      checkAdmin: adminKeyCheck(adminKey),
      now,
      muxWebhookSecret: options.muxWebhookSecret,
      orders,
      shopifyWebhookSecret: options.shopifyWebhookSecret,
    }),
  );

  const io: RelayIo = new Server(app.server, {
    path: '/socket.io',
    cors: socketCors(cors),
    serveClient: false,
    ...(scaleOut ? { connectionStateRecovery: CONNECTION_STATE_RECOVERY } : {}),
  });
  attachSockets(io, shows, tokens, { resumable: scaleOut !== undefined });
  // The order file is opened once the event log holds the data directory's lock.
  const stored = shows.load().then(() => orders.open());
  const audienceReady = audienceClient && viewerCounts ? audienceClient.connect().then(() => viewerCounts.start()) : undefined;
  const ready = scaleOut ? Promise.all([stored, scaleOut.start(io), audienceReady]).then(() => {}) : stored;
  // Reported by relay.ready, listen() and the shows methods, not as an unhandled rejection.
  ready.catch(() => {});
  // After attachSockets: its handshake middleware runs first.
  const audience = new Audience({ io, shows, now, secret, ...(viewerCounts ? { viewerCounts } : {}), ...(tallies ? { tallies } : {}) }, options.audience);
  void app.register(async (api) => registerModerationRoutes(api, { tokens, audience }));
  // Static files of its own build: the relay never imports the console's (browser) code.
  if (options.console !== false) registerConsole(app);
  // Sockets first, so that open websockets do not keep the HTTP server from closing.
  app.addHook('preClose', async () => {
    await io.close();
    await scaleOut?.close();
  });
  // After the sockets: the timers stop and the log gets the last reaction counts and tallies.
  app.addHook('preClose', async () => {
    await audience.close();
    await viewerCounts?.close();
    if (audienceClient?.isOpen) await audienceClient.close();
  });
  app.addHook('onClose', async () => {
    await orders.close();
    await log.close();
  });
  app.addHook('onReady', async () => {
    await ready;
  });

  return { app, io, shows, adminKey, tokens, audience, orders, ready, close: () => app.close() };
}
