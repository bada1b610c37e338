import type { AnyEnvelope, ValidationError } from './envelope.js';
import type { ViewerIntents } from './intents.js';
import type { AnyLiveEnvelope } from './live.js';
import type { Snapshot } from './timeline.js';

/**
 * socket.io event names. The handshake's `auth` carries `{ show, token? }`; the relay puts
 * the socket in the show's room and sends a `snapshot`, then `events` in seq order.
 */
export const SOCKET_EVENTS = {
  /** server → viewer: the join snapshot (JoinSnapshot). */
  snapshot: 'snapshot',
  /** server → viewer: new envelopes, in seq order. */
  events: 'events',
  /** server → viewer: a problem with something the viewer sent or with the handshake. */
  problem: 'problem',
  /** viewer → server, with ack: the events after a seq (after a reconnect). */
  sync: 'sync',
  /** server → viewer: live envelopes, not in the log and without seq (see live.ts). */
  live: 'live',
} as const;

/** What a client may keep in storage and send as `auth.viewerId` to stay the same viewer across reloads. */
export const CLAIMED_VIEWER_ID = /^[A-Za-z0-9_-]{8,128}$/;
/** The ids the relay gives viewers: a chat message's `author.id`, a join snapshot's `authorId`. */
export const VIEWER_ID = /^v_[A-Za-z0-9_-]{22}$/;

/** What a viewer receives on join. */
export interface JoinSnapshot {
  show: string;
  /** The relay's clock at send time, for countdowns (see clockOffset). */
  serverTime: number;
  /** The highest seq in the log when the snapshot was taken. */
  seq: number;
  /** The state a little before the live edge… */
  base: Snapshot;
  /** …and every event it does not include, in seq order. */
  events: AnyEnvelope[];
  /**
   * This socket's viewer id as the relay publishes it (a chat message's `author.id`), so
   * a player can mark the viewer's own messages, those sent before a reload included.
   */
  authorId?: string;
}

export interface ServerToViewer {
  snapshot: (snapshot: JoinSnapshot) => void;
  events: (events: AnyEnvelope[]) => void;
  problem: (error: ValidationError | { code: string; message: string }) => void;
  /** Audience news that is not in the log (reaction ticks, viewer count, poll tallies, own shadow messages). */
  live: (envelopes: AnyLiveEnvelope[]) => void;
}

/** `sync`, and the intents of intents.ts (chat, reactions, votes, moderation). */
export interface ViewerToServer extends ViewerIntents {
  sync: (request: { after: number }, reply: (events: AnyEnvelope[]) => void) => void;
}
