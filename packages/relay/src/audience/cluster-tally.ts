import type { AnyEnvelope } from '@live-shop/protocol';
import type { AudienceTallies, Counts, PollRef, RollupClaim } from '../cluster/audience-tallies.js';
import { alreadyVoted, checkVote, pollClosed, zeroCounts, type PollResults } from './polls.js';

/**
 * The id prefix of the `reaction.tick`s that relays write to a shared log (their
 * rollups): those counts came from the shared totals in Redis, whereas any other
 * `reaction.tick` in the log (a producer's, or one written before cluster tallies) is
 * added on top of them by every relay.
 */
export const ROLLUP_ID_PREFIX = 'rollup-';

interface SharedPoll extends PollRef {
  options: string[];
  closesAt: number | undefined;
  closed: boolean;
  /** The poll's latest counts in the log: where Redis starts from if it has none of its votes. */
  logged: Counts;
  /** The latest counts known (Redis's, else the log's), options without votes included. */
  counts: Counts;
  /** The counts last sent live (see {@link countsKey}); undefined: none since it opened. */
  sent: string | undefined;
  /** Closed, and its last counts sent live: no longer read. */
  done: boolean;
}

/** What a round brings for this relay's sockets. */
export interface ClusterNews {
  /** A live `reaction.tick`: every relay's reactions since the last one, and the totals. */
  reactions?: { counts: Counts; totals: Counts };
  /** The polls whose counts changed. */
  polls: PollResults[];
}

/** What the log lacks, claimed by this relay (see {@link ClusterTally.claim}). */
export interface ClusterRollup {
  reactions: Counts | undefined;
  polls: PollResults[];
  /** What to give back if writing it fails. */
  claim: RollupClaim;
}

function addInto(target: Counts, counts: Counts): void {
  for (const [kind, count] of Object.entries(counts)) target[kind] = (target[kind] ?? 0) + count;
}

function isEmpty(counts: Counts): boolean {
  for (const _ in counts) return false;
  return true;
}

function empty(): Counts {
  return Object.create(null) as Counts;
}

/** The same counts whatever the order of their keys. */
function countsKey(counts: Counts): string {
  return JSON.stringify(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * One show's reactions and polls on one relay of several sharing a Redis (`redisUrl`):
 * the counting is done in Redis ({@link AudienceTallies}), by every relay; this keeps
 * what the relay needs around it.
 *
 * - Reactions: this relay's sockets' reactions wait here for the next round (one per
 *   tick), which adds them to the shared totals and reads them; the live tick's `counts`
 *   are what the totals grew since this relay's last round, i.e. every relay's reactions
 *   since then. The rounds of one relay are one after the other, so its counts add up to
 *   its totals exactly: nothing counted twice, nothing lost when a round fails (its
 *   reactions wait for the next one).
 * - Polls: it follows the log (`poll.open`, `poll.close`, `poll.results`, every relay's),
 *   checks a vote as a single relay does, then records it in Redis, which takes the
 *   first vote of each viewer once across relays; the rounds read the open polls' counts.
 */
export class ClusterTally {
  readonly #show: string;
  readonly #tallies: AudienceTallies;
  /** This relay's sockets' reactions, not in Redis yet. */
  #pending = empty();
  /** The reactions of the log's rollups: where Redis's totals start from. */
  readonly #rolledUp = empty();
  /** The reactions of the log's other ticks (producers'): added to Redis's totals. */
  readonly #others = empty();
  /** Redis's totals at the last round. */
  #shared = empty();
  /** The totals last sent live. */
  #sent: Counts;
  readonly #polls = new Map<string, SharedPoll>();
  #round: Promise<ClusterNews> | undefined;

  /** `events`: the show's log so far (this relay's cache), in seq order. */
  constructor(show: string, tallies: AudienceTallies, events: readonly AnyEnvelope[]) {
    this.#show = show;
    this.#tallies = tallies;
    for (const envelope of events) this.observe(envelope);
    this.#shared = Object.assign(empty(), this.#rolledUp);
    // A relay that starts following a show mid-way: its first tick's counts are also the
    // reactions not in the log yet (at most a log period's), which its viewers then see.
    this.#sent = this.totals;
  }

  /** Every relay's reactions so far, as last read. */
  get totals(): Counts {
    const totals = Object.assign(empty(), this.#shared);
    addInto(totals, this.#others);
    return totals;
  }

  /** Whether reactions wait for a round, or a round is under way. */
  get busy(): boolean {
    return this.#round !== undefined || !isEmpty(this.#pending);
  }

  /** Follows the log: every relay's events, in seq order. */
  observe(envelope: AnyEnvelope): void {
    switch (envelope.type) {
      case 'reaction.tick':
        addInto(envelope.id.startsWith(ROLLUP_ID_PREFIX) ? this.#rolledUp : this.#others, envelope.data.counts);
        break;
      case 'poll.open': {
        const { pollId, closesAt } = envelope.data;
        const options = envelope.data.options.map((option) => option.id);
        this.#polls.set(pollId, {
          pollId,
          openSeq: envelope.seq,
          options,
          closesAt,
          closed: false,
          logged: {},
          counts: zeroCounts(options),
          sent: undefined,
          done: false,
        });
        break;
      }
      case 'poll.close': {
        const poll = this.#polls.get(envelope.data.pollId);
        if (poll) poll.closed = true;
        break;
      }
      case 'poll.results': {
        const poll = this.#polls.get(envelope.data.pollId);
        if (poll) poll.logged = { ...envelope.data.counts };
        break;
      }
      default:
    }
  }

  /** Whether the tally follows this poll. */
  has(pollId: string): boolean {
    return this.#polls.has(pollId);
  }

  /** Counts a reaction of one of this relay's sockets (in Redis at the next round). */
  react(kind: string): void {
    this.#pending[kind] = (this.#pending[kind] ?? 0) + 1;
  }

  /** Counts a vote across relays, or refuses it as a single relay does. */
  async vote(viewerId: string, pollId: string, optionId: string, now: number): Promise<{ optionId: string }> {
    const poll = this.#polls.get(pollId);
    checkVote(poll, pollId, optionId, now);
    const result = await this.#tallies.vote(this.#show, poll, viewerId, optionId, poll.logged);
    switch (result.outcome) {
      case 'counted':
        poll.counts = this.#display(poll, result.counts);
        return { optionId };
      case 'same':
        return { optionId };
      case 'other':
        throw alreadyVoted(result.earlier);
      case 'closed':
        throw pollClosed();
    }
  }

  /**
   * Adds this relay's reactions to the shared totals and reads them, and, with
   * `withPolls`, the counts of the polls it follows. Undefined while the last round is
   * under way (the reactions wait for the next). Rejects when Redis does (the reactions
   * wait for the next round too).
   */
  round(withPolls: boolean): Promise<ClusterNews> | undefined {
    if (this.#round) return undefined;
    const round = this.#run(withPolls).finally(() => (this.#round = undefined));
    this.#round = round;
    return round;
  }

  /** Resolves once the reactions counted here so far are in Redis (or a round failed). */
  async flush(): Promise<void> {
    await this.#round?.catch(() => {});
    if (!isEmpty(this.#pending)) await this.round(false)?.catch(() => {});
  }

  async #run(withPolls: boolean): Promise<ClusterNews> {
    const add = this.#pending;
    this.#pending = empty();
    const polls = withPolls ? [...this.#polls.values()].filter((poll) => !poll.done) : [];
    let result;
    try {
      result = await this.#tallies.round(this.#show, { add, seed: this.#rolledUp, polls });
    } catch (error) {
      addInto(this.#pending, add);
      throw error;
    }
    this.#shared = result.totals;
    const news: ClusterNews = { polls: [] };
    const totals = this.totals;
    const counts = empty();
    for (const [kind, total] of Object.entries(totals)) {
      const grown = total - (this.#sent[kind] ?? 0);
      if (grown > 0) counts[kind] = grown;
    }
    if (!isEmpty(counts)) news.reactions = { counts: { ...counts }, totals: { ...totals } };
    this.#sent = totals;
    for (const [index, poll] of polls.entries()) {
      // A poll opened again meanwhile is another poll: its counts come with the next round.
      if (this.#polls.get(poll.pollId) !== poll) continue;
      poll.counts = this.#display(poll, result.polls[index] ?? {});
      const key = countsKey(poll.counts);
      if (key !== poll.sent) news.polls.push({ pollId: poll.pollId, counts: { ...poll.counts } });
      poll.sent = key;
      if (poll.closed) poll.done = true;
    }
    return news;
  }

  /** A poll's counts with every option, from Redis's (none yet: the log's). */
  #display(poll: SharedPoll, counts: Counts): Counts {
    return { ...zeroCounts(poll.options), ...(isEmpty(counts) ? poll.logged : counts) };
  }

  /**
   * Closes a poll that this relay closed in the log (its `poll.close` was appended here):
   * after this no relay counts a vote in it. Its final counts, if the log lacks them.
   */
  async closePoll(pollId: string): Promise<PollResults | undefined> {
    const poll = this.#polls.get(pollId);
    if (!poll) return undefined;
    const counts = await this.#tallies.closePoll(this.#show, poll);
    return counts ? { pollId, counts: this.#display(poll, counts) } : undefined;
  }

  /** Makes a `poll.results` posted through this relay (a producer's) the poll's counts on every relay. */
  async setResults(pollId: string, counts: Counts): Promise<void> {
    const poll = this.#polls.get(pollId);
    if (poll) await this.#tallies.setPollCounts(this.#show, poll, counts);
  }

  /**
   * Claims the writing to the log of what it lacks: the reactions since the last write
   * and the polls whose counts changed. With a `period`, only if no relay claimed that
   * period yet (undefined otherwise).
   */
  async claim(period: number | undefined): Promise<ClusterRollup | undefined> {
    await this.flush();
    const polls = [...this.#polls.values()].filter((poll) => !poll.done);
    const claim = await this.#tallies.claimRollup(this.#show, period, polls);
    if (!claim) return undefined;
    return {
      reactions: isEmpty(claim.reactions) ? undefined : claim.reactions,
      polls: claim.polls.map(({ poll, counts }) => ({ pollId: poll.pollId, counts: this.#display(poll as SharedPoll, counts) })),
      claim,
    };
  }

  /** Gives back a poll's final counts that {@link closePoll} returned (their write to the log failed). */
  async releasePoll(pollId: string): Promise<void> {
    const poll = this.#polls.get(pollId);
    if (poll) await this.#tallies.releaseRollup(this.#show, { reactions: {}, polls: [{ poll, counts: {} }] });
  }

  /** Gives a claim back (its write to the log failed). */
  release(claim: RollupClaim): Promise<void> {
    return this.#tallies.releaseRollup(this.#show, claim);
  }

  /** The counts of the open polls, for a viewer who just joined. */
  openResults(): PollResults[] {
    return [...this.#polls.values()].filter((poll) => !poll.closed).map((poll) => ({ pollId: poll.pollId, counts: { ...poll.counts } }));
  }
}
