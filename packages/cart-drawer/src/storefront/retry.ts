/**
 * Trying a store request again: which failures are worth another try, how long to wait
 * (exponential backoff with jitter, or the store's Retry-After), and when to stop.
 */

export interface RetryOptions {
  /** Tries in all, the first included; default 4. */
  attempts?: number;
  /** About how long the first retry waits, in ms; each next wait doubles. Default 300. */
  baseDelayMs?: number;
  /** The longest single wait, in ms (a longer Retry-After gives up instead). Default 4000. */
  maxDelayMs?: number;
  /** Stop trying once this long has passed since the first try, in ms. Default 10000. */
  budgetMs?: number;
  /**
   * How long one try may take before it is abandoned, in ms; default 8000. Cart changes
   * ignore it (they are abandoned only when the budget is spent): a change abandoned while
   * the store is still working on it may yet be applied, after a retry was sent.
   */
  attemptTimeoutMs?: number;
}

export const defaultRetry: Readonly<Required<RetryOptions>> = Object.freeze({
  attempts: 4,
  baseDelayMs: 300,
  maxDelayMs: 4000,
  budgetMs: 10_000,
  attemptTimeoutMs: 8000,
});

export type StoreFailureKind = 'throttled' | 'server' | 'network';

/**
 * A failure that another try may get past: the store throttled the request (429 or a
 * THROTTLED error), failed (5xx), or could not be reached (network error, timeout).
 * `reachedStore` says whether the store may have acted on the request before it failed:
 * false for throttling (refused before anything ran), true for a 5xx or a lost answer.
 */
export class StoreFailure extends Error {
  override readonly name = 'StoreFailure';
  readonly kind: StoreFailureKind;
  readonly reachedStore: boolean;
  /** How long the store asked to wait (Retry-After), in ms. */
  readonly retryAfterMs: number | undefined;

  constructor(kind: StoreFailureKind, message: string, options: { reachedStore: boolean; retryAfterMs?: number | undefined; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.reachedStore = options.reachedStore;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * The wait before retry number `retry` (1 for the first retry): `baseDelayMs` × 2^(retry−1),
 * at most `maxDelayMs`, of which a random half is dropped ("equal jitter"), so that many
 * viewers throttled at the same moment do not all come back at the same moment.
 */
export function backoffDelay(retry: number, options: Pick<Required<RetryOptions>, 'baseDelayMs' | 'maxDelayMs'>, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

/** A Retry-After header (seconds, or an HTTP date) in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export interface RetryClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: RetryClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Runs `attempt` until it resolves. A `StoreFailure` is tried again after a backoff (or the
 * store's Retry-After, when longer) while tries and time are left; then `giveUp(lastFailure)`
 * is thrown. Anything else thrown by `attempt` is thrown at once. Each try gets a signal
 * that aborts when the try has taken `attemptTimeoutMs` or the budget is spent.
 */
export async function withRetry<T>(
  attempt: (signal: AbortSignal, tryNumber: number) => Promise<T>,
  options: Required<RetryOptions>,
  giveUp: (failure: StoreFailure) => Error,
  clock: RetryClock = realClock,
): Promise<T> {
  const started = clock.now();
  for (let tryNumber = 1; ; tryNumber += 1) {
    const left = options.budgetMs - (clock.now() - started);
    const signal = AbortSignal.timeout(Math.max(1, Math.ceil(Math.min(options.attemptTimeoutMs, left))));
    let failure: StoreFailure;
    try {
      return await attempt(signal, tryNumber);
    } catch (error) {
      if (!(error instanceof StoreFailure)) throw error;
      failure = error;
    }
    const wait = Math.max(backoffDelay(tryNumber, options), failure.retryAfterMs ?? 0);
    const elapsed = clock.now() - started;
    if (tryNumber >= options.attempts || wait > options.maxDelayMs || elapsed + wait >= options.budgetMs) throw giveUp(failure);
    await clock.sleep(wait);
  }
}
