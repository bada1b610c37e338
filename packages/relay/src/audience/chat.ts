import { randomUUID } from 'node:crypto';
import { validateIntent, type EventData, type LiveEnvelope } from '@live-shop/protocol';
import type { Role } from '../auth.js';
import type { ShowRegistry } from '../show-registry.js';
import type { Moderation } from './moderation.js';
import { Refusal, waitText } from './refusal.js';
import { TokenBuckets, type RateLimit } from './rate-limit.js';

/** Who sends an intent: the socket's show, viewer id and role (`anonymous`: no token). */
export interface Sender {
  show: string;
  viewerId: string;
  role: Role | 'anonymous';
}

export function isStaff(role: Sender['role']): boolean {
  return role === 'moderator' || role === 'producer';
}

/** Default: 5 messages at once, then one every 2 s (5 per 10 s). */
export const DEFAULT_CHAT_RATE: RateLimit = { capacity: 5, intervalMs: 2000 };
/** How many of a shadow-banned viewer's own messages are kept to show them again after a reload. */
const SHADOW_KEPT = 20;
/** Forget slow-mode times once the map holds this many (they expire after at most an hour). */
const SLOW_MODE_SWEEP_AT = 4096;

export interface ChatOptions {
  shows: ShowRegistry;
  moderation: Moderation;
  now: () => number;
  rate?: RateLimit;
  /** Sends a shadow-banned author's message to that author's sockets only. */
  toAuthor: (show: string, viewerId: string, envelope: LiveEnvelope<'chat.message'>) => void;
}

/**
 * Chat: checks a `chat.send` against the show's moderation and limits, then appends a
 * `chat.message` to the log (everyone sees it) or, for a shadow-banned author, sends it
 * to the author alone as a live envelope (nobody else sees it; the log never has it).
 *
 * The checks, in order: the intent's fields; a ban (`banned`); the rate limit
 * (`rate_limited`, every attempt counts); slow mode (`slow_mode`); the blocklist
 * (`blocked_word`, text and name). Moderators and producers skip bans, slow mode and the
 * blocklist, not the rate limit. A shadow-banned author gets exactly the answers anyone
 * else would, so nothing tells them apart.
 */
export class Chat {
  readonly #shows: ShowRegistry;
  readonly #moderation: Moderation;
  readonly #now: () => number;
  readonly #buckets: TokenBuckets;
  readonly #toAuthor: ChatOptions['toAuthor'];
  /** Last accepted message time by show and viewer, for slow mode. */
  readonly #lastSent = new Map<string, number>();
  /** A shadow-banned viewer's recent messages by show and viewer. */
  readonly #shadow = new Map<string, LiveEnvelope<'chat.message'>[]>();

  constructor(options: ChatOptions) {
    this.#shows = options.shows;
    this.#moderation = options.moderation;
    this.#now = options.now;
    this.#buckets = new TokenBuckets(options.rate ?? DEFAULT_CHAT_RATE, options.now);
    this.#toAuthor = options.toAuthor;
  }

  /**
   * Handles a `chat.send`; resolves with the new message's id (and, in slow mode, how long
   * this viewer must wait before the next one is taken) or rejects with a {@link Refusal}.
   */
  async send(sender: Sender, input: unknown): Promise<{ messageId: string; nextSendInMs?: number }> {
    const checked = validateIntent('chat.send', input);
    if (!checked.ok) throw new Refusal(400, checked.error.code, checked.error.message, checked.error.path);
    const { text, name } = checked.value;
    const { show, viewerId } = sender;
    const moderation = await this.#moderation.forShow(show);
    const staff = isStaff(sender.role);
    const ban = staff ? undefined : moderation.banOf(viewerId);
    if (ban === 'ban') {
      throw new Refusal(403, 'banned', 'You cannot chat in this show: a moderator has banned you from the chat.');
    }
    const key = `${show}\n${viewerId}`;
    const taken = this.#buckets.take(key);
    if (!taken.ok) {
      throw new Refusal(429, 'rate_limited', `You are sending messages too fast; wait ${waitText(taken.retryAfterMs)} and send it again.`, undefined, taken.retryAfterMs);
    }
    const now = this.#now();
    const slowMs = staff ? 0 : moderation.slowModeSeconds * 1000;
    const last = this.#lastSent.get(key);
    if (slowMs > 0 && last !== undefined && now - last < slowMs) {
      const retryAfterMs = slowMs - (now - last);
      throw new Refusal(429, 'slow_mode', `Slow mode is on: one message every ${moderation.slowModeSeconds} s; wait ${waitText(retryAfterMs)} and send it again.`, undefined, retryAfterMs);
    }
    if (!staff) {
      for (const [field, value] of [['text', text], ['name', name]] as const) {
        if (moderation.blocklist.matches(value)) {
          throw new Refusal(400, 'blocked_word', `Your ${field === 'text' ? 'message' : 'name'} contains a word this show does not allow; change it and send again.`, field);
        }
      }
    }
    this.#remember(key, now);
    const messageId = randomUUID();
    const data: EventData<'chat.message'> = { messageId, text, author: { id: viewerId, name, role: sender.role === 'anonymous' ? 'viewer' : sender.role } };
    if (ban === 'shadow-ban') this.#shadowSend(sender, data, now);
    else await this.#shows.append(show, { type: 'chat.message', data });
    // Said up front, so a player can count down to the next message instead of learning
    // the wait from a refusal.
    return slowMs > 0 ? { messageId, nextSendInMs: slowMs } : { messageId };
  }

  /** The viewer's recent unlogged (shadow) messages, to send again when they rejoin. */
  shadowMessagesOf(show: string, viewerId: string): LiveEnvelope<'chat.message'>[] {
    return [...(this.#shadow.get(`${show}\n${viewerId}`) ?? [])];
  }

  #shadowSend(sender: Sender, data: EventData<'chat.message'>, at: number): void {
    const offset = this.#shows.get(sender.show)?.pdtOffsetMs ?? 0;
    const envelope: LiveEnvelope<'chat.message'> = { v: 1, id: randomUUID(), show: sender.show, type: 'chat.message', at, pdt: Math.max(0, at - offset), data };
    const key = `${sender.show}\n${sender.viewerId}`;
    const kept = [...(this.#shadow.get(key) ?? []), envelope].slice(-SHADOW_KEPT);
    this.#shadow.set(key, kept);
    this.#toAuthor(sender.show, sender.viewerId, envelope);
  }

  #remember(key: string, now: number): void {
    this.#lastSent.delete(key);
    this.#lastSent.set(key, now);
    if (this.#lastSent.size < SLOW_MODE_SWEEP_AT) return;
    // Insertion order is time order: drop from the oldest while they are past any slow mode.
    for (const [oldKey, at] of this.#lastSent) {
      if (now - at < 3_600_000 || this.#lastSent.size < SLOW_MODE_SWEEP_AT / 2) break;
      this.#lastSent.delete(oldKey);
    }
  }
}
