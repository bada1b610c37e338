export { PROTOCOL_VERSION, parseEnvelope, validateEventInput } from './envelope.js';
export type { AnyEnvelope, Envelope, EventInput, Validation, ValidationError } from './envelope.js';
export { eventDataSchemas, eventTypes, isAudienceEvent, isEventType } from './events.js';
export type { EventData, EventDataMap, EventType, Image, Product, ShowPhase, Variant } from './events.js';
export { isHttpsUrl, isHttpUrl } from './schema-parts.js';
export type { Money } from './schema-parts.js';
export { CHAT_KEPT, initialState, reduce } from './state.js';
export type { ChatMessage, Highlight, Offer, Poll, ProductMoment, ShowState } from './state.js';
export { ShowTimeline, byVideoOrder, includedInSnapshot, stateAt } from './timeline.js';
export type { AudienceTiming, Snapshot, StateOptions } from './timeline.js';
export { clockOffset, formatProgramDateTime, parseProgramDateTime, pdtAtMediaTime } from './pdt.js';
export type { JoinSnapshot, ServerToViewer, ViewerToServer } from './wire.js';
export { CLAIMED_VIEWER_ID, SOCKET_EVENTS, VIEWER_ID } from './wire.js';
export {
  AUTHOR_NAME_MAX,
  AuthorName,
  BLOCKLIST_MAX_WORDS,
  BLOCKLIST_WORD_MAX,
  CHAT_TEXT_MAX,
  ChatSendIntent,
  ChatText,
  DEFAULT_REACTION_KINDS,
  INTENT_EVENTS,
  MODERATION_ACTIONS,
  ModerationAction,
  PollVoteIntent,
  ReactionKind,
  ReactionSendIntent,
  SLOW_MODE_MAX_SECONDS,
  validateIntent,
} from './intents.js';
export type {
  IntentAck,
  IntentError,
  IntentName,
  IntentValidation,
  IntentValue,
  ModerationActionName,
  ModerationResult,
  ModerationView,
  ViewerIntents,
} from './intents.js';
export { LIVE_EVENT, LIVE_EVENT_TYPES, emptyLiveState, parseLiveEnvelope, reduceLive, withLive } from './live.js';
export type { AnyLiveEnvelope, LiveDataMap, LiveEnvelope, LiveEventType, LiveState } from './live.js';
export { ATTRIBUTION_MODES, MODE_LINE_ATTRIBUTE, PDT_LINE_ATTRIBUTE, SESSION_CART_ATTRIBUTE, SHOW_LINE_ATTRIBUTE, isAttributionMode, sessionStorageKey } from './attribution.js';
export type { AttributionMode } from './attribution.js';
