import * as v from 'valibot';
import type { AnyEnvelope } from './envelope.js';
import { Id } from './schema-parts.js';

/**
 * What viewers (and moderators) send to the relay over the socket: intents, each with an
 * acknowledgement. The relay validates them with the schemas below, applies its rules
 * (identity, rate limits, moderation) and answers with an {@link IntentAck}. Viewers may
 * only send chat, reactions and poll votes; moderators and producers may also moderate.
 */
export const INTENT_EVENTS = {
  /** `{text, name}` → `{ok: true, messageId}`: a chat message. */
  chatSend: 'chat.send',
  /** `{kind}` → `{ok: true}`: one reaction (a heart…), aggregated into `reaction.tick`. */
  reactionSend: 'reaction.send',
  /** `{pollId, optionId}` → `{ok: true, optionId}`: a vote in an open poll. */
  pollVote: 'poll.vote',
  /** A {@link ModerationAction} → `{ok: true, …ModerationResult}`; moderator and producer connections only. */
  moderate: 'moderate',
} as const;

export type IntentName = (typeof INTENT_EVENTS)[keyof typeof INTENT_EVENTS];

export const CHAT_TEXT_MAX = 500;
export const AUTHOR_NAME_MAX = 50;
export const BLOCKLIST_WORD_MAX = 50;
export const BLOCKLIST_MAX_WORDS = 500;
export const SLOW_MODE_MAX_SECONDS = 3600;
/** The reaction kinds a relay accepts unless configured otherwise. */
export const DEFAULT_REACTION_KINDS = ['heart', 'fire', 'clap', 'laugh', 'wow'] as const;

// Control characters, and the bidirectional overrides that make text display in another
// order than it is stored (used to disguise names and links).
const BIDI_CONTROLS = '\\u202A-\\u202E\\u2066-\\u2069';
const CONTROL_IN_TEXT = new RegExp(`[\\u0000-\\u0009\\u000B-\\u001F\\u007F-\\u009F${BIDI_CONTROLS}]`);
const CONTROL_IN_NAME = new RegExp(`[\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029${BIDI_CONTROLS}]`);

/** Text a person typed: trimmed, then 1..max characters, without control characters (`lines`: newlines allowed). */
const typedText = (max: number, lines: boolean) =>
  v.pipe(
    v.string('must be text'),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
    v.check(
      (value) => !(lines ? CONTROL_IN_TEXT : CONTROL_IN_NAME).test(value),
      lines ? 'must not contain control characters' : 'must be one line of text without control characters',
    ),
  );

/** A chat message's text: 1–500 characters once trimmed. Data, never markup. */
export const ChatText = typedText(CHAT_TEXT_MAX, true);
/** The name a viewer chats under: 1–50 characters once trimmed, one line. Data, never markup. */
export const AuthorName = typedText(AUTHOR_NAME_MAX, false);
/** A reaction kind: a short lowercase word such as "heart". */
export const ReactionKind = v.pipe(
  v.string('must be a reaction kind such as "heart"'),
  v.regex(/^[a-z][a-z0-9-]{0,31}$/, 'must be a reaction kind such as "heart" (lowercase letters, digits and "-")'),
);
/** A blocked word or phrase: 1–50 characters once trimmed. */
export const BlocklistWord = typedText(BLOCKLIST_WORD_MAX, false);
const BlocklistWords = v.pipe(
  v.array(BlocklistWord, 'must be a list of words'),
  v.maxLength(BLOCKLIST_MAX_WORDS, `must list at most ${BLOCKLIST_MAX_WORDS} words`),
);

export const ChatSendIntent = v.strictObject({ text: ChatText, name: AuthorName });
export type ChatSendIntent = v.InferOutput<typeof ChatSendIntent>;

export const ReactionSendIntent = v.strictObject({ kind: ReactionKind });
export type ReactionSendIntent = v.InferOutput<typeof ReactionSendIntent>;

export const PollVoteIntent = v.strictObject({ pollId: Id, optionId: Id });
export type PollVoteIntent = v.InferOutput<typeof PollVoteIntent>;

export const MODERATION_ACTIONS = ['delete', 'pin', 'unpin', 'ban', 'unban', 'shadow-ban', 'slow-mode', 'blocklist'] as const;
export type ModerationActionName = (typeof MODERATION_ACTIONS)[number];

/**
 * What a moderator or producer does to a show's chat, over HTTP
 * (`POST /v1/shows/:id/moderation`) or the socket (`moderate`):
 * - `delete {messageId}` / `pin {messageId}` / `unpin`: append `chat.delete` / `chat.pin`;
 * - `ban {authorId}`: the author's messages are refused; `shadow-ban {authorId}`: they are
 *   shown to their author only; `unban {authorId}` lifts either (`authorId` is a message's
 *   `author.id`);
 * - `slow-mode {seconds}`: at least that long between two messages of one viewer (0: off);
 * - `blocklist {set?, add?, remove?}`: the words refused in messages and names (whole
 *   words, any case), replaced, then added to, then removed from.
 */
export const ModerationAction = v.variant(
  'action',
  [
    v.strictObject({ action: v.literal('delete'), messageId: Id }),
    v.strictObject({ action: v.literal('pin'), messageId: Id }),
    v.strictObject({ action: v.literal('unpin') }),
    v.strictObject({ action: v.literal('ban'), authorId: Id }),
    v.strictObject({ action: v.literal('unban'), authorId: Id }),
    v.strictObject({ action: v.literal('shadow-ban'), authorId: Id }),
    v.strictObject({
      action: v.literal('slow-mode'),
      seconds: v.pipe(
        v.number('must be a number of seconds'),
        v.integer('must be a whole number of seconds'),
        v.minValue(0, 'must not be negative'),
        v.maxValue(SLOW_MODE_MAX_SECONDS, `must be at most ${SLOW_MODE_MAX_SECONDS} seconds`),
      ),
    }),
    v.strictObject({
      action: v.literal('blocklist'),
      set: v.optional(BlocklistWords),
      add: v.optional(BlocklistWords),
      remove: v.optional(BlocklistWords),
    }),
  ],
  `must be one of ${MODERATION_ACTIONS.join(', ')}`,
);
export type ModerationAction = v.InferOutput<typeof ModerationAction>;

/** A show's moderation settings, as moderators see them. */
export interface ModerationView {
  /** Seconds between two messages of one viewer; 0 when slow mode is off. */
  slowModeSeconds: number;
  /** Blocked words and phrases, lowercase, sorted. */
  blocklist: string[];
  /** Banned author ids. */
  banned: string[];
  /** Shadow-banned author ids. */
  shadowBanned: string[];
}

/** What a moderation action returns: the appended event (delete, pin, unpin) and the settings after it. */
export interface ModerationResult {
  event?: AnyEnvelope;
  moderation: ModerationView;
}

const intentSchemas = {
  'chat.send': ChatSendIntent,
  'reaction.send': ReactionSendIntent,
  'poll.vote': PollVoteIntent,
  moderate: ModerationAction,
} as const;

const intentExamples: Record<IntentName, string> = {
  'chat.send': '{"text": "Love it!", "name": "Ann"}',
  'reaction.send': '{"kind": "heart"}',
  'poll.vote': '{"pollId": "q1", "optionId": "a"}',
  moderate: '{"action": "delete", "messageId": "…"}',
};

export type IntentValue<N extends IntentName> = v.InferOutput<(typeof intentSchemas)[N]>;

/** Why the relay refused an intent. `path` names the field at fault. */
export interface IntentError {
  code: string;
  message: string;
  path?: string;
  /** For `rate_limited` and `slow_mode`: when sending again will work, in ms. */
  retryAfterMs?: number;
}

/** The acknowledgement of an intent: `{ok: true, …}` or `{ok: false, error}`. */
export type IntentAck<T extends object = object> = ({ ok: true } & T) | { ok: false; error: IntentError };

export type IntentValidation<T> = { ok: true; value: T } | { ok: false; error: IntentError & { code: 'invalid_intent' } };

function describeIssue(name: IntentName, issue: v.BaseIssue<unknown> | undefined): { message: string; path?: string } {
  const path = issue ? v.getDotPath(issue) : null;
  if (!issue || !path) return { message: `${name} needs an object such as ${intentExamples[name]}` };
  if (issue.type === 'strict_object' || issue.type === 'object') {
    if (issue.expected === 'never') return { path, message: `${path} is not a field of ${name}; see ${intentExamples[name]}` };
    if (issue.received === 'undefined') return { path, message: `${path} is required` };
  }
  return { path, message: `${path} ${issue.message}` };
}

/**
 * Validates an intent. The value is normalised (text trimmed); an error names the field,
 * e.g. `{code: "invalid_intent", path: "text", message: "text must be at most 500 characters"}`.
 */
export function validateIntent<N extends IntentName>(name: N, input: unknown): IntentValidation<IntentValue<N>> {
  const result = v.safeParse(intentSchemas[name], input);
  if (result.success) return { ok: true, value: result.output as IntentValue<N> };
  const { message, path } = describeIssue(name, result.issues[0]);
  return { ok: false, error: { code: 'invalid_intent', message, ...(path ? { path } : {}) } };
}

/** An acknowledgement callback; socket.io passes it as the last argument of an emit. */
type Ack<T extends object> = (ack: IntentAck<T>) => void;

/** The intents on the socket, as socket.io event signatures (viewer → relay). */
export interface ViewerIntents {
  /** `nextSendInMs`: in slow mode, how long until this viewer's next message is taken. */
  'chat.send': (intent: ChatSendIntent, ack: Ack<{ messageId: string; nextSendInMs?: number }>) => void;
  'reaction.send': (intent: ReactionSendIntent, ack: Ack<object>) => void;
  'poll.vote': (intent: PollVoteIntent, ack: Ack<{ optionId: string }>) => void;
  moderate: (action: ModerationAction, ack: Ack<ModerationResult>) => void;
}
