import type { AnyEnvelope } from './envelope.js';
import { isAudienceEvent } from './events.js';
import { initialState, reduce, type ShowState } from './state.js';

/**
 * How audience events (chat, reactions, viewer count) are timed. Live they are shown on
 * arrival; in a replay they follow the playhead like everything else.
 */
export type AudienceTiming = 'on-arrival' | 'at-playhead';

/**
 * A state computed by the relay at (seq, pdt): it includes every event with
 * seq ≤ snapshot.seq whose pdt ≤ snapshot.pdt, and every audience event with
 * seq ≤ snapshot.seq. A viewer joining gets a snapshot from a little before the live
 * edge plus the events it does not include, so it can show the right state whatever its
 * latency without downloading the whole log.
 */
export interface Snapshot {
  seq: number;
  pdt: number;
  state: ShowState;
}

export interface StateOptions {
  audience?: AudienceTiming;
  base?: Snapshot;
}

const AUDIENCE_KEYS = ['chat', 'reactions', 'viewers'] as const satisfies readonly (keyof ShowState)[];

/** True when the snapshot already includes the event. */
export function includedInSnapshot(snapshot: Snapshot, event: AnyEnvelope): boolean {
  return event.seq <= snapshot.seq && (isAudienceEvent(event.type) || event.pdt <= snapshot.pdt);
}

/** Video order: by program date time, then by sequence for events on the same frame. */
export function byVideoOrder(a: AnyEnvelope, b: AnyEnvelope): number {
  return a.pdt - b.pdt || a.seq - b.seq;
}

function mergeAudience(video: ShowState, audience: ShowState): ShowState {
  if (AUDIENCE_KEYS.every((key) => video[key] === audience[key])) return video;
  return { ...video, chat: audience.chat, reactions: audience.reactions, viewers: audience.viewers };
}

/**
 * The state a viewer sees with the playhead at `playheadPdt`: a pure function of the
 * log. Events apply in video order (pdt, then seq); duplicates (same seq) count once;
 * events later than the playhead are not yet applied.
 */
export function stateAt(events: readonly AnyEnvelope[], playheadPdt: number, options: StateOptions = {}): ShowState {
  const timeline = new ShowTimeline(options);
  timeline.add(events);
  return timeline.stateAt(playheadPdt);
}

/**
 * The events of one show, kept in video order, evaluated incrementally as the playhead
 * moves forward (the common case: a live or replay playhead advancing frame by frame) and
 * recomputed from the base when it moves back or an event lands behind it. Always equal
 * to {@link stateAt} over the same events.
 */
export class ShowTimeline {
  readonly audience: AudienceTiming;
  readonly base: Snapshot | undefined;
  #video: AnyEnvelope[] = [];
  #audienceEvents: AnyEnvelope[] = [];
  #seen = new Set<number>();
  #lastSeq: number;
  // Incremental evaluation of the video events.
  #cursor = 0;
  #cursorPdt = Number.NEGATIVE_INFINITY;
  #videoState: ShowState;
  // Incremental evaluation of the audience events (on-arrival timing).
  #audienceCursor = 0;
  #audienceState: ShowState;
  #combined: ShowState | undefined;

  constructor(options: StateOptions = {}) {
    this.audience = options.audience ?? 'on-arrival';
    this.base = options.base;
    this.#lastSeq = options.base?.seq ?? 0;
    this.#videoState = this.#audienceState = options.base?.state ?? initialState;
  }

  /** The highest sequence number held, or the base's. */
  get lastSeq(): number {
    return this.#lastSeq;
  }

  /** Every event held, in video order (audience events by seq after them). */
  get events(): readonly AnyEnvelope[] {
    return [...this.#video, ...this.#audienceEvents];
  }

  /**
   * Adds events; duplicates and events the base already includes are ignored. Returns
   * how many were new.
   */
  add(events: Iterable<AnyEnvelope>): number {
    let added = 0;
    for (const event of events) {
      if (this.#seen.has(event.seq) || (this.base && includedInSnapshot(this.base, event))) continue;
      this.#seen.add(event.seq);
      if (event.seq > this.#lastSeq) this.#lastSeq = event.seq;
      added++;
      if (this.audience === 'on-arrival' && isAudienceEvent(event.type)) {
        const index = insertionIndex(this.#audienceEvents, event, (a, b) => a.seq - b.seq);
        this.#audienceEvents.splice(index, 0, event);
        if (index < this.#audienceCursor) this.#resetAudience();
      } else {
        const index = insertionIndex(this.#video, event, byVideoOrder);
        this.#video.splice(index, 0, event);
        if (index < this.#cursor) this.#resetVideo();
      }
    }
    if (added > 0) this.#combined = undefined;
    return added;
  }

  /** The state at a playhead; the same object is returned while nothing changes. */
  stateAt(playheadPdt: number): ShowState {
    if (playheadPdt < this.#cursorPdt) this.#resetVideo();
    let changed = this.#combined === undefined;
    while (this.#cursor < this.#video.length) {
      const next = this.#video[this.#cursor] as AnyEnvelope;
      if (next.pdt > playheadPdt) break;
      this.#videoState = reduce(this.#videoState, next);
      this.#cursor++;
      changed = true;
    }
    this.#cursorPdt = playheadPdt;
    while (this.#audienceCursor < this.#audienceEvents.length) {
      this.#audienceState = reduce(this.#audienceState, this.#audienceEvents[this.#audienceCursor] as AnyEnvelope);
      this.#audienceCursor++;
      changed = true;
    }
    if (changed || !this.#combined) {
      this.#combined = this.audience === 'on-arrival' ? mergeAudience(this.#videoState, this.#audienceState) : this.#videoState;
    }
    return this.#combined;
  }

  /** The pdt of the first event still waiting for the playhead, if any. */
  nextPendingPdt(playheadPdt: number): number | undefined {
    const start = playheadPdt >= this.#cursorPdt ? this.#cursor : 0;
    for (let index = start; index < this.#video.length; index++) {
      const event = this.#video[index] as AnyEnvelope;
      if (event.pdt > playheadPdt) return event.pdt;
    }
    return undefined;
  }

  #resetVideo(): void {
    this.#cursor = 0;
    this.#cursorPdt = Number.NEGATIVE_INFINITY;
    this.#videoState = this.base?.state ?? initialState;
    this.#combined = undefined;
  }

  #resetAudience(): void {
    this.#audienceCursor = 0;
    this.#audienceState = this.base?.state ?? initialState;
    this.#combined = undefined;
  }
}

/** Index at which `item` keeps `list` sorted (after equal items); appending is O(1). */
function insertionIndex<T>(list: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  const last = list[list.length - 1];
  if (last === undefined || compare(last, item) <= 0) return list.length;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(list[middle] as T, item) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
