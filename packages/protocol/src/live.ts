import * as v from 'valibot';
import { eventDataSchemas, type EventData } from './events.js';
import { Count, EpochMs, Id } from './schema-parts.js';
import { CHAT_KEPT, type ChatMessage, type ShowState } from './state.js';

/**
 * Live envelopes: audience news that is *not* in the show's log, sent on the socket event
 * `live` (`LIVE_EVENT`). They have no `seq`, so they never open a gap in a viewer's seq
 * and never collide with a logged event; they are not replayed, not returned by `sync`,
 * and are lost while a socket is away (the relay sends the current values again on join).
 *
 * - `reaction.tick {counts, totals}`: reactions since the previous tick (`counts`, for
 *   animation) and the show's totals so far (`totals`), at most every 250 ms;
 * - `viewers.count {count}`: at most every second, when it changed;
 * - `poll.results {pollId, counts}`: the live tally of an open poll, at most every 500 ms;
 * - `chat.message`: a message of a shadow-banned author, sent to that author's own
 *   sockets only (see the relay README).
 *
 * Every value is absolute or keyed (totals, count, counts, messageId), so applying a live
 * envelope twice, or after a rejoin, changes nothing. {@link reduceLive} folds them into
 * a {@link LiveState}; {@link withLive} lays that over the timeline's state.
 */
export const LIVE_EVENT = 'live';

export const LIVE_EVENT_TYPES = ['chat.message', 'reaction.tick', 'viewers.count', 'poll.results'] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

const ReactionCounts = v.record(v.pipe(v.string(), v.minLength(1), v.maxLength(32, 'must be at most 32 characters')), Count);

const liveDataSchemas = {
  'chat.message': eventDataSchemas['chat.message'],
  'reaction.tick': v.object({ counts: ReactionCounts, totals: ReactionCounts }),
  'viewers.count': eventDataSchemas['viewers.count'],
  'poll.results': eventDataSchemas['poll.results'],
} as const;

export interface LiveDataMap {
  'chat.message': EventData<'chat.message'>;
  'reaction.tick': { counts: Record<string, number>; totals: Record<string, number> };
  'viewers.count': EventData<'viewers.count'>;
  'poll.results': EventData<'poll.results'>;
}

/** An envelope without a place in the log: `{v, id, show, type, at, pdt, data}`, no `seq`. */
export interface LiveEnvelope<T extends LiveEventType = LiveEventType> {
  v: 1;
  id: string;
  show: string;
  type: T;
  /** Relay time it was sent, epoch ms. */
  at: number;
  /** `at − show.pdtOffsetMs`; live envelopes apply on arrival, whatever the playhead. */
  pdt: number;
  data: LiveDataMap[T];
}

export type AnyLiveEnvelope = { [T in LiveEventType]: LiveEnvelope<T> }[LiveEventType];

const LiveShape = v.object({
  v: v.literal(1, 'must be 1 (protocol version)'),
  id: Id,
  show: Id,
  type: v.pipe(v.string('must be an event type string'), v.minLength(1, 'must not be empty')),
  at: EpochMs,
  pdt: EpochMs,
  data: v.unknown(),
});

function isLiveEventType(type: string): type is LiveEventType {
  return (LIVE_EVENT_TYPES as readonly string[]).includes(type);
}

/**
 * Parses a live envelope. Like `parseEnvelope`, lenient about the future: a type this
 * version does not know comes back as `known: false`, to be ignored.
 */
export function parseLiveEnvelope(
  input: unknown,
): { ok: true; known: true; value: AnyLiveEnvelope } | { ok: true; known: false } | { ok: false; error: { message: string; path?: string } } {
  const shape = v.safeParse(LiveShape, input);
  const failure = (issues: v.BaseIssue<unknown>[], prefix?: string) => {
    const inner = issues[0] ? v.getDotPath(issues[0]) : null;
    const path = [prefix, inner].filter((part): part is string => typeof part === 'string' && part.length > 0).join('.');
    const message = issues[0]?.message ?? 'is invalid';
    return { ok: false as const, error: { message: path ? `${path} ${message}` : message, ...(path ? { path } : {}) } };
  };
  if (!shape.success) return failure(shape.issues);
  const { type } = shape.output;
  if (!isLiveEventType(type)) return { ok: true, known: false };
  const data = v.safeParse(liveDataSchemas[type], shape.output.data);
  if (!data.success) return failure(data.issues, 'data');
  return { ok: true, known: true, value: { ...shape.output, type, data: data.output } as AnyLiveEnvelope };
}

/** What live envelopes add to a viewer's state. */
export interface LiveState {
  /** The latest viewer count, if one arrived. */
  viewers?: number;
  /** Reaction totals since the show began, as the relay last counted them. */
  reactions: Record<string, number>;
  /** The latest live tally of each poll. */
  polls: Record<string, Record<string, number>>;
  /** This viewer's own messages that are not in the log (shadow-banned), oldest first. */
  ownMessages: ChatMessage[];
}

export const emptyLiveState: LiveState = Object.freeze({ reactions: {}, polls: {}, ownMessages: [] }) as LiveState;

/** Applies one live envelope. Pure; applying the same envelope twice changes nothing. */
export function reduceLive(live: LiveState, envelope: AnyLiveEnvelope): LiveState {
  switch (envelope.type) {
    case 'viewers.count':
      return { ...live, viewers: envelope.data.count };
    case 'reaction.tick': {
      const reactions = { ...live.reactions };
      for (const [kind, total] of Object.entries(envelope.data.totals)) reactions[kind] = Math.max(reactions[kind] ?? 0, total);
      return { ...live, reactions };
    }
    case 'poll.results':
      return { ...live, polls: { ...live.polls, [envelope.data.pollId]: envelope.data.counts } };
    case 'chat.message': {
      // A message of the log has a seq ≥ 1; one that is only on the socket has seq 0.
      const message: ChatMessage = { ...envelope.data, at: envelope.at, seq: 0 };
      const others = live.ownMessages.filter((existing) => existing.messageId !== message.messageId);
      const ownMessages = [...others, message].sort((a, b) => a.at - b.at).slice(-CHAT_KEPT);
      return { ...live, ownMessages };
    }
    default:
      return live;
  }
}

/**
 * The state a live viewer sees: the timeline's state with the live values laid over it.
 * Reaction totals take the larger of the two (the log's counts trail the live ones), the
 * viewer count and poll tallies the live ones, and the viewer's own unlogged messages
 * join the chat in time order. Returns `state` itself when there is nothing to add.
 */
export function withLive(state: ShowState, live: LiveState): ShowState {
  const pollIds = Object.keys(live.polls);
  const kinds = Object.keys(live.reactions);
  if (live.viewers === undefined && pollIds.length === 0 && kinds.length === 0 && live.ownMessages.length === 0) return state;
  const next: ShowState = { ...state };
  if (live.viewers !== undefined) next.viewers = live.viewers;
  if (kinds.length > 0) {
    const reactions = { ...state.reactions };
    for (const kind of kinds) reactions[kind] = Math.max(reactions[kind] ?? 0, live.reactions[kind] ?? 0);
    next.reactions = reactions;
  }
  if (pollIds.length > 0) {
    next.polls = state.polls.map((poll) => {
      const counts = live.polls[poll.pollId];
      return counts ? { ...poll, counts } : poll;
    });
  }
  if (live.ownMessages.length > 0) {
    const messages = [...state.chat.messages, ...live.ownMessages].sort((a, b) => a.at - b.at || a.seq - b.seq);
    next.chat = { ...state.chat, messages: messages.length > CHAT_KEPT ? messages.slice(-CHAT_KEPT) : messages };
  }
  return next;
}
