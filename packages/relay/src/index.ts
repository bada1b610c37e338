/**
 * @live-shop/relay: the show-control server. The `/v1` HTTP API (shows, tokens, events,
 * state), socket.io fan-out to viewers, token auth and the event log. Node only.
 *
 * @packageDocumentation
 */
export { createRelay, DEFAULT_BODY_LIMIT, DEFAULT_SNAPSHOT_LAG_MS } from './server.js';
export type { RelayOptions, RelayServer } from './server.js';
export { ShowRegistry, SHOW_ID_PATTERN } from './show-registry.js';
export type { AppendListener, AppendOptions, CreateShowInput, ShowRecord, ShowRegistryOptions } from './show-registry.js';
export { MemoryEventLog } from './event-log.js';
export type { AppendResult, EnvelopeDraft, EventLog } from './event-log.js';
export { ROLES, TOKEN_AUDIENCE, TOKEN_ISSUER, TokenService } from './auth.js';
export type { IssuedToken, Role, TokenClaims } from './auth.js';
export { RelayError } from './errors.js';
export type { ErrorBody } from './errors.js';
export { showRoom } from './socket.js';
export type { RelayIo, ViewerSocketData } from './socket.js';
export type { CorsOrigin } from './cors.js';
