/** A token bucket: `capacity` actions at once, then one more every `intervalMs`. */
export interface RateLimit {
  capacity: number;
  intervalMs: number;
}

export type Taken = { ok: true } | { ok: false; retryAfterMs: number };

interface Bucket {
  tokens: number;
  at: number;
}

/** Sweep idle buckets once the map holds this many. */
const SWEEP_AT = 4096;

/**
 * Token buckets by key (a viewer id), on the relay's clock. A bucket that has refilled is
 * forgotten, so memory follows the viewers who are active, not all who ever were.
 */
export class TokenBuckets {
  readonly #limit: RateLimit;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();
  #sweepAt = SWEEP_AT;

  constructor(limit: RateLimit, now: () => number) {
    if (!(limit.capacity >= 1) || !(limit.intervalMs > 0)) throw new Error('A rate limit needs capacity ≥ 1 and intervalMs > 0.');
    this.#limit = limit;
    this.#now = now;
  }

  /** Takes a token from `key`'s bucket, or says how long until one is back. */
  take(key: string): Taken {
    const now = this.#now();
    const bucket = this.#refilled(this.#buckets.get(key), now);
    if (bucket.tokens < 1) return { ok: false, retryAfterMs: Math.max(1, Math.ceil((1 - bucket.tokens) * this.#limit.intervalMs)) };
    bucket.tokens -= 1;
    this.#buckets.set(key, bucket);
    if (this.#buckets.size >= this.#sweepAt) this.#sweep(now);
    return { ok: true };
  }

  #refilled(bucket: Bucket | undefined, now: number): Bucket {
    const { capacity, intervalMs } = this.#limit;
    if (!bucket) return { tokens: capacity, at: now };
    const elapsed = Math.max(0, now - bucket.at);
    return { tokens: Math.min(capacity, bucket.tokens + elapsed / intervalMs), at: now };
  }

  #sweep(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (this.#refilled(bucket, now).tokens >= this.#limit.capacity) this.#buckets.delete(key);
    }
    this.#sweepAt = Math.max(SWEEP_AT, this.#buckets.size * 2);
  }
}
