import { emptyLiveState, ShowTimeline, type LiveState, type StateOptions } from '@live-shop/protocol';
import { parseEnvelopes } from './envelopes.js';
import { checkIntent, refusal, UNSUPPORTED_REFUSALS } from './intents.js';
import { applyLive } from './live-envelopes.js';
import type { AudienceIntents, ChatAck, ReactionAck, ShowEventSource, SourceListener, VoteAck } from './source.js';

export interface CustomSourceOptions extends StateOptions {
  /**
   * Where the viewer's chat messages, reactions and votes go (your backend). Each intent
   * is checked first with the protocol's rules (text trimmed, 1–500 characters…); one
   * without a handler is refused with `unsupported`.
   */
  intents?: Partial<AudienceIntents> | undefined;
}

/**
 * A source you feed yourself: from your own backend, a recorded file, or a test.
 *
 * ```js
 * const source = new CustomSource({ audience: 'at-playhead' }); // replay timing
 * player.source = source;
 * source.push(envelopes); // protocol v1 envelopes, in any order
 * source.pushLive(liveEnvelopes); // reaction ticks, viewer count, poll tallies
 * ```
 *
 * Envelopes are validated like the relay's: unknown types are ignored, invalid ones
 * dropped with a console warning. What the viewer sends (`chat`, `react`, `vote`) goes to
 * `options.intents`, or is refused when there is no handler for it.
 */
export class CustomSource implements ShowEventSource, AudienceIntents {
  #timeline: ShowTimeline;
  #listener: SourceListener | undefined;
  #lastSeq = 0;
  #live: LiveState = emptyLiveState;
  readonly #intents: Partial<AudienceIntents>;
  clockOffset: number | undefined;

  /** `audience: 'at-playhead'` for a replay; `base`: a snapshot to start from; `intents`: where the viewer's intents go. */
  constructor(options: CustomSourceOptions = {}) {
    const { intents = {}, ...stateOptions } = options;
    this.#timeline = new ShowTimeline(stateOptions);
    this.#intents = intents;
  }

  get timeline(): ShowTimeline {
    return this.#timeline;
  }

  get liveState(): LiveState {
    return this.#live;
  }

  /**
   * Adds live envelopes (`{v, id, show, type, at, pdt, data}` without seq: `reaction.tick`,
   * `viewers.count`, `poll.results`, a shadow `chat.message`); they apply on arrival.
   * Returns how many were applied.
   */
  pushLive(envelopes: readonly unknown[]): number {
    const applied = applyLive(this.#live, envelopes);
    if (applied.envelopes.length === 0) return 0;
    this.#live = applied.state;
    this.#listener?.live?.(applied.state, applied.envelopes);
    return applied.envelopes.length;
  }

  async chat(text: string, name: string): Promise<ChatAck> {
    const checked = checkIntent('chat.send', { text, name });
    if (!checked.ok) return { ok: false, error: checked.error };
    const handler = this.#intents.chat;
    if (!handler) return refusal('unsupported', UNSUPPORTED_REFUSALS['chat.send']);
    const intent = checked.value as { text: string; name: string };
    return handler(intent.text, intent.name);
  }

  async react(kind: string): Promise<ReactionAck> {
    const checked = checkIntent('reaction.send', { kind });
    if (!checked.ok) return { ok: false, error: checked.error };
    const handler = this.#intents.react;
    return handler ? handler(kind) : refusal('unsupported', UNSUPPORTED_REFUSALS['reaction.send']);
  }

  async vote(pollId: string, optionId: string): Promise<VoteAck> {
    const checked = checkIntent('poll.vote', { pollId, optionId });
    if (!checked.ok) return { ok: false, error: checked.error };
    const handler = this.#intents.vote;
    return handler ? handler(pollId, optionId) : refusal('unsupported', UNSUPPORTED_REFUSALS['poll.vote']);
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

  /** Starts over from nothing, or from a snapshot (`base`); the live state starts over too. */
  reset(options: StateOptions = { audience: this.#timeline.audience }): void {
    this.#timeline = new ShowTimeline(options);
    this.#lastSeq = 0;
    this.#live = emptyLiveState;
    this.#listener?.timeline(this.#timeline);
    this.#listener?.live?.(this.#live, []);
  }

  start(listener: SourceListener): void {
    this.#listener = listener;
    listener.connection('connected');
    listener.timeline(this.#timeline);
    if (this.#live !== emptyLiveState) listener.live?.(this.#live, []);
  }

  stop(): void {
    this.#listener?.connection('closed');
    this.#listener = undefined;
  }
}
