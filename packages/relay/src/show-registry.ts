import { randomUUID } from 'node:crypto';
import {
  stateAt,
  validateEventInput,
  type AnyEnvelope,
  type EventInput,
  type JoinSnapshot,
  type ShowState,
} from '@live-shop/protocol';
import { RelayError, showNotFound } from './errors.js';
import { checkMuxLiveStreamId, muxLiveStreamInUse } from './mux/ids.js';
import type { AppendResult, EnvelopeDraft, EventLog } from './event-log.js';
import { SnapshotCache } from './snapshot-cache.js';
import { sameEvent } from './same-event.js';

/** A show as the relay knows it. */
export interface ShowRecord {
  id: string;
  title: string;
  /** Epoch ms. */
  createdAt: number;
  /**
   * How far the video is behind real time at the source, in ms: an event posted without a
   * `pdt` gets `pdt = at − pdtOffsetMs`.
   */
  pdtOffsetMs: number;
  /** The Mux live stream whose webhooks drive this show's status (`POST /v1/webhooks/mux`); absent when none. */
  muxLiveStreamId?: string;
}

export interface CreateShowInput {
  /** Lowercase letters, digits and "-", 1–64 characters, starting with a letter or digit; generated when absent. */
  id?: string;
  /** Defaults to the id. */
  title?: string;
  /** Defaults to 0. */
  pdtOffsetMs?: number;
  /** The Mux live stream of the show; at most one show per live stream. */
  muxLiveStreamId?: string;
}

/** What `PATCH /v1/shows/:id` may change; `muxLiveStreamId: null` unlinks the live stream. */
export interface UpdateShowInput {
  title?: string;
  pdtOffsetMs?: number;
  muxLiveStreamId?: string | null;
}

export interface AppendOptions {
  /** The receive time to stamp as `at` (epoch ms); defaults to the relay's clock. */
  now?: number;
}

/**
 * Called with each run of newly appended envelopes of one show, in seq order. With a
 * shared log (Redis), `onAppend` listeners get only the envelopes this process appended,
 * one per call; `onEvents` listeners get every relay's (see there).
 */
export type AppendListener = (show: string, envelopes: AnyEnvelope[]) => void;

export interface ShowRegistryOptions {
  log: EventLog;
  now: () => number;
  snapshotLagMs: number;
}

export const SHOW_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const MAX_TITLE_LENGTH = 300;
export const MAX_PDT_OFFSET_MS = 60 * 60 * 1000;

interface ShowEntry {
  record: ShowRecord;
  cache: SnapshotCache;
  /** Envelopes appended out of seq order (a log that resolves appends out of order) wait here. */
  waiting: Map<number, AnyEnvelope>;
  delivered: number;
  /** A shared log (Redis): the show's deliveries and catch-ups, one after the other. */
  chain?: Promise<void>;
  /** A shared log: the catch-up queued and not yet started, which later callers share. */
  pendingCatchUp?: Promise<void>;
}

function checkCreateInput(input: CreateShowInput): void {
  if (input.id !== undefined && (typeof input.id !== 'string' || !SHOW_ID_PATTERN.test(input.id))) {
    throw new RelayError(400, 'invalid_show', 'id must be 1–64 lowercase letters, digits and "-", starting with a letter or digit; pick another id or leave it out.', 'id');
  }
  if (input.title !== undefined && (typeof input.title !== 'string' || input.title.length > MAX_TITLE_LENGTH)) {
    throw new RelayError(400, 'invalid_show', `title must be text of at most ${MAX_TITLE_LENGTH} characters; shorten it or leave it out.`, 'title');
  }
  const offset = input.pdtOffsetMs;
  if (offset !== undefined && (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset > MAX_PDT_OFFSET_MS)) {
    throw new RelayError(400, 'invalid_show', `pdtOffsetMs must be a whole number of milliseconds from 0 to ${MAX_PDT_OFFSET_MS}; fix it or leave it out.`, 'pdtOffsetMs');
  }
  checkMuxLiveStreamId(input.muxLiveStreamId, false);
}

/**
 * The shows of one relay and their logs: what the HTTP routes and the sockets use, and
 * what a host process (the demo) uses directly, e.g. to seed a catalog without HTTP.
 */
export class ShowRegistry {
  readonly #log: EventLog;
  readonly #now: () => number;
  readonly #snapshotLagMs: number;
  readonly #shows = new Map<string, ShowEntry>();
  readonly #listeners = new Set<AppendListener>();
  /** Listeners of every event, whoever appended it (see {@link onEvents}). */
  readonly #followers = new Set<AppendListener>();
  /** Show id by Mux live stream id. */
  readonly #byMuxLiveStream = new Map<string, string>();
  #loading: Promise<void> | undefined;

  constructor(options: ShowRegistryOptions) {
    this.#log = options.log;
    this.#now = options.now;
    this.#snapshotLagMs = options.snapshotLagMs;
  }

  /**
   * Loads the shows the log stores (a file or Redis log; nothing for a memory log) and,
   * from a log only this process writes, their events. `createRelay` calls it; every
   * async method waits for it, so calling it is optional. Calling it again is free.
   */
  load(): Promise<void> {
    return (this.#loading ??= this.#loadStored());
  }

  /**
   * True when other relay processes append to the same log (Redis): call
   * {@link catchUp} before reading {@link snapshot}, as the sockets do.
   */
  get shared(): boolean {
    return this.#log.shared === true;
  }

  /** Creates a show; a RelayError 400 for a bad field, 409 when the id is taken. */
  async create(input: CreateShowInput = {}): Promise<ShowRecord> {
    await this.load();
    checkCreateInput(input);
    if (input.id !== undefined && this.#shows.has(input.id)) {
      throw new RelayError(409, 'show_exists', `Show "${input.id}" already exists; pick another id, or use the existing show.`, 'id');
    }
    const linked = input.muxLiveStreamId === undefined ? undefined : this.#byMuxLiveStream.get(input.muxLiveStreamId);
    if (input.muxLiveStreamId !== undefined && linked !== undefined) throw muxLiveStreamInUse(input.muxLiveStreamId, linked);
    let id = input.id;
    while (id === undefined || this.#shows.has(id)) id = randomUUID();
    const record: ShowRecord = { id, title: input.title ?? id, createdAt: this.#now(), pdtOffsetMs: input.pdtOffsetMs ?? 0 };
    if (input.muxLiveStreamId !== undefined) record.muxLiveStreamId = input.muxLiveStreamId;
    // Stored before it is used: the store also refuses an id another relay took.
    if (this.#log.createShow && !(await this.#log.createShow({ ...record }))) {
      throw new RelayError(409, 'show_exists', `Show "${id}" already exists; pick another id, or use the existing show.`, 'id');
    }
    this.#adopt(record);
    return { ...record };
  }

  /**
   * Changes a show's title, pdt offset or Mux live stream (`null` unlinks it); a RelayError
   * 400 for a bad field, 404 for an unknown show, 409 when the live stream is another show's.
   */
  async update(showId: string, input: UpdateShowInput): Promise<ShowRecord> {
    const entry = await this.#find(showId);
    const { muxLiveStreamId, ...rest } = input;
    checkCreateInput(rest);
    checkMuxLiveStreamId(muxLiveStreamId, true);
    const linked = typeof muxLiveStreamId === 'string' ? this.#byMuxLiveStream.get(muxLiveStreamId) : undefined;
    if (typeof muxLiveStreamId === 'string' && linked !== undefined && linked !== showId) throw muxLiveStreamInUse(muxLiveStreamId, linked);
    await this.#storeUpdate(entry.record, input);
    const record = entry.record;
    if (rest.title !== undefined) record.title = rest.title;
    if (rest.pdtOffsetMs !== undefined) record.pdtOffsetMs = rest.pdtOffsetMs;
    if (muxLiveStreamId !== undefined) {
      if (record.muxLiveStreamId !== undefined) this.#byMuxLiveStream.delete(record.muxLiveStreamId);
      if (muxLiveStreamId === null) delete record.muxLiveStreamId;
      else {
        record.muxLiveStreamId = muxLiveStreamId;
        this.#byMuxLiveStream.set(muxLiveStreamId, showId);
      }
    }
    return { ...record };
  }

  /** The show linked to a Mux live stream, or undefined. */
  findByMuxLiveStream(liveStreamId: string): ShowRecord | undefined {
    const showId = this.#byMuxLiveStream.get(liveStreamId);
    return showId === undefined ? undefined : this.get(showId);
  }

  /**
   * The show, or undefined: like {@link get}, and with a shared log (Redis) it also finds
   * a show that another relay created, and reads the latest version of its record.
   */
  async find(id: string): Promise<ShowRecord | undefined> {
    const entry = await this.#lookup(id);
    return entry ? { ...entry.record } : undefined;
  }

  /** The show, or undefined, among the shows this process has loaded (see {@link find}). */
  get(id: string): ShowRecord | undefined {
    const entry = this.#shows.get(id);
    return entry ? { ...entry.record } : undefined;
  }

  /** Validates, stamps and appends an event, then broadcasts it; returns its envelope. */
  async append(showId: string, input: EventInput, options: AppendOptions = {}): Promise<AnyEnvelope> {
    return (await this.submit(showId, input, options)).envelope;
  }

  /**
   * Like {@link append}, and says whether the event is new: an input whose `id` is already
   * in the log returns the stored envelope with `created: false` and is not broadcast
   * again (a retry), unless it differs from the stored one (a RelayError 409).
   */
  async submit(showId: string, input: EventInput, options: AppendOptions = {}): Promise<AppendResult> {
    const entry = await this.#find(showId);
    const checked = validateEventInput(input);
    if (!checked.ok) throw new RelayError(400, checked.error.code, checked.error.message, checked.error.path);
    const event = checked.value;
    const at = options.now ?? this.#now();
    const draft = {
      v: 1,
      id: event.id ?? randomUUID(),
      show: showId,
      type: event.type,
      at,
      pdt: event.pdt ?? Math.max(0, at - entry.record.pdtOffsetMs),
      data: event.data,
    } as EnvelopeDraft;
    const result = await this.#log.append(draft);
    if (result.created && this.shared) await this.#deliverShared(entry, result.envelope);
    else if (result.created) this.#deliver(entry, result.envelope);
    else if (!sameEvent(result.envelope, event)) {
      throw new RelayError(409, 'event_id_conflict', `Event id "${event.id ?? ''}" is already used by a different event; use a new id for a new event.`, 'id');
    }
    return result;
  }

  /**
   * What a viewer receives on join: a base a little before the live edge and the events
   * after it, from this process's cache. With a shared log (Redis), `await catchUp(show)`
   * first, so that the cache holds what other relays appended.
   */
  snapshot(showId: string): JoinSnapshot {
    const entry = this.#entry(showId);
    const now = this.#now();
    const { base, events } = entry.cache.snapshot(now - this.#snapshotLagMs);
    return { show: showId, serverTime: now, seq: base.seq, base, events };
  }

  /**
   * The show's state with the playhead at `at` (a pdt), or with every event applied when
   * `at` is undefined. Audience events (chat, reactions) count on arrival.
   */
  async state(showId: string, at?: number): Promise<{ seq: number; state: ShowState }> {
    const entry = await this.#find(showId);
    if (at === undefined) {
      if (this.shared) await this.#catchUp(entry);
      return entry.cache.latest();
    }
    const events = await this.#log.all(showId);
    return { seq: events[events.length - 1]?.seq ?? 0, state: stateAt(events, at, { audience: 'on-arrival' }) };
  }

  /** The show's envelopes with seq greater than `after`, in seq order. */
  async eventsAfter(showId: string, after = 0): Promise<AnyEnvelope[]> {
    await this.#find(showId);
    return this.#log.after(showId, after);
  }

  /**
   * With a shared log (Redis): reads the events other relays appended since this process
   * last looked into the show's cache, so that {@link snapshot} includes them. Concurrent
   * calls share one read. Resolves at once with a log only this process writes.
   */
  async catchUp(showId: string): Promise<void> {
    const entry = await this.#find(showId);
    if (this.shared) await this.#catchUp(entry);
  }

  /** Calls `listener` with every run of new envelopes, in seq order; returns an unsubscribe function. */
  onAppend(listener: AppendListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Calls `listener` with every run of envelopes this process's cache takes in, in seq
   * order, each once: like {@link onAppend} with a log only this process writes; with a
   * shared log (Redis), the events of every relay, as this one learns of them (its own
   * appends, the log's append notices, catch-ups). A listener is called in the same step
   * as the cache grows, so a {@link snapshot} taken at any moment plus the later calls
   * hold every event exactly once: this is what the sockets broadcast to a relay's own
   * viewers. Returns an unsubscribe function.
   */
  onEvents(listener: AppendListener): () => void {
    this.#followers.add(listener);
    return () => this.#followers.delete(listener);
  }

  /**
   * The show's cached events with seq greater than `after`, in seq order (synchronous; see
   * {@link onEvents}); undefined when the cache does not reach `after` (an unknown show, or
   * a seq this process has not seen).
   */
  cachedAfter(showId: string, after: number): AnyEnvelope[] | undefined {
    const entry = this.#shows.get(showId);
    if (!entry || after > entry.delivered) return undefined;
    return entry.cache.after(after);
  }

  #entry(showId: string): ShowEntry {
    const entry = this.#shows.get(showId);
    if (!entry) throw showNotFound(showId);
    return entry;
  }

  /** The show's entry after loading, or a 404 RelayError (see {@link find}). */
  async #find(showId: string): Promise<ShowEntry> {
    const entry = await this.#lookup(showId);
    if (!entry) throw showNotFound(showId);
    return entry;
  }

  async #lookup(showId: string): Promise<ShowEntry | undefined> {
    await this.load();
    const entry = this.#shows.get(showId);
    // A shared store: another relay may have created or changed the show.
    if (!this.shared || !this.#log.getShow || !SHOW_ID_PATTERN.test(showId)) return entry;
    const record = await this.#log.getShow(showId);
    return record ? this.#adopt(record) : entry;
  }

  async #loadStored(): Promise<void> {
    // Before anything is read, so that no append after a read goes unnoticed.
    if (this.shared && this.#log.watch) {
      await this.#log.watch({
        appended: (show, seq) => {
          const entry = this.#shows.get(show);
          if (entry && seq > entry.delivered) this.#catchUp(entry).catch(() => {});
        },
        // Only the shows this process has read (their chain started): the others are read on their first catch-up.
        resync: () => {
          for (const entry of this.#shows.values()) if (entry.chain) this.#catchUp(entry).catch(() => {});
        },
      });
    }
    for (const record of (await this.#log.listShows?.()) ?? []) {
      const entry = this.#adopt(record);
      // A shared log is read by the first catch-up instead.
      if (this.shared) continue;
      const events = await this.#log.all(record.id);
      entry.cache.add(events);
      entry.delivered = events[events.length - 1]?.seq ?? 0;
    }
  }

  /** Makes `record` the show's record (a new entry, or an update of the loaded one) and indexes it. */
  #adopt(record: ShowRecord): ShowEntry {
    let entry = this.#shows.get(record.id);
    if (!entry) {
      entry = { record: { ...record }, cache: new SnapshotCache(), waiting: new Map(), delivered: 0 };
      this.#shows.set(record.id, entry);
    } else {
      if (entry.record.muxLiveStreamId !== undefined && this.#byMuxLiveStream.get(entry.record.muxLiveStreamId) === record.id) {
        this.#byMuxLiveStream.delete(entry.record.muxLiveStreamId);
      }
      for (const key of Object.keys(entry.record)) if (!(key in record)) delete (entry.record as unknown as Record<string, unknown>)[key];
      Object.assign(entry.record, record);
    }
    if (entry.record.muxLiveStreamId !== undefined) this.#byMuxLiveStream.set(entry.record.muxLiveStreamId, record.id);
    return entry;
  }

  /** Stores the record `input` makes of `current` (a log with show records), before it changes in memory. */
  async #storeUpdate(current: ShowRecord, input: UpdateShowInput): Promise<void> {
    if (!this.#log.updateShow) return;
    const next: ShowRecord = { ...current };
    if (input.title !== undefined) next.title = input.title;
    if (input.pdtOffsetMs !== undefined) next.pdtOffsetMs = input.pdtOffsetMs;
    if (input.muxLiveStreamId === null) delete next.muxLiveStreamId;
    else if (input.muxLiveStreamId !== undefined) next.muxLiveStreamId = input.muxLiveStreamId;
    await this.#log.updateShow(next);
  }

  /** Runs `task` after the show's earlier shared-log tasks. */
  #serial(entry: ShowEntry, task: () => Promise<void>): Promise<void> {
    const run = (entry.chain ?? Promise.resolve()).then(task);
    entry.chain = run.catch(() => {});
    return run;
  }

  #catchUp(entry: ShowEntry): Promise<void> {
    // A catch-up that has not started yet reads after every caller's call: share it.
    return (entry.pendingCatchUp ??= this.#serial(entry, () => {
      entry.pendingCatchUp = undefined;
      return this.#readLog(entry);
    }));
  }

  /** Adds the events after the cache's last one, read from the log, to the cache. */
  async #readLog(entry: ShowEntry): Promise<void> {
    const run: AnyEnvelope[] = [];
    for (const event of await this.#log.after(entry.record.id, entry.delivered)) {
      if (event.seq !== entry.delivered + run.length + 1) break;
      run.push(event);
    }
    if (run.length === 0) return;
    entry.cache.add(run);
    entry.delivered += run.length;
    for (const listener of this.#followers) listener(entry.record.id, run);
  }

  // A shared log (Redis): other relays append to the show too. This relay's onAppend
  // listeners get only the events it appended, one at a time in the order they were stored
  // here; the cache and the onEvents listeners get every event once, in seq order: a gap
  // before an event of ours is filled from the log (and an event a catch-up already read
  // is not delivered again).
  #deliverShared(entry: ShowEntry, envelope: AnyEnvelope): Promise<void> {
    return this.#serial(entry, async () => {
      if (envelope.seq === entry.delivered + 1) {
        entry.cache.add([envelope]);
        entry.delivered = envelope.seq;
        for (const listener of this.#followers) listener(entry.record.id, [envelope]);
      } else if (envelope.seq > entry.delivered) {
        // Stored already: when the log cannot be read now, the next catch-up fills the cache.
        await this.#readLog(entry).catch(() => {});
      }
      for (const listener of this.#listeners) listener(entry.record.id, [envelope]);
    });
  }

  // Envelopes reach the cache and the listeners in seq order, in the same synchronous step,
  // so a viewer that joins between two appends misses nothing and gets nothing twice.
  #deliver(entry: ShowEntry, envelope: AnyEnvelope): void {
    entry.waiting.set(envelope.seq, envelope);
    const run: AnyEnvelope[] = [];
    for (let next = entry.waiting.get(entry.delivered + 1); next; next = entry.waiting.get(entry.delivered + 1)) {
      entry.waiting.delete(next.seq);
      entry.delivered = next.seq;
      run.push(next);
    }
    if (run.length === 0) return;
    entry.cache.add(run);
    for (const listener of this.#listeners) listener(entry.record.id, run);
    for (const listener of this.#followers) listener(entry.record.id, run);
  }
}
