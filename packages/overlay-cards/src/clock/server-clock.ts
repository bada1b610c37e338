import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The relay's clock now: this browser's clock plus the offset learned at join (see protocol's clockOffset). */
export function serverNow(serverOffset: number | undefined): number {
  return Date.now() + (Number.isFinite(serverOffset) ? (serverOffset as number) : 0);
}

/**
 * Milliseconds from `now` to the next moment at which `target − now` is a whole number of
 * seconds: waking then, a countdown to `target` changes its digits exactly on time.
 * `target` 0 aligns to the clock's own seconds. Never 0, so a caller cannot spin.
 */
export function msToNextSecond(now: number, target = 0): number {
  const phase = (((target - now) % 1000) + 1000) % 1000;
  return phase === 0 ? 1000 : phase;
}

// setTimeout fires at once for a delay past 2^31 − 1 ms (about 24.8 days).
const MAX_DELAY = 2_147_483_647;

interface ClockHost extends ReactiveControllerHost, HTMLElement {
  serverOffset: number | undefined;
}

/**
 * One timer per element, for everything that changes with time on it (a countdown, a
 * confirmation that goes away). After every update the host says when, on the relay's
 * clock, it next looks different (`nextChange`), and the controller sets a single timer
 * for then; none runs while the element is disconnected, or when nothing is due.
 *
 * The host calls `read()` once at the start of each update (in `willUpdate`), so a render
 * never uses the time of an earlier tick, and every part of one update agrees on the time.
 */
export class ServerClock implements ReactiveController {
  readonly #host: ClockHost;
  readonly #nextChange: (now: number) => number | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #now = 0;

  constructor(host: ClockHost, nextChange: (now: number) => number | undefined) {
    this.#host = host;
    this.#nextChange = nextChange;
    host.addController(this);
  }

  /** Reads the relay's clock for this update and returns it (also kept as `now`). */
  read(): number {
    this.#now = serverNow(this.#host.serverOffset);
    return this.#now;
  }

  /** The relay's time at the last `read()`. */
  get now(): number {
    return this.#now;
  }

  hostConnected(): void {
    // Back in the page after a pause: the time moved on while no timer ran.
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#stop();
  }

  hostUpdated(): void {
    this.#stop();
    if (!this.#host.isConnected) return;
    const next = this.#nextChange(this.#now);
    if (next === undefined) return;
    const delay = Math.min(Math.max(0, next - serverNow(this.#host.serverOffset)), MAX_DELAY);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#host.requestUpdate();
    }, delay);
  }

  #stop(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
