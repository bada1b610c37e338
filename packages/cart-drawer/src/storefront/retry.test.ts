import { describe, expect, test } from 'vitest';
import { backoffDelay, defaultRetry, parseRetryAfter, StoreFailure, withRetry, type RetryClock } from './retry.js';

/** A clock whose sleeps pass at once and are written down. */
function fakeClock(): RetryClock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

const giveUp = (failure: StoreFailure) => new Error(`gave up after ${failure.kind}`);
const throttled = (retryAfterMs?: number) => new StoreFailure('throttled', 'Throttled', { reachedStore: false, retryAfterMs });

describe('backoffDelay', () => {
  test('doubles each retry, keeps at least half, and stops at the ceiling', () => {
    const options = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, options, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, options, () => 1))).toEqual([100, 200, 400, 800, 1000]);
  });
});

describe('parseRetryAfter', () => {
  test('reads seconds and HTTP dates; anything else is nothing', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter('1.5')).toBe(1500);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:03 GMT', 1000)).toBe(2000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:03 GMT', 9000)).toBe(0);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('withRetry', () => {
  const options = { ...defaultRetry, attempts: 4, baseDelayMs: 100, maxDelayMs: 1000, budgetMs: 10_000 };

  test('tries again after a StoreFailure until the attempt works', async () => {
    const clock = fakeClock();
    let tries = 0;
    const result = await withRetry(
      async () => {
        tries += 1;
        if (tries < 3) throw throttled();
        return 'ok';
      },
      options,
      giveUp,
      clock,
    );
    expect(result).toBe('ok');
    expect(tries).toBe(3);
    expect(clock.slept).toHaveLength(2);
    expect(clock.slept[0]).toBeGreaterThanOrEqual(50);
    expect(clock.slept[1]).toBeGreaterThanOrEqual(100);
  });

  test('waits as long as Retry-After asks when that is longer than the backoff', async () => {
    const clock = fakeClock();
    let tries = 0;
    await withRetry(async () => (tries++ === 0 ? Promise.reject(throttled(700)) : 'ok'), options, giveUp, clock);
    expect(clock.slept).toEqual([700]);
  });

  test('gives up after the last attempt, or when the wait would pass the budget or the longest wait', async () => {
    const always = async () => Promise.reject(new StoreFailure('server', '502', { reachedStore: true }));
    const clock = fakeClock();
    await expect(withRetry(always, options, giveUp, clock)).rejects.toThrow('gave up after server');
    expect(clock.slept).toHaveLength(3); // 4 attempts

    const tight = fakeClock();
    await expect(withRetry(always, { ...options, budgetMs: 120 }, giveUp, tight)).rejects.toThrow('gave up');
    expect(tight.slept.length).toBeLessThanOrEqual(1);

    const patient = fakeClock();
    await expect(withRetry(async () => Promise.reject(throttled(5000)), options, giveUp, patient)).rejects.toThrow('gave up after throttled');
    expect(patient.slept).toEqual([]);
  });

  test('anything but a StoreFailure is not tried again', async () => {
    let tries = 0;
    await expect(
      withRetry(
        async () => {
          tries += 1;
          throw new TypeError('a bug');
        },
        options,
        giveUp,
        fakeClock(),
      ),
    ).rejects.toThrow('a bug');
    expect(tries).toBe(1);
  });

  test('each attempt gets a signal that aborts when it takes too long', async () => {
    const signals: AbortSignal[] = [];
    await withRetry(
      async (signal) => {
        signals.push(signal);
        await new Promise((resolve) => setTimeout(resolve, 30));
        return 'late';
      },
      { ...options, attemptTimeoutMs: 5 },
      giveUp,
    );
    expect(signals[0]?.aborted).toBe(true);
  });
});
