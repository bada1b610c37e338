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
}

export interface CreateShowInput {
  /** Lowercase letters, digits and "-", 1–64 characters, starting with a letter or digit; generated when absent. */
  id?: string;
  /** Defaults to the id. */
  title?: string;
  /** Defaults to 0. */
  pdtOffsetMs?: number;
}

export interface AppendOptions {
  /** The receive time to stamp as `at` (epoch ms); defaults to the relay's clock. */
  now?: number;
}

/** Called with each run of newly appended envelopes of one show, in seq order. */
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

  constructor(options: ShowRegistryOptions) {
    this.#log = options.log;
    this.#now = options.now;
    this.#snapshotLagMs = options.snapshotLagMs;
  }

  /** Creates a show; a RelayError 400 for a bad field, 409 when the id is taken. */
  async create(input: CreateShowInput = {}): Promise<ShowRecord> {
    checkCreateInput(input);
    if (input.id !== undefined && this.#shows.has(input.id)) {
      throw new RelayError(409, 'show_exists', `Show "${input.id}" already exists; pick another id, or use the existing show.`, 'id');
    }
    let id = input.id;
    while (id === undefined || this.#shows.has(id)) id = randomUUID();
    const record: ShowRecord = { id, title: input.title ?? id, createdAt: this.#now(), pdtOffsetMs: input.pdtOffsetMs ?? 0 };
    this.#shows.set(id, { record, cache: new SnapshotCache(), waiting: new Map(), delivered: 0 });
    return { ...record };
  }

  /** The show, or undefined. */
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
    const entry = this.#entry(showId);
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
    if (result.created) this.#deliver(entry, result.envelope);
    else if (!sameEvent(result.envelope, event)) {
      throw new RelayError(409, 'event_id_conflict', `Event id "${event.id ?? ''}" is already used by a different event; use a new id for a new event.`, 'id');
    }
    return result;
  }

  /** What a viewer receives on join: a base a little before the live edge and the events after it. */
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
    const entry = this.#entry(showId);
    if (at === undefined) return entry.cache.latest();
    const events = await this.#log.all(showId);
    return { seq: events[events.length - 1]?.seq ?? 0, state: stateAt(events, at, { audience: 'on-arrival' }) };
  }

  /** The show's envelopes with seq greater than `after`, in seq order. */
  async eventsAfter(showId: string, after = 0): Promise<AnyEnvelope[]> {
    this.#entry(showId);
    return this.#log.after(showId, after);
  }

  /** Calls `listener` with every run of new envelopes, in seq order; returns an unsubscribe function. */
  onAppend(listener: AppendListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #entry(showId: string): ShowEntry {
    const entry = this.#shows.get(showId);
    if (!entry) throw showNotFound(showId);
    return entry;
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
  }
}
