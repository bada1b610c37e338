import type { AnyEnvelope, Poll } from '@live-shop/protocol';
import { Refusal } from './refusal.js';
import type { RateLimit } from './rate-limit.js';

/** Default: 10 votes at once, then one a second per viewer (votes in different polls). */
export const DEFAULT_VOTE_RATE: RateLimit = { capacity: 10, intervalMs: 1000 };

interface PollEntry {
  options: string[];
  closed: boolean;
  closesAt: number | undefined;
  counts: Record<string, number>;
  /** The option each viewer voted for. */
  votes: Map<string, string>;
  /** Changed since the last live `poll.results`. */
  live: boolean;
  /** Changed since the last `poll.results` in the log. */
  unlogged: boolean;
}

export interface PollResults {
  pollId: string;
  counts: Record<string, number>;
}

export function zeroCounts(options: readonly string[]): Record<string, number> {
  return Object.fromEntries(options.map((option) => [option, 0]));
}

/** What a poll must be for a vote to count: the refusals, whoever keeps the tally (this relay, or Redis). */
export interface VotablePoll {
  options: readonly string[];
  closed: boolean;
  closesAt: number | undefined;
}

/** Refuses a vote in an unknown or closed poll, or for an option the poll does not have. */
export function checkVote(poll: VotablePoll | undefined, pollId: string, optionId: string, now: number): asserts poll is VotablePoll {
  if (!poll) {
    throw new Refusal(404, 'poll_not_found', `There is no poll "${pollId.slice(0, 80)}" in this show; vote in a poll the show has opened.`, 'pollId');
  }
  if (poll.closed || (poll.closesAt !== undefined && now >= poll.closesAt)) throw pollClosed();
  if (!poll.options.includes(optionId)) {
    throw new Refusal(400, 'unknown_option', `"${optionId.slice(0, 80)}" is not an option of this poll; use one of: ${poll.options.join(', ')}.`, 'optionId');
  }
}

export function pollClosed(): Refusal {
  return new Refusal(409, 'poll_closed', 'This poll is closed; votes are no longer counted.', 'pollId');
}

/** The refusal of a vote for another option than the viewer's first. */
export function alreadyVoted(earlier: string): Refusal {
  return new Refusal(409, 'already_voted', `You already voted for "${earlier}" in this poll; one vote per viewer counts.`, 'optionId');
}

/**
 * One show's polls as the relay tallies them. `poll.open` / `poll.close` are producer
 * events in the log; this follows them, takes one vote per viewer id per poll (the first
 * counts: voting again for the same option is a harmless retry, for another option it is
 * refused), and gives the tallies that changed for the live `poll.results` and the log.
 *
 * Who voted is kept in memory only: after a restart, the counts come back from the log's
 * `poll.results` but a viewer could vote a second time.
 */
export class PollTally {
  readonly #polls = new Map<string, PollEntry>();

  /** Starts from the polls of the show's state (the log's latest results). */
  constructor(polls: readonly Poll[] = []) {
    this.adopt(polls);
  }

  /** Whether the tally follows this poll. */
  has(pollId: string): boolean {
    return this.#polls.has(pollId);
  }

  /**
   * Takes the polls of a show state that the tally does not follow yet (opened through
   * another relay of a shared log, whose appends this relay does not observe).
   */
  adopt(polls: readonly Poll[]): void {
    for (const poll of polls) {
      if (this.#polls.has(poll.pollId)) continue;
      const options = poll.options.map((option) => option.id);
      this.#polls.set(poll.pollId, {
        options,
        closed: poll.closed,
        closesAt: poll.closesAt,
        counts: { ...zeroCounts(options), ...poll.counts },
        votes: new Map(),
        live: false,
        unlogged: false,
      });
    }
  }

  /**
   * Follows the log: `poll.open` (re)starts a poll, `poll.close` closes it, and a
   * `poll.results` someone else posted becomes its tally. Returns the final results to
   * log when a poll with unlogged votes closes.
   */
  observe(envelope: AnyEnvelope): PollResults | undefined {
    switch (envelope.type) {
      case 'poll.open': {
        const options = envelope.data.options.map((option) => option.id);
        // Live at once, so that viewers drop the tally of a poll opened again.
        this.#polls.set(envelope.data.pollId, {
          options,
          closed: false,
          closesAt: envelope.data.closesAt,
          counts: zeroCounts(options),
          votes: new Map(),
          live: true,
          unlogged: false,
        });
        return undefined;
      }
      case 'poll.close': {
        const poll = this.#polls.get(envelope.data.pollId);
        if (!poll || poll.closed) return undefined;
        poll.closed = true;
        if (!poll.unlogged) return undefined;
        poll.unlogged = false;
        return { pollId: envelope.data.pollId, counts: { ...poll.counts } };
      }
      case 'poll.results': {
        const poll = this.#polls.get(envelope.data.pollId);
        if (poll) {
          poll.counts = { ...zeroCounts(poll.options), ...envelope.data.counts };
          poll.live = true;
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }

  /** Counts a vote, or refuses it: unknown poll or option, closed poll, another option already chosen. */
  vote(viewerId: string, pollId: string, optionId: string, now: number): { optionId: string } {
    const poll = this.#polls.get(pollId);
    checkVote(poll, pollId, optionId, now);
    const earlier = poll.votes.get(viewerId);
    if (earlier === optionId) return { optionId };
    if (earlier !== undefined) throw alreadyVoted(earlier);
    poll.votes.set(viewerId, optionId);
    // A computed key defines an own property whatever the option id (even "__proto__").
    poll.counts = { ...poll.counts, [optionId]: (poll.counts[optionId] ?? 0) + 1 };
    poll.live = true;
    poll.unlogged = true;
    return { optionId };
  }

  /** The tallies changed since the last live results. */
  takeLive(): PollResults[] {
    const results: PollResults[] = [];
    for (const [pollId, poll] of this.#polls) {
      if (!poll.live) continue;
      poll.live = false;
      results.push({ pollId, counts: { ...poll.counts } });
    }
    return results;
  }

  /** The tallies changed since the last write to the log (then considered written). */
  takeUnlogged(): PollResults[] {
    const results: PollResults[] = [];
    for (const [pollId, poll] of this.#polls) {
      if (!poll.unlogged) continue;
      poll.unlogged = false;
      results.push({ pollId, counts: { ...poll.counts } });
    }
    return results;
  }

  /** Marks a poll's tally unwritten again (its write failed). */
  restoreUnlogged(pollId: string): void {
    const poll = this.#polls.get(pollId);
    if (poll) poll.unlogged = true;
  }

  /** The tallies of the open polls, for a viewer who just joined. */
  openResults(): PollResults[] {
    return [...this.#polls].filter(([, poll]) => !poll.closed).map(([pollId, poll]) => ({ pollId, counts: { ...poll.counts } }));
  }

  /** Whether live results are due. */
  get livePending(): boolean {
    for (const poll of this.#polls.values()) if (poll.live) return true;
    return false;
  }
}
