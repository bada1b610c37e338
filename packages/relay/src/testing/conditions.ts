// Test support: wait for a condition on something that changes, checked after every
// change (no polling, no sleeps), with a deadline and a message that says what was seen.

export class Conditions {
  readonly #waiters = new Set<() => void>();

  /** Resolves when `test()` holds; rejects after `timeoutMs` with `failure()` as the message. */
  until(test: () => boolean, failure: () => string, timeoutMs: number): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!test()) return;
        clearTimeout(timer);
        this.#waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(new Error(failure()));
      }, timeoutMs);
      this.#waiters.add(check);
    });
  }

  /** Call after every change of what the conditions look at. */
  changed(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }
}
