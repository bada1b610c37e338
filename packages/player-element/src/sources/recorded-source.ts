import { ShowTimeline } from '@live-shop/protocol';
import { playerError } from '../errors.js';
import { parseEnvelopes } from './envelopes.js';
import { refusal, REPLAY_REFUSALS } from './intents.js';
import type { AudienceIntents, ChatAck, ReactionAck, ShowEventSource, SourceListener, VoteAck } from './source.js';

/**
 * A recorded show for replay: the whole log, fetched once from
 * `GET {server}/v1/shows/:id/events`. Every event, chat included, follows the playhead
 * (a replay has no "now").
 *
 * A replay has no audience to join: `chat`, `react` and `vote` resolve with a refusal
 * (`not_live`) whose message says so, and nothing is sent.
 */
export class RecordedSource implements ShowEventSource, AudienceIntents {
  readonly #url: string;
  #timeline: ShowTimeline | undefined;
  #abort: AbortController | undefined;
  readonly clockOffset = undefined;
  /** A replay has no live audience news: its reactions, tallies and counts are in the log. */
  readonly liveState = undefined;

  constructor(server: string, show: string) {
    this.#url = new URL(`/v1/shows/${encodeURIComponent(show)}/events`, server).href;
  }

  get timeline(): ShowTimeline | undefined {
    return this.#timeline;
  }

  chat(): Promise<ChatAck> {
    return Promise.resolve(refusal('not_live', REPLAY_REFUSALS['chat.send']));
  }

  react(): Promise<ReactionAck> {
    return Promise.resolve(refusal('not_live', REPLAY_REFUSALS['reaction.send']));
  }

  vote(): Promise<VoteAck> {
    return Promise.resolve(refusal('not_live', REPLAY_REFUSALS['poll.vote']));
  }

  start(listener: SourceListener): void {
    this.stop();
    const abort = new AbortController();
    this.#abort = abort;
    if (this.#timeline) {
      listener.connection('connected');
      listener.timeline(this.#timeline);
      return;
    }
    listener.connection('connecting');
    void this.#load(listener, abort.signal);
  }

  stop(): void {
    this.#abort?.abort();
    this.#abort = undefined;
  }

  async #load(listener: SourceListener, signal: AbortSignal): Promise<void> {
    try {
      const response = await fetch(this.#url, { signal, headers: { accept: 'application/json' } });
      if (!response.ok) {
        listener.connection('closed');
        listener.error(playerError(response.status === 404 ? 'show-not-found' : 'replay-unavailable'));
        return;
      }
      const body = (await response.json()) as { events?: unknown } | unknown[];
      const { events } = parseEnvelopes(Array.isArray(body) ? body : body.events);
      const timeline = new ShowTimeline({ audience: 'at-playhead' });
      timeline.add(events);
      this.#timeline = timeline;
      listener.connection('connected');
      listener.timeline(timeline);
    } catch (error) {
      if (signal.aborted) return;
      console.warn(`[live-shop] Could not load ${this.#url}:`, error);
      listener.connection('closed');
      listener.error(playerError('replay-unavailable'));
    }
  }
}
