import { ShowTimeline, type StateOptions } from '@live-shop/protocol';
import { parseEnvelopes } from './envelopes.js';
import type { ShowEventSource, SourceListener } from './source.js';

/**
 * A source you feed yourself: from your own backend, a recorded file, or a test.
 *
 * ```js
 * const source = new CustomSource({ audience: 'at-playhead' }); // replay timing
 * player.source = source;
 * source.push(envelopes); // protocol v1 envelopes, in any order
 * ```
 *
 * Envelopes are validated like the relay's: unknown types are ignored, invalid ones
 * dropped with a console warning.
 */
export class CustomSource implements ShowEventSource {
  #timeline: ShowTimeline;
  #listener: SourceListener | undefined;
  #lastSeq = 0;
  clockOffset: number | undefined;

  /** `audience: 'at-playhead'` for a replay; `base`: a snapshot to start from. */
  constructor(options: StateOptions = {}) {
    this.#timeline = new ShowTimeline(options);
  }

  get timeline(): ShowTimeline {
    return this.#timeline;
  }

  /** The highest seq pushed so far (or the base's). */
  get lastSeq(): number {
    return Math.max(this.#lastSeq, this.#timeline.base?.seq ?? 0);
  }

  /** Adds envelopes; returns how many were new. The player re-evaluates at once. */
  push(envelopes: readonly unknown[]): number {
    const { events, lastSeq } = parseEnvelopes(envelopes, this.#lastSeq);
    this.#lastSeq = lastSeq;
    const added = this.#timeline.add(events);
    if (added > 0) this.#listener?.timeline(this.#timeline);
    return added;
  }

  /** Starts over from nothing, or from a snapshot (`base`). */
  reset(options: StateOptions = { audience: this.#timeline.audience }): void {
    this.#timeline = new ShowTimeline(options);
    this.#lastSeq = 0;
    this.#listener?.timeline(this.#timeline);
  }

  start(listener: SourceListener): void {
    this.#listener = listener;
    listener.connection('connected');
    listener.timeline(this.#timeline);
  }

  stop(): void {
    this.#listener?.connection('closed');
    this.#listener = undefined;
  }
}
