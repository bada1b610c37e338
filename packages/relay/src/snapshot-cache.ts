import { ShowTimeline, byVideoOrder, isAudienceEvent, type AnyEnvelope, type ShowState, type Snapshot } from '@live-shop/protocol';

/** A join snapshot's content: a base state and the events it does not include. */
export interface SnapshotParts {
  base: Snapshot;
  /** Every event the base does not include, in seq order. */
  events: AnyEnvelope[];
}

/**
 * One show's states, kept up to date as events are appended, so that a viewer joining
 * costs a binary search rather than a reduction of the whole log.
 *
 * The base state follows a playhead that moves forward with the clock
 * (`now − snapshotLagMs`), so the protocol's incremental {@link ShowTimeline} only applies
 * the events the playhead passed since the last join; it starts over only when an event
 * lands behind the playhead or the clock goes back.
 */
export class SnapshotCache {
  /** Every event, evaluated at the join snapshots' base pdt. */
  #base = new ShowTimeline({ audience: 'on-arrival' });
  /** Every event, evaluated at the live edge (all events applied). */
  #edge = new ShowTimeline({ audience: 'on-arrival' });
  /** The non-audience events in video order: those after the base pdt are not in a base. */
  #video: AnyEnvelope[] = [];
  #lastSeq = 0;
  #pending: { seq: number; from: number; events: AnyEnvelope[] } | undefined;
  /** Every event in seq order: what a resumed connection missed is a slice of it. */
  #bySeq: AnyEnvelope[] = [];

  /** The highest seq added. */
  get lastSeq(): number {
    return this.#lastSeq;
  }

  /** Adds appended envelopes (any order; duplicates are ignored by seq). */
  add(envelopes: readonly AnyEnvelope[]): void {
    for (const envelope of envelopes) {
      if (this.#edge.add([envelope]) === 0) continue;
      this.#base.add([envelope]);
      if (!isAudienceEvent(envelope.type)) this.#video.splice(this.#videoIndex(envelope), 0, envelope);
      this.#bySeq.splice(this.#seqIndex(envelope.seq), 0, envelope);
      if (envelope.seq > this.#lastSeq) this.#lastSeq = envelope.seq;
    }
  }

  /** The base state at `basePdt` with the events it leaves out (see protocol `includedInSnapshot`). */
  snapshot(basePdt: number): SnapshotParts {
    const state = this.#base.stateAt(basePdt);
    const from = this.#firstAfter(basePdt);
    if (!this.#pending || this.#pending.seq !== this.#lastSeq || this.#pending.from !== from) {
      const events = this.#video.slice(from).sort((a, b) => a.seq - b.seq);
      this.#pending = { seq: this.#lastSeq, from, events };
    }
    return { base: { seq: this.#lastSeq, pdt: basePdt, state }, events: this.#pending.events };
  }

  /** The state with every event applied, whatever its pdt. */
  latest(): { seq: number; state: ShowState } {
    return { seq: this.#lastSeq, state: this.#edge.stateAt(Number.POSITIVE_INFINITY) };
  }

  /** The events with seq greater than `seq`, in seq order. */
  after(seq: number): AnyEnvelope[] {
    return this.#bySeq.slice(this.#seqIndex(seq + 1));
  }

  /** Index of the first event in #bySeq with seq ≥ `seq`; appending in seq order is O(1). */
  #seqIndex(seq: number): number {
    const events = this.#bySeq;
    if (events.length === 0 || (events[events.length - 1] as AnyEnvelope).seq < seq) return events.length;
    let low = 0;
    let high = events.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((events[middle] as AnyEnvelope).seq < seq) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Where `envelope` goes in #video; appending in video order is O(1). */
  #videoIndex(envelope: AnyEnvelope): number {
    const last = this.#video[this.#video.length - 1];
    if (!last || byVideoOrder(last, envelope) <= 0) return this.#video.length;
    return this.#search((event) => byVideoOrder(event, envelope) <= 0);
  }

  /** Index of the first video event with pdt > `pdt`. */
  #firstAfter(pdt: number): number {
    return this.#search((event) => event.pdt <= pdt);
  }

  /** The first index whose event fails `before` (which holds for a prefix of #video). */
  #search(before: (event: AnyEnvelope) => boolean): number {
    let low = 0;
    let high = this.#video.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (before(this.#video[middle] as AnyEnvelope)) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
