import { randomUUID } from 'node:crypto';
import {
  DEFAULT_REACTION_KINDS,
  SOCKET_EVENTS,
  ShowTimeline,
  validateIntent,
  type AnyEnvelope,
  type AnyLiveEnvelope,
  type EventInput,
  type IntentAck,
  type LiveDataMap,
  type LiveEventType,
  type ModerationResult,
  type ModerationView,
  type ServerToViewer,
  type ViewerToServer,
} from '@live-shop/protocol';
import type { Socket } from 'socket.io';
import { showNotFound } from '../errors.js';
import type { ShowRegistry } from '../show-registry.js';
import { showRoom, type RelayIo, type ViewerSocketData } from '../socket.js';
import { Chat, isStaff, type Sender } from './chat.js';
import { ViewerIds } from './identity.js';
import { Moderation } from './moderation.js';
import { MemoryModerationStore, type ModerationStore } from './moderation-store.js';
import { DEFAULT_VOTE_RATE, PollTally } from './polls.js';
import { TokenBuckets, type RateLimit } from './rate-limit.js';
import { DEFAULT_REACTION_RATE, ReactionTally } from './reactions.js';
import { Refusal, intentError, waitText } from './refusal.js';
import { Presence } from './viewers.js';
import type { ViewerCounts } from '../cluster/viewer-counts.js';
import type { AudienceTallies } from '../cluster/audience-tallies.js';
import { ClusterTally, ROLLUP_ID_PREFIX } from './cluster-tally.js';

/** Repeating timers: the real ones by default; tests pass a hand-driven one. */
export interface Intervals {
  /** Calls `callback` every `ms` until the returned function is called. */
  every(ms: number, callback: () => void): () => void;
}

/** `setInterval`, not keeping the process alive. */
export const realIntervals: Intervals = {
  every(ms, callback) {
    const timer = setInterval(callback, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};

export interface AudienceOptions {
  /** Where bans, slow mode and blocklists are kept. Default: a {@link MemoryModerationStore}. */
  moderationStore?: ModerationStore;
  /** The reaction kinds viewers may send. Default: heart, fire, clap, laugh, wow. */
  reactionKinds?: readonly string[];
  /** Chat messages per viewer. Default 5 at once, then one every 2 s. */
  chatRate?: RateLimit;
  /** Reactions per viewer. Default 20 at once, then 10 a second. */
  reactionRate?: RateLimit;
  /** Poll votes per viewer. Default 10 at once, then one a second. */
  voteRate?: RateLimit;
  /**
   * How often a show's live news goes out, in ms (one timer per show, whatever its
   * audience): a `reaction.tick` every tick when reactions came in, `poll.results` every
   * 2nd tick when votes came in, `viewers.count` every 4th when it changed. Default 250.
   */
  tickMs?: number;
  /**
   * How often reaction counts, poll tallies and the viewer count are written to the log
   * when they changed, in ms. Default 10 000; 0: never (a poll's final tally still is,
   * when it closes).
   */
  logEveryMs?: number;
  /** The timers. Default: {@link realIntervals}. */
  intervals?: Intervals;
}

export interface AudienceContext {
  io: RelayIo;
  shows: ShowRegistry;
  now: () => number;
  /** The relay's signing secret: viewer ids are keyed hashes derived from it. */
  secret: Uint8Array;
  /** Several relay processes (Redis): viewer counts summed across them (cluster/viewer-counts.ts). */
  viewerCounts?: ViewerCounts;
  /**
   * Several relay processes (Redis): reactions and poll votes counted across them
   * (cluster/audience-tallies.ts, audience/cluster-tally.ts). Without: in this process.
   */
  tallies?: AudienceTallies;
}

export const DEFAULT_TICK_MS = 250;
export const DEFAULT_LOG_EVERY_MS = 10_000;
const POLL_RESULTS_EVERY_TICKS = 2;
const VIEWERS_COUNT_EVERY_TICKS = 4;

/** The room of one viewer's sockets in one show (all their tabs). */
export function viewerRoom(show: string, viewerId: string): string {
  return `viewer:${show}:${viewerId}`;
}

/** Reactions and polls counted by this process alone. */
interface LocalTally {
  reactions: ReactionTally;
  polls: PollTally;
}

/** One show's audience: reactions, polls, presence and its timer. */
interface ShowAudience {
  show: string;
  /** One of these: counted here (one relay process), or across relays in Redis (`tallies`). */
  local: LocalTally | undefined;
  cluster: ClusterTally | undefined;
  presence: Presence;
  /** Sockets of the show, moderators and producers included. */
  sockets: number;
  ticks: number;
  stop: (() => void) | undefined;
}

type RelaySocket = Socket<ViewerToServer, ServerToViewer, Record<string, never>, ViewerSocketData>;
type AckFunction = (ack: IntentAck) => void;

/** Answers an intent's acknowledgement, if the client asked for one, with the result or the refusal. */
function answer(ack: unknown, work: () => object | Promise<object>): void {
  const reply = typeof ack === 'function' ? (ack as AckFunction) : undefined;
  const done = (result: IntentAck) => reply?.(result);
  try {
    const result = work();
    if (result instanceof Promise) {
      result.then(
        (value: object) => done({ ok: true, ...value }),
        (error: unknown) => done({ ok: false, error: intentError(error) }),
      );
    } else done({ ok: true, ...result });
  } catch (error) {
    done({ ok: false, error: intentError(error) });
  }
}

/**
 * What the audience sends and sees besides the log: viewer identities, the intents on the
 * socket (`chat.send`, `reaction.send`, `poll.vote`, `moderate`), moderation, and the
 * live envelopes (`live`: reaction ticks, viewer count, poll tallies, shadow messages).
 *
 * Create it after `attachSockets` (its handshake middleware reads what that one sets).
 */
export class Audience {
  readonly chat: Chat;
  readonly moderation: Moderation;
  readonly #io: RelayIo;
  readonly #shows: ShowRegistry;
  readonly #now: () => number;
  readonly #ids: ViewerIds;
  readonly #kinds: ReadonlySet<string>;
  readonly #reactionBuckets: TokenBuckets;
  readonly #voteBuckets: TokenBuckets;
  readonly #tickMs: number;
  readonly #logEveryTicks: number;
  readonly #intervals: Intervals;
  readonly #viewerCounts: ViewerCounts | undefined;
  readonly #tallies: AudienceTallies | undefined;
  readonly #logEveryMs: number;
  readonly #audiences = new Map<string, ShowAudience>();
  /** Ids of the events this writes to the log, until the log hands them back. */
  readonly #own = new Set<string>();
  /** Writes to the log under way, and rounds of the cluster tallies. */
  readonly #writing = new Set<Promise<unknown>>();
  #closed = false;

  constructor(context: AudienceContext, options: AudienceOptions = {}) {
    const { io, shows, now } = context;
    this.#io = io;
    this.#shows = shows;
    this.#now = now;
    this.#ids = new ViewerIds(context.secret);
    this.#kinds = new Set(options.reactionKinds ?? DEFAULT_REACTION_KINDS);
    this.#reactionBuckets = new TokenBuckets(options.reactionRate ?? DEFAULT_REACTION_RATE, now);
    this.#voteBuckets = new TokenBuckets(options.voteRate ?? DEFAULT_VOTE_RATE, now);
    this.#tickMs = options.tickMs ?? DEFAULT_TICK_MS;
    const logEveryMs = options.logEveryMs ?? DEFAULT_LOG_EVERY_MS;
    this.#logEveryTicks = logEveryMs > 0 ? Math.max(1, Math.round(logEveryMs / this.#tickMs)) : 0;
    this.#logEveryMs = this.#logEveryTicks * this.#tickMs;
    this.#intervals = options.intervals ?? realIntervals;
    this.#viewerCounts = context.viewerCounts;
    this.#tallies = context.tallies;
    this.moderation = new Moderation(options.moderationStore ?? new MemoryModerationStore(), shows, now);
    this.chat = new Chat({
      shows,
      moderation: this.moderation,
      now,
      ...(options.chatRate ? { rate: options.chatRate } : {}),
      toAuthor: (show, viewerId, envelope) => io.to(viewerRoom(show, viewerId)).emit(SOCKET_EVENTS.live, [envelope]),
    });

    if (this.#tallies) {
      shows.onEvents((show, envelopes) => this.#follow(show, envelopes));
      shows.onAppend((show, envelopes) => this.#observeShared(show, envelopes));
    } else {
      shows.onAppend((show, envelopes) => this.#observe(show, envelopes));
    }
    io.use((socket, next) => {
      const { viewerId } = (typeof socket.handshake.auth === 'object' && socket.handshake.auth !== null ? socket.handshake.auth : {}) as { viewerId?: unknown };
      socket.data.viewerId = this.#ids.forHandshake(socket.data.show, viewerId);
      next();
    });
    io.on('connection', (socket) => this.#onConnection(socket as RelaySocket));
  }

  /**
   * Applies a moderation action (`ModerationAction` in the protocol) to a show, as
   * `POST /v1/shows/:id/moderation` and the socket's `moderate` do: a {@link Refusal}
   * for an invalid action (`invalid_intent`, naming the field).
   */
  async moderate(show: string, input: unknown): Promise<ModerationResult> {
    if (!(await this.#shows.find(show))) throw showNotFound(show);
    const checked = validateIntent('moderate', input);
    if (!checked.ok) throw new Refusal(400, checked.error.code, checked.error.message, checked.error.path);
    return this.moderation.apply(show, checked.value);
  }

  /** The show's moderation settings. */
  async moderationOf(show: string): Promise<ModerationView> {
    if (!(await this.#shows.find(show))) throw showNotFound(show);
    return this.moderation.view(show);
  }

  /** Viewers watching the show now (moderators and producers not counted): on this relay, or on every relay of a Redis (`redisUrl`). */
  viewerCount(show: string): number {
    return this.#audiences.get(show)?.presence.count ?? 0;
  }

  /** Resolves once the log writes under way (reaction counts, tallies, viewer count), and the rounds of cluster tallies, are done. */
  async flushed(): Promise<void> {
    while (this.#writing.size > 0) await Promise.allSettled([...this.#writing]);
  }

  /** Stops the timers and writes what the log does not have yet (reactions, tallies, count). */
  async close(): Promise<void> {
    this.#closed = true;
    const writes: Promise<void>[] = [];
    for (const audience of this.#audiences.values()) {
      audience.stop?.();
      audience.stop = undefined;
      // Not the viewer count: closing the sockets has just made it 0, which says nothing.
      writes.push(this.#writeRollups(audience, { viewers: false, last: true }));
    }
    await Promise.all(writes);
    await this.flushed();
  }

  #audience(show: string): ShowAudience {
    let audience = this.#audiences.get(show);
    if (!audience) {
      audience = {
        show,
        ...this.#tally(show),
        presence: new Presence(this.#viewerCounts?.show(show)),
        sockets: 0,
        ticks: 0,
        stop: undefined,
      };
      this.#audiences.set(show, audience);
    }
    return audience;
  }

  /**
   * A show's tally, from the log so far, taken in this same step from the cache, so that
   * no event is counted twice or missed: later ones reach #observe (#follow).
   */
  #tally(show: string): Pick<ShowAudience, 'local' | 'cluster'> {
    if (this.#tallies) {
      // Every event, with its seq: a poll's seq is the key of its votes in Redis.
      return { local: undefined, cluster: new ClusterTally(show, this.#tallies, this.#shows.cachedAfter(show, 0) ?? []) };
    }
    const snapshot = this.#shows.snapshot(show);
    const timeline = new ShowTimeline({ audience: 'on-arrival', base: snapshot.base });
    timeline.add(snapshot.events);
    const state = timeline.stateAt(Number.POSITIVE_INFINITY);
    return { local: { reactions: new ReactionTally(state.reactions), polls: new PollTally(state.polls) }, cluster: undefined };
  }

  #onConnection(socket: RelaySocket): void {
    const { show, role } = socket.data;
    const viewerId = socket.data.viewerId ?? this.#ids.forHandshake(show, undefined);
    const sender: Sender = { show, viewerId, role };
    const audience = this.#audience(show);
    void socket.join(viewerRoom(show, viewerId));
    audience.sockets++;
    if (!isStaff(role)) audience.presence.join(viewerId);
    this.#wake(audience);
    this.#catchUp(socket, audience, sender);

    socket.on('chat.send', (input: unknown, ack: unknown) => answer(ack, () => this.chat.send(sender, input)));
    socket.on('reaction.send', (input: unknown, ack: unknown) => answer(ack, () => this.#react(audience, sender, input)));
    socket.on('poll.vote', (input: unknown, ack: unknown) => answer(ack, () => this.#vote(audience, sender, input)));
    socket.on('moderate', (input: unknown, ack: unknown) =>
      answer(ack, () => {
        if (!isStaff(role)) {
          throw new Refusal(403, 'forbidden_role', `A ${role === 'anonymous' ? 'viewer' : role} connection cannot moderate; connect with a moderator or producer token of this show.`);
        }
        return this.moderate(show, input);
      }),
    );
    socket.on('disconnect', () => {
      audience.sockets--;
      if (!isStaff(role)) audience.presence.leave(viewerId);
      this.#wake(audience);
    });
  }

  /** What a joining socket needs besides the snapshot: the live values now, and its own shadow messages. */
  #catchUp(socket: RelaySocket, audience: ShowAudience, sender: Sender): void {
    const batch: AnyLiveEnvelope[] = [];
    const { local, cluster } = audience;
    const totals = cluster ? { ...cluster.totals } : (local?.reactions.totals ?? {});
    if (Object.keys(totals).length > 0) batch.push(this.#live(audience.show, 'reaction.tick', { counts: {}, totals }));
    batch.push(this.#live(audience.show, 'viewers.count', { count: audience.presence.count }));
    const openPolls = cluster ? cluster.openResults() : (local?.polls.openResults() ?? []);
    for (const results of openPolls) batch.push(this.#live(audience.show, 'poll.results', results));
    batch.push(...this.chat.shadowMessagesOf(sender.show, sender.viewerId));
    // Not socket.emit(): with connection-state recovery on (redisUrl), that goes through the
    // Redis adapter (a copy for every relay) and its offset would replace the relay's own.
    socket.nsp.local.to(socket.id).emit(SOCKET_EVENTS.live, batch);
  }

  #react(audience: ShowAudience, sender: Sender, input: unknown): object {
    const checked = validateIntent('reaction.send', input);
    if (!checked.ok) throw new Refusal(400, checked.error.code, checked.error.message, checked.error.path);
    const { kind } = checked.value;
    if (!this.#kinds.has(kind)) {
      throw new Refusal(400, 'unknown_reaction', `"${kind}" is not a reaction of this show; send one of: ${[...this.#kinds].join(', ')}.`, 'kind');
    }
    const taken = this.#reactionBuckets.take(`${sender.show}\n${sender.viewerId}`);
    if (!taken.ok) {
      throw new Refusal(429, 'rate_limited', `You are sending reactions too fast; wait ${waitText(taken.retryAfterMs)}.`, undefined, taken.retryAfterMs);
    }
    if (audience.cluster) audience.cluster.react(kind);
    else audience.local?.reactions.add(kind);
    this.#wake(audience);
    return {};
  }

  async #vote(audience: ShowAudience, sender: Sender, input: unknown): Promise<{ optionId: string }> {
    const checked = validateIntent('poll.vote', input);
    if (!checked.ok) throw new Refusal(400, checked.error.code, checked.error.message, checked.error.path);
    const { pollId, optionId } = checked.value;
    const taken = this.#voteBuckets.take(`${sender.show}\n${sender.viewerId}`);
    if (!taken.ok) {
      throw new Refusal(429, 'rate_limited', `You are voting too fast; wait ${waitText(taken.retryAfterMs)} and vote again.`, undefined, taken.retryAfterMs);
    }
    const { cluster, local } = audience;
    if (cluster) {
      // A poll opened through another relay, whose notice has not come yet: read the log.
      if (!cluster.has(pollId)) await this.#shows.catchUp(sender.show);
      const result = await cluster.vote(sender.viewerId, pollId, optionId, this.#now());
      this.#wake(audience);
      return result;
    }
    if (!local) throw new Error('A show audience has no tally.');
    // A poll opened through another relay of a shared log: read it from the show's state.
    if (!local.polls.has(pollId)) local.polls.adopt((await this.#shows.state(sender.show)).state.polls);
    const result = local.polls.vote(sender.viewerId, pollId, optionId, this.#now());
    this.#wake(audience);
    return result;
  }

  /** Follows the log: poll events, and reaction ticks that were not written here. */
  #observe(show: string, envelopes: readonly AnyEnvelope[]): void {
    const audience = this.#audiences.get(show);
    const local = audience?.local;
    for (const envelope of envelopes) {
      if (this.#own.delete(envelope.id) || !audience || !local) continue;
      if (envelope.type === 'reaction.tick') {
        local.reactions.addLogged(envelope.data.counts);
      } else if (envelope.type === 'poll.open' || envelope.type === 'poll.close' || envelope.type === 'poll.results') {
        const final = local.polls.observe(envelope);
        // The final tally lands on the frame of the close, right after it.
        if (final) {
          this.#writeOwn(show, { type: 'poll.results', data: final, pdt: envelope.pdt }).catch(() => local.polls.restoreUnlogged(final.pollId));
        }
      } else continue;
      this.#wake(audience);
    }
  }

  /** Cluster tallies: follows every relay's events (polls opened and closed, the log's reaction ticks). */
  #follow(show: string, envelopes: readonly AnyEnvelope[]): void {
    const audience = this.#audiences.get(show);
    if (!audience?.cluster) return;
    let changed = false;
    for (const envelope of envelopes) {
      audience.cluster.observe(envelope);
      changed ||= envelope.type === 'reaction.tick' || envelope.type.startsWith('poll.');
    }
    if (changed) this.#wake(audience);
  }

  /**
   * Cluster tallies: what the events appended through this relay ask of it (the others
   * see to theirs): a `poll.close` closes the poll in Redis and writes its final counts;
   * a `poll.results` (a producer's) becomes the poll's counts on every relay.
   */
  #observeShared(show: string, envelopes: readonly AnyEnvelope[]): void {
    for (const envelope of envelopes) {
      if (this.#own.delete(envelope.id)) continue;
      if (envelope.type !== 'poll.close' && envelope.type !== 'poll.results') continue;
      // Even with no socket of the show here: no other relay does it.
      const audience = this.#audience(envelope.show);
      const cluster = audience.cluster as ClusterTally;
      const { pollId } = envelope.data;
      if (envelope.type === 'poll.results') {
        this.#track(cluster.setResults(pollId, envelope.data.counts)).catch(() => {});
      } else {
        // The final tally lands on the frame of the close, right after it.
        const written = cluster.closePoll(pollId).then(async (final) => {
          if (!final) return;
          await this.#writeOwn(show, { type: 'poll.results', data: final, pdt: envelope.pdt }).catch(() => cluster.releasePoll(pollId));
        });
        this.#track(written).catch(() => {});
      }
      this.#wake(audience);
    }
  }

  /** Starts the show's timer if it is not running. */
  #wake(audience: ShowAudience): void {
    if (audience.stop || this.#closed) return;
    audience.stop = this.#intervals.every(this.#tickMs, () => this.#tick(audience));
  }

  #tick(audience: ShowAudience): void {
    const ticks = ++audience.ticks;
    const { show, local, cluster, presence } = audience;
    const pollsDue = ticks % POLL_RESULTS_EVERY_TICKS === 0;
    const batch: AnyLiveEnvelope[] = [];
    if (local) {
      const tick = local.reactions.takeTick();
      if (tick) batch.push(this.#live(show, 'reaction.tick', tick));
      if (pollsDue) for (const results of local.polls.takeLive()) batch.push(this.#live(show, 'poll.results', results));
    }
    if (ticks % VIEWERS_COUNT_EVERY_TICKS === 0) {
      const count = presence.takeLive();
      if (count !== undefined) batch.push(this.#live(show, 'viewers.count', { count }));
    }
    this.#emitLive(show, batch);
    if (cluster) this.#round(audience, cluster, pollsDue);
    if (this.#logEveryTicks > 0 && ticks % this.#logEveryTicks === 0) void this.#track(this.#writeRollups(audience));
    // Nobody left and nothing left to send: the log gets what it lacks, and the timer stops
    // until the next connection or intent.
    const tallied = cluster ? !cluster.busy : !local?.reactions.livePending && !local?.polls.livePending;
    if (audience.sockets === 0 && tallied && !presence.livePending) {
      audience.stop?.();
      audience.stop = undefined;
      void this.#track(this.#writeRollups(audience, { last: true }));
    }
  }

  /**
   * Cluster tallies: this tick's round in Redis (this relay's reactions in, everyone's
   * out, and the polls' counts every 2nd tick); what changed goes to this relay's sockets.
   */
  #round(audience: ShowAudience, cluster: ClusterTally, withPolls: boolean): void {
    // Nobody to tell here, and nothing to add.
    if (audience.sockets === 0 && !cluster.busy) return;
    const round = cluster.round(withPolls);
    if (!round) return;
    const sent = round.then(
      (news) => {
        const batch: AnyLiveEnvelope[] = [];
        if (news.reactions) batch.push(this.#live(audience.show, 'reaction.tick', news.reactions));
        for (const results of news.polls) batch.push(this.#live(audience.show, 'poll.results', results));
        this.#emitLive(audience.show, batch);
      },
      // Redis is unreachable (its client warns): the reactions wait for the next round.
      () => {},
    );
    void this.#track(sent);
  }

  /** To this process's sockets only: every relay sends its own sockets their live news. */
  #emitLive(show: string, batch: AnyLiveEnvelope[]): void {
    if (batch.length > 0) this.#io.local.to(showRoom(show)).emit(SOCKET_EVENTS.live, batch);
  }

  /**
   * Writes the reaction counts, poll tallies and viewer count the log does not have yet.
   * With cluster tallies, the reactions and tallies of every relay: in one relay's write
   * per log period, or at once when `last` (this relay stops following the show).
   */
  async #writeRollups(audience: ShowAudience, { viewers = true, last = false } = {}): Promise<void> {
    if (this.#logEveryTicks === 0) return;
    const { show, local, cluster } = audience;
    const writes: Promise<unknown>[] = [];
    if (local) {
      const counts = local.reactions.takeUnlogged();
      if (counts) writes.push(this.#writeOwn(show, { type: 'reaction.tick', data: { counts } }).catch(() => local.reactions.restoreUnlogged(counts)));
      for (const results of local.polls.takeUnlogged()) {
        writes.push(this.#writeOwn(show, { type: 'poll.results', data: results }).catch(() => local.polls.restoreUnlogged(results.pollId)));
      }
    }
    if (cluster) writes.push(this.#writeShared(show, cluster, last));
    const count = viewers ? audience.presence.takeUnlogged() : undefined;
    if (count !== undefined) writes.push(this.#writeOwn(show, { type: 'viewers.count', data: { count } }).catch(() => audience.presence.restoreUnlogged()));
    await Promise.all(writes);
  }

  /** Cluster tallies: claims what the log lacks (see ClusterTally.claim) and writes it; gives back what failed. */
  async #writeShared(show: string, cluster: ClusterTally, last: boolean): Promise<void> {
    const period = last ? undefined : Math.floor(this.#now() / this.#logEveryMs);
    const rollup = await cluster.claim(period).catch(() => undefined);
    if (!rollup) return;
    const { reactions, polls, claim } = rollup;
    const writes: Promise<unknown>[] = [];
    if (reactions) {
      writes.push(this.#writeOwn(show, { type: 'reaction.tick', data: { counts: reactions } }).catch(() => cluster.release({ reactions, polls: [] })));
    }
    for (const [index, results] of polls.entries()) {
      const failed = { reactions: {}, polls: claim.polls.slice(index, index + 1) };
      writes.push(this.#writeOwn(show, { type: 'poll.results', data: results }).catch(() => cluster.release(failed)));
    }
    await Promise.all(writes.map((write) => write.catch(() => {})));
  }

  /** Appends an event this wrote itself (so #observe does not count it a second time). */
  #writeOwn(show: string, input: EventInput): Promise<AnyEnvelope> {
    // With cluster tallies, every relay tells the rollups in the log by their id (see ClusterTally).
    const id = this.#tallies ? `${ROLLUP_ID_PREFIX}${randomUUID()}` : randomUUID();
    this.#own.add(id);
    const written = this.#track(this.#shows.append(show, { ...input, id }));
    written.catch(() => this.#own.delete(id));
    return written;
  }

  /** Counts `work` in what {@link flushed} waits for. */
  #track<T>(work: Promise<T>): Promise<T> {
    this.#writing.add(work);
    const forget = () => this.#writing.delete(work);
    work.then(forget, forget);
    return work;
  }

  #live<T extends LiveEventType>(show: string, type: T, data: LiveDataMap[T]): AnyLiveEnvelope {
    const at = this.#now();
    const offset = this.#shows.get(show)?.pdtOffsetMs ?? 0;
    return { v: 1, id: randomUUID(), show, type, at, pdt: Math.max(0, at - offset), data } as AnyLiveEnvelope;
  }
}
