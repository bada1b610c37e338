import type { AnyLiveEnvelope, IntentAck, LiveState, ShowTimeline } from '@live-shop/protocol';
import type { PlayerError } from '../errors.js';

/**
 * - `idle`: not started;
 * - `connecting`: first connection or fetch under way;
 * - `connected`: events are flowing (or, for a recording, have all arrived);
 * - `reconnecting`: the connection dropped and is being retried; the state on screen
 *   stays, and what was missed is fetched on reconnect;
 * - `closed`: stopped, or given up (an error was reported).
 */
export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'closed';

/** How a source tells the player what changed. */
export interface SourceListener {
  /**
   * The timeline grew or was replaced: the player re-evaluates the state at the frame on
   * screen at once (an event whose pdt is already behind the playhead applies now).
   */
  timeline(timeline: ShowTimeline): void;
  connection(status: ConnectionStatus): void;
  error(error: PlayerError): void;
  /**
   * Audience news that is not in the log arrived (reaction ticks, the viewer count, poll
   * tallies, this viewer's own shadow-banned messages): `state` is the whole live state
   * after it, to lay over the timeline's state with `withLive()`; `envelopes` are the
   * ones that made it (a `reaction.tick`'s `counts` drive the floating reactions). Called
   * on arrival, whatever the playhead. Optional: a listener that leaves it out still gets
   * the same totals later, from the log's rollups.
   */
  live?(state: LiveState, envelopes: readonly AnyLiveEnvelope[]): void;
}

/** The answer to `chat()`: `{ok: true, messageId, nextSendInMs?}` (in slow mode, the wait before the next message) or `{ok: false, error}`. */
export type ChatAck = IntentAck<{ messageId: string; nextSendInMs?: number }>;
/** The answer to `react()`: `{ok: true}` or `{ok: false, error}`. */
export type ReactionAck = IntentAck;
/** The answer to `vote()`: `{ok: true, optionId}` (the option counted) or `{ok: false, error}`. */
export type VoteAck = IntentAck<{ optionId: string }>;

/**
 * What a viewer sends (`INTENT_EVENTS` in the protocol). Each method resolves with the
 * relay's acknowledgement and never rejects: a refusal, a timeout or being offline is an
 * `{ok: false, error: {code, message}}` whose message can be shown to the viewer as is
 * (`retryAfterMs`, when present, says when trying again will work).
 */
export interface AudienceIntents {
  /** Sends a chat message under `name`; both are trimmed, and sent as text. */
  chat(text: string, name: string): Promise<ChatAck>;
  /** Sends one reaction (`"heart"`…); the relay counts them into `reaction.tick`. */
  react(kind: string): Promise<ReactionAck>;
  /** Votes in an open poll; one vote per viewer per poll (the same vote again is a harmless retry). */
  vote(pollId: string, optionId: string): Promise<VoteAck>;
}

/**
 * Where a show's events come from: the relay (live), the recorded log (replay), or a
 * developer's own feed (`CustomSource`). Set one on `<live-shop>.source` to replace the
 * default.
 *
 * A source may also carry what the viewer sends ({@link AudienceIntents}: `chat`,
 * `react`, `vote`). The methods are optional so that a source of your own needs none;
 * the built-in ones all have them (a replay refuses with a message saying why).
 */
export interface ShowEventSource extends Partial<AudienceIntents> {
  /** The events received so far, or undefined before the first ones arrived. */
  readonly timeline: ShowTimeline | undefined;
  /**
   * The audience news received so far that is not in the log (see `SourceListener.live`);
   * undefined for a source without any (a replay).
   */
  readonly liveState?: LiveState | undefined;
  /** The server's clock minus this one (ms), once known: add it to Date.now() for countdowns. */
  readonly clockOffset: number | undefined;
  /** The viewer's id as the relay publishes it (`author.id` of their chat messages), once known. */
  readonly authorId?: string | undefined;
  /** Starts delivering changes to `listener` (one listener at a time; a new one replaces it). */
  start(listener: SourceListener): void;
  /** Stops delivering and releases connections; start() may be called again. */
  stop(): void;
}
