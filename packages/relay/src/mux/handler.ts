import { RelayError } from '../errors.js';
import type { ShowRegistry } from '../show-registry.js';
import { decideMuxEvent, parseIsoTime, readMuxSignal, type MuxWebhookEvent } from './events.js';

/** What became of a verified delivery; the body of the 200 answer (Mux shows it in its dashboard). */
export type MuxOutcome =
  | { received: true; outcome: 'appended'; show: string; seq: number; type: string; status: string }
  | { received: true; outcome: 'duplicate'; show: string; seq?: number }
  | { received: true; outcome: 'ignored'; reason: string; show?: string };

/** How many disconnect times are remembered (one per live stream, oldest forgotten first). */
const MAX_REMEMBERED_DISCONNECTS = 10_000;

/**
 * Turns verified Mux webhook events into `show.status` events of the show linked to the
 * live stream (`muxLiveStreamId`). Events of one show are handled one at a time, so that
 * reading the show's status and appending are one step; the envelope id is the Mux event
 * id, so a second delivery of an event appends nothing.
 */
export class MuxWebhookHandler {
  readonly #shows: ShowRegistry;
  readonly #now: () => number;
  /** Per show, the tail of the chain of events being handled. */
  readonly #queues = new Map<string, Promise<unknown>>();
  /** Live stream id → when Mux saw its encoder disconnect (epoch ms), until it reconnects. */
  readonly #disconnects = new Map<string, number>();

  constructor(shows: ShowRegistry, now: () => number) {
    this.#shows = shows;
    this.#now = now;
  }

  async handle(event: MuxWebhookEvent): Promise<MuxOutcome> {
    const at = this.#now();
    const signal = readMuxSignal(event);
    if (signal.kind === 'ignore') return { received: true, outcome: 'ignored', reason: signal.reason };
    const eventTime = Math.min(parseIsoTime(event.created_at) ?? at, at);
    // Remembered whatever the show, so that a show linked during the reconnect window still
    // gets its end stamped right.
    if (signal.kind === 'disconnected') this.#rememberDisconnect(signal.liveStreamId, eventTime);
    if (signal.kind === 'connected' || signal.kind === 'active') this.#disconnects.delete(signal.liveStreamId);

    // The stored shows (file or Redis log) are indexed once loaded.
    await this.#shows.load();
    const show = this.#shows.findByMuxLiveStream(signal.liveStreamId);
    if (!show) return { received: true, outcome: 'ignored', reason: `no show is linked to Mux live stream ${signal.liveStreamId}` };

    return this.#inOrder(show.id, async () => {
      const { state } = await this.#shows.state(show.id);
      const disconnectedAt = this.#disconnects.get(signal.liveStreamId);
      const decision = decideMuxEvent(event, signal, { status: state.status, eventTime, ...(disconnectedAt !== undefined ? { disconnectedAt } : {}) });
      if (decision.action === 'ignore') return { received: true, outcome: 'ignored', reason: decision.reason, show: show.id } as const;
      if (decision.action === 'retry') throw new RelayError(409, 'show_still_live', `Show "${show.id}": ${decision.reason}.`);
      if (signal.kind === 'idle') this.#disconnects.delete(signal.liveStreamId);
      try {
        const { envelope, created } = await this.#shows.submit(show.id, decision.input, { now: at });
        if (!created) return { received: true, outcome: 'duplicate', show: show.id, seq: envelope.seq } as const;
        return { received: true, outcome: 'appended', show: show.id, seq: envelope.seq, type: envelope.type, status: decision.input.data.status } as const;
      } catch (error) {
        // The same Mux event id, stored with other fields (e.g. the show's pdtOffsetMs changed
        // between two deliveries): still the same event, already in the log.
        if (error instanceof RelayError && error.code === 'event_id_conflict') return { received: true, outcome: 'duplicate', show: show.id } as const;
        throw error;
      }
    });
  }

  #rememberDisconnect(liveStreamId: string, time: number): void {
    this.#disconnects.delete(liveStreamId);
    this.#disconnects.set(liveStreamId, time);
    if (this.#disconnects.size > MAX_REMEMBERED_DISCONNECTS) {
      const oldest = this.#disconnects.keys().next().value;
      if (oldest !== undefined) this.#disconnects.delete(oldest);
    }
  }

  #inOrder<T>(showId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(showId) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.#queues.set(showId, tail);
    void tail.then(() => {
      if (this.#queues.get(showId) === tail) this.#queues.delete(showId);
    });
    return result;
  }
}
