import type { RateLimit } from './rate-limit.js';

/** Default: 20 reactions at once, then one every 100 ms (10 a second) per viewer. */
export const DEFAULT_REACTION_RATE: RateLimit = { capacity: 20, intervalMs: 100 };

type Counts = Record<string, number>;

function addInto(target: Counts, counts: Counts): void {
  for (const [kind, count] of Object.entries(counts)) target[kind] = (target[kind] ?? 0) + count;
}

function isEmpty(counts: Counts): boolean {
  for (const _ in counts) return false;
  return true;
}

/**
 * One show's reactions: counted as they arrive, sent as a live `reaction.tick` (the
 * counts since the last tick and the totals) when the show's timer fires, and written
 * to the log now and then as a `reaction.tick` of the counts since the last write, so
 * the log keeps the totals (and a replay its bursts) without one event per tick.
 */
export class ReactionTally {
  /** Everything counted since the show began: the log's ticks and what is not logged yet. */
  readonly #totals: Counts;
  #sinceTick: Counts = Object.create(null) as Counts;
  #unlogged: Counts = Object.create(null) as Counts;
  #changed = false;

  /** `logged`: the totals of the ticks already in the log. */
  constructor(logged: Counts = {}) {
    this.#totals = Object.assign(Object.create(null) as Counts, logged);
  }

  get totals(): Counts {
    return { ...this.#totals };
  }

  /** Counts reactions that viewers sent. */
  add(kind: string, count = 1): void {
    this.#totals[kind] = (this.#totals[kind] ?? 0) + count;
    this.#sinceTick[kind] = (this.#sinceTick[kind] ?? 0) + count;
    this.#unlogged[kind] = (this.#unlogged[kind] ?? 0) + count;
    this.#changed = true;
  }

  /** Counts a `reaction.tick` that someone else (a producer) put in the log. */
  addLogged(counts: Counts): void {
    addInto(this.#totals, counts);
    this.#changed = true;
  }

  /** The live tick, if anything changed since the last one. */
  takeTick(): { counts: Counts; totals: Counts } | undefined {
    if (!this.#changed) return undefined;
    const tick = { counts: { ...this.#sinceTick }, totals: { ...this.#totals } };
    this.#sinceTick = Object.create(null) as Counts;
    this.#changed = false;
    return tick;
  }

  /** The counts not in the log yet (then considered logged), if any. */
  takeUnlogged(): Counts | undefined {
    if (isEmpty(this.#unlogged)) return undefined;
    const counts = { ...this.#unlogged };
    this.#unlogged = Object.create(null) as Counts;
    return counts;
  }

  /** Puts back counts whose write to the log failed. */
  restoreUnlogged(counts: Counts): void {
    addInto(this.#unlogged, counts);
  }

  /** Whether a live tick is due. */
  get livePending(): boolean {
    return this.#changed;
  }
}
