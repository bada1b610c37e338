import {
  clockOffset,
  emptyLiveState,
  ShowTimeline,
  SOCKET_EVENTS,
  VIEWER_ID,
  type IntentAck,
  type JoinSnapshot,
  type LiveState,
  type ServerToViewer,
  type ViewerToServer,
} from '@live-shop/protocol';
import { io, type Socket } from 'socket.io-client';
import { playerError } from '../errors.js';
import { parseEnvelopes } from './envelopes.js';
import { INTENT_TIMEOUT_MS, refusal, sendIntent, type ViewerIntentName } from './intents.js';
import { applyLive } from './live-envelopes.js';
import type { AudienceIntents, ChatAck, ConnectionStatus, ReactionAck, ShowEventSource, SourceListener, VoteAck } from './source.js';
import { isClaimedViewerId, persistentViewerId, type ViewerIdStorage } from './viewer-id.js';

const SYNC_TIMEOUT_MS = 5_000;
/** Failed attempts in a row before viewers are told; socket.io keeps retrying anyway. */
const FAILURES_BEFORE_ERROR = 3;

export interface RelaySourceOptions {
  /** The relay's origin, e.g. "https://shop.example.com". */
  server: string;
  show: string;
  /** A viewer token, when the show needs one. */
  token?: string | undefined;
  /** How long to wait for the relay's answer to `sync` before taking its fresh snapshot instead. */
  syncTimeoutMs?: number | undefined;
  /**
   * The id this viewer claims (`auth.viewerId`: 8–128 letters, digits, `_`, `-`), so a
   * reload or another tab is the same viewer for votes, limits and bans. Default: a random
   * id kept in `storage` under `live-shop:viewer-id`.
   */
  viewerId?: string | undefined;
  /** Where the default viewer id is kept. Default: `localStorage` (the page's lifetime where it is blocked). */
  storage?: ViewerIdStorage | undefined;
  /** How long `chat`, `react` and `vote` wait for the relay's acknowledgement (default 10 s). */
  intentTimeoutMs?: number | undefined;
}

function isJoinSnapshot(value: unknown): value is JoinSnapshot {
  const snapshot = value as Partial<JoinSnapshot> | null;
  const state = snapshot?.base?.state;
  return (
    typeof snapshot?.seq === 'number' &&
    typeof snapshot.serverTime === 'number' &&
    typeof snapshot.base?.seq === 'number' &&
    typeof snapshot.base.pdt === 'number' &&
    Array.isArray(state?.highlights) &&
    Array.isArray(state.products) &&
    Array.isArray(snapshot.events)
  );
}

/**
 * The live source: a socket.io connection to the relay. On join the relay sends a
 * snapshot (the state a little before the live edge plus the events it does not
 * include), then every new event in seq order.
 *
 * After a reconnect the timeline is kept and the events missed meanwhile are fetched with
 * `sync` (so a viewer who rewinds still has the whole show); if that fails, the fresh
 * join snapshot replaces the timeline. A gap in seq also triggers a `sync`.
 *
 * The audience side: the socket's `live` envelopes (reaction ticks, viewer count, poll
 * tallies, the viewer's own shadow-banned messages) are folded into `liveState` and
 * passed to `listener.live`; `chat`, `react` and `vote` send the viewer's intents and
 * resolve with the relay's acknowledgement. The handshake claims a viewer id kept in
 * localStorage, so a reload is the same viewer.
 */
export class RelaySource implements ShowEventSource, AudienceIntents {
  readonly #options: RelaySourceOptions;
  #socket: Socket<ServerToViewer, ViewerToServer> | undefined;
  #listener: SourceListener | undefined;
  #timeline: ShowTimeline | undefined;
  #live: LiveState = emptyLiveState;
  #lastSeq = 0;
  #connectStartedAt = 0;
  #failures = 0;
  #clockOffset: number | undefined;
  #authorId: string | undefined;
  #viewerId: string | undefined;
  /** After a `rate_limited` reaction: no reaction is sent before this time (epoch ms). */
  #reactionsPausedUntil = 0;

  constructor(options: RelaySourceOptions) {
    this.#options = options;
  }

  get timeline(): ShowTimeline | undefined {
    return this.#timeline;
  }

  get liveState(): LiveState {
    return this.#live;
  }

  /** The id this browser claims as a viewer (not the one the relay publishes: that is a hash of it). */
  get viewerId(): string {
    if (this.#viewerId === undefined) {
      const given = this.#options.viewerId;
      if (given !== undefined && !isClaimedViewerId(given)) {
        console.warn(`[live-shop] Ignored viewerId "${given}": use 8–128 letters, digits, "_" or "-"; a stored id is used instead.`);
      }
      this.#viewerId = given !== undefined && isClaimedViewerId(given) ? given : persistentViewerId(this.#options.storage);
    }
    return this.#viewerId;
  }

  chat(text: string, name: string): Promise<ChatAck> {
    return this.#send<{ messageId: string }>('chat.send', { text, name });
  }

  /**
   * Sends one reaction. The relay takes one reaction per intent (no counts), and counts
   * them into one `reaction.tick` per show every 250 ms, so a tap costs one small frame;
   * after a `rate_limited` answer, taps are refused here until `retryAfterMs` has passed
   * instead of being sent to be refused again.
   */
  async react(kind: string): Promise<ReactionAck> {
    const wait = this.#reactionsPausedUntil - Date.now();
    if (wait > 0) {
      return refusal('rate_limited', `You are sending reactions too fast; wait ${Math.ceil(wait / 1000)} s.`, { retryAfterMs: wait });
    }
    const ack = await this.#send<object>('reaction.send', { kind });
    if (!ack.ok && ack.error.code === 'rate_limited' && ack.error.retryAfterMs !== undefined) {
      this.#reactionsPausedUntil = Date.now() + ack.error.retryAfterMs;
    }
    return ack;
  }

  vote(pollId: string, optionId: string): Promise<VoteAck> {
    return this.#send<{ optionId: string }>('poll.vote', { pollId, optionId });
  }

  #send<T extends object>(name: ViewerIntentName, input: object): Promise<IntentAck<T>> {
    // The typed socket knows each intent's payload; the input is checked by sendIntent.
    return sendIntent<T>(this.#socket as Socket | undefined, name, input, this.#options.intentTimeoutMs ?? INTENT_TIMEOUT_MS);
  }

  get clockOffset(): number | undefined {
    return this.#clockOffset;
  }

  get authorId(): string | undefined {
    return this.#authorId;
  }

  start(listener: SourceListener): void {
    this.stop();
    this.#listener = listener;
    this.#status('connecting');
    if (this.#timeline) listener.timeline(this.#timeline);
    if (this.#live !== emptyLiveState) listener.live?.(this.#live, []);
    const { server, show, token } = this.#options;
    // The origin only: socket.io would read a path as a namespace. (`location` is absent
    // outside a page, where `server` must then be absolute.)
    const socket: Socket<ServerToViewer, ViewerToServer> = io(new URL(server, globalThis.location?.href).origin, {
      auth: token === undefined ? { show, viewerId: this.viewerId } : { show, token, viewerId: this.viewerId },
    });
    this.#connectStartedAt = Date.now();
    socket.io.on('reconnect_attempt', () => {
      this.#connectStartedAt = Date.now();
    });
    socket.on('connect', () => {
      this.#failures = 0;
      // A recovered connection (socket.io connection-state recovery across relays) gets
      // the missed events and no new snapshot: it is connected as it is.
      if (socket.recovered) this.#status('connected');
    });
    socket.on('connect_error', (error) => this.#onConnectError(socket, error));
    socket.on('disconnect', (reason) => {
      // A disconnect the server asked for is final; socket.io retries every other kind.
      if (reason === 'io server disconnect') this.#fail('relay-refused', `the relay closed the connection`);
      else if (reason !== 'io client disconnect') this.#status('reconnecting');
    });
    socket.on(SOCKET_EVENTS.snapshot, (snapshot) => void this.#onSnapshot(snapshot));
    socket.on(SOCKET_EVENTS.events, (envelopes) => this.#onEvents(envelopes));
    socket.on(SOCKET_EVENTS.live, (envelopes) => this.#onLive(envelopes));
    socket.on(SOCKET_EVENTS.problem, (problem) => {
      console.warn(`[live-shop] The relay reported a problem (${problem.code}): ${problem.message}`);
      this.#listener?.error({ code: problem.code, message: playerError('relay-refused').message });
    });
    this.#socket = socket;
  }

  stop(): void {
    this.#socket?.disconnect();
    this.#socket?.removeAllListeners();
    this.#socket?.io.removeAllListeners();
    this.#socket = undefined;
    if (this.#listener) this.#status('closed');
    this.#listener = undefined;
  }

  async #onSnapshot(snapshot: unknown): Promise<void> {
    const receivedAt = Date.now();
    if (!isJoinSnapshot(snapshot)) {
      console.warn('[live-shop] Ignored a malformed join snapshot from the relay.');
      return;
    }
    this.#clockOffset = clockOffset(this.#connectStartedAt, snapshot.serverTime, receivedAt);
    // Only an id the relay could have made is kept.
    if (typeof snapshot.authorId === 'string' && VIEWER_ID.test(snapshot.authorId)) this.#authorId = snapshot.authorId;
    // A reconnect: keep the history and ask only for what was missed.
    if (!this.#timeline || !(await this.#sync())) this.#adopt(snapshot);
    this.#status('connected');
  }

  #adopt(snapshot: JoinSnapshot): void {
    const batch = parseEnvelopes(snapshot.events, Math.max(snapshot.seq, snapshot.base.seq));
    const timeline = new ShowTimeline({ audience: 'on-arrival', base: snapshot.base });
    timeline.add(batch.events);
    this.#timeline = timeline;
    this.#lastSeq = batch.lastSeq;
    this.#listener?.timeline(timeline);
  }

  /**
   * Live values are absolute or keyed, so the state is kept across reconnects: the relay
   * sends the current ones again on join, and applying one twice changes nothing.
   */
  #onLive(input: unknown): void {
    const { state, envelopes } = applyLive(this.#live, input);
    if (envelopes.length === 0) return;
    this.#live = state;
    this.#listener?.live?.(state, envelopes);
  }

  #onEvents(envelopes: unknown): void {
    const previousSeq = this.#lastSeq;
    const batch = parseEnvelopes(envelopes, previousSeq);
    this.#lastSeq = batch.lastSeq;
    if (this.#timeline && this.#timeline.add(batch.events) > 0) this.#listener?.timeline(this.#timeline);
    if (this.#timeline && batch.firstSeq > previousSeq + 1 && Number.isFinite(batch.firstSeq)) void this.#sync(previousSeq);
  }

  /** Fetches the events after `after` (default: the last one held); false if the relay did not answer. */
  async #sync(after = this.#lastSeq): Promise<boolean> {
    const socket = this.#socket;
    if (!socket) return false;
    try {
      const envelopes: unknown = await socket.timeout(this.#options.syncTimeoutMs ?? SYNC_TIMEOUT_MS).emitWithAck(SOCKET_EVENTS.sync, { after });
      if (socket !== this.#socket || !this.#timeline) return false;
      const batch = parseEnvelopes(envelopes, this.#lastSeq);
      this.#lastSeq = batch.lastSeq;
      if (this.#timeline.add(batch.events) > 0) this.#listener?.timeline(this.#timeline);
      return Array.isArray(envelopes);
    } catch {
      return false;
    }
  }

  #onConnectError(socket: Socket, error: Error): void {
    // Not `active`: the relay refused the handshake (unknown show, bad token); retrying cannot help.
    if (!socket.active) {
      this.#fail('relay-refused', error.message);
      return;
    }
    this.#status('reconnecting');
    this.#failures++;
    if (this.#failures === FAILURES_BEFORE_ERROR) {
      console.warn(`[live-shop] Cannot reach the relay at ${this.#options.server}: ${error.message}`);
      this.#listener?.error(playerError('relay-unreachable'));
    }
  }

  #fail(code: 'relay-refused', reason: string): void {
    console.warn(`[live-shop] The relay refused show "${this.#options.show}": ${reason}`);
    this.#status('closed');
    this.#listener?.error(playerError(code));
  }

  #status(status: ConnectionStatus): void {
    this.#listener?.connection(status);
  }
}
