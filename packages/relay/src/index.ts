/**
 * @live-shop/relay: the show-control server. The `/v1` HTTP API (shows, tokens, events,
 * state, attributed orders), socket.io fan-out to viewers, token auth, the event log, and
 * the Mux and Shopify webhooks. Node only.
 *
 * @packageDocumentation
 */
export { createRelay, DEFAULT_BODY_LIMIT, DEFAULT_SNAPSHOT_LAG_MS } from './server.js';
export type { RelayOptions, RelayServer } from './server.js';
export { ShowRegistry, SHOW_ID_PATTERN } from './show-registry.js';
export type { AppendListener, AppendOptions, CreateShowInput, ShowRecord, ShowRegistryOptions, UpdateShowInput } from './show-registry.js';
export { MemoryEventLog } from './event-log.js';
export type { AppendResult, AppendWatcher, EnvelopeDraft, EventLog } from './event-log.js';
export { startRelay } from './start-relay.js';
export { FileEventLog } from './storage/file-event-log.js';
export type { FileEventLogOptions } from './storage/file-event-log.js';
export { RedisEventLog } from './storage/redis-event-log.js';
export type { RedisEventLogOptions } from './storage/redis-event-log.js';
export { MemoryOrderStore } from './storage/order-store.js';
export type { AttributedPurchase, OrderStore, OrderTopic, RecordResult, RecordedOrder } from './storage/order-store.js';
export { FileOrderStore } from './storage/file-order-store.js';
export type { FileOrderStoreOptions } from './storage/file-order-store.js';
export { RedisOrderStore } from './storage/redis-order-store.js';
export type { RedisOrderStoreOptions } from './storage/redis-order-store.js';
export { SHOPIFY_ORDER_TOPICS } from './shopify/handler.js';
export type { ShopifyOrderOutcome } from './shopify/handler.js';
export { showOrders } from './shopify/show-orders.js';
export type { MomentSales, ShowOrders } from './shopify/show-orders.js';
export { ROLES, TOKEN_AUDIENCE, TOKEN_ISSUER, TokenService } from './auth.js';
export type { IssuedToken, Role, TokenClaims } from './auth.js';
export { RelayError } from './errors.js';
export type { ErrorBody } from './errors.js';
export { showRoom } from './socket.js';
export type { RelayIo, ViewerSocketData } from './socket.js';
export type { CorsOrigin } from './cors.js';
export {
  Audience,
  DEFAULT_CHAT_RATE,
  DEFAULT_LOG_EVERY_MS,
  DEFAULT_REACTION_RATE,
  DEFAULT_TICK_MS,
  DEFAULT_VOTE_RATE,
  MemoryModerationStore,
  Refusal,
  emptyModerationSettings,
  realIntervals,
  viewerRoom,
} from './audience/index.js';
export type { AudienceOptions, BanKind, Intervals, ModerationSettings, ModerationStore, RateLimit } from './audience/index.js';
