/**
 * @live-shop/relay: the show-control server. The `/v1` HTTP API (shows, tokens, events,
 * state), socket.io fan-out to viewers, token auth and the event log. Node only.
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
