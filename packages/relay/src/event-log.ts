import type { AnyEnvelope } from '@live-shop/protocol';
import type { ShowRecord } from './show-registry.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An envelope before the log gives it its place: everything but `seq`. */
export type EnvelopeDraft = DistributiveOmit<AnyEnvelope, 'seq'>;

/** What {@link EventLog.append} did: appended a new envelope, or found one with the same id. */
export interface AppendResult {
  envelope: AnyEnvelope;
  /** False when the show's log already held an event with this id (an idempotent retry). */
  created: boolean;
}

/**
 * The append-only, per-show store of envelopes. The in-memory log is for tests; the
 * file-backed log (`FileEventLog`) is the embedded default that survives a restart, and
 * the Redis Streams log (`RedisEventLog`) is shared by several relay processes. The file
 * and Redis logs also store the show records (the optional show methods).
 *
 * Implementations guarantee, per show: `seq` starts at 1 and has no gaps, even under
 * concurrent appends; an event id is stored at most once; reads return envelopes in seq
 * order.
 */
export interface EventLog {
  /**
   * Appends the draft with the next seq, unless the show's log already holds an event
   * with `draft.id`: then nothing is written and that event is returned with
   * `created: false`.
   */
  append(draft: EnvelopeDraft): Promise<AppendResult>;
  /** The show's envelopes with seq greater than `seq`, in seq order. */
  after(show: string, seq: number): Promise<AnyEnvelope[]>;
  /** All of the show's envelopes, in seq order. */
  all(show: string): Promise<AnyEnvelope[]>;
  /** The highest seq of the show (0 when its log is empty). */
  lastSeq(show: string): Promise<number>;
  /** Releases what the log holds open (files, connections). */
  close(): Promise<void>;

  /**
   * True when other relay processes append to the same log (Redis): a registry then reads
   * their events from the log before it serves a snapshot or a state. Default false.
   */
  readonly shared?: boolean;
  /**
   * Stores a new show record durably; false, writing nothing, when the id is taken.
   * A log without the show methods leaves show records in memory (they are lost on exit).
   */
  createShow?(record: ShowRecord): Promise<boolean>;
  /** Stores a changed show record (the whole record). */
  updateShow?(record: ShowRecord): Promise<void>;
  /** A stored show record, or undefined. */
  getShow?(id: string): Promise<ShowRecord | undefined>;
  /** Every stored show record: the registry loads them (and their events) at startup. */
  listShows?(): Promise<ShowRecord[]>;
  /**
   * A shared log: tells this process about appends by any process, so that each relay
   * can deliver every event to its own viewers. Resolves, with a function that stops the
   * watch, once notices flow (appends after that are noticed).
   */
  watch?(watcher: AppendWatcher): Promise<() => void>;
}

/** What {@link EventLog.watch} calls. */
export interface AppendWatcher {
  /** An event was appended to the show, taking `seq`. Per show in seq order; a notice may be late, or lost (see `resync`). */
  appended(show: string, seq: number): void;
  /** Notices may have been lost (the connection to the store dropped and came back): read every show's log after its last seq. */
  resync(): void;
}

interface ShowLog {
  /** events[i] has seq i + 1. */
  events: AnyEnvelope[];
  byId: Map<string, AnyEnvelope>;
}

/** An {@link EventLog} in process memory: fast, and gone when the process exits. */
export class MemoryEventLog implements EventLog {
  #shows = new Map<string, ShowLog>();

  #log(show: string): ShowLog {
    let log = this.#shows.get(show);
    if (!log) {
      log = { events: [], byId: new Map() };
      this.#shows.set(show, log);
    }
    return log;
  }

  // Synchronous inside: concurrent calls cannot interleave, so seq stays gapless.
  async append(draft: EnvelopeDraft): Promise<AppendResult> {
    const log = this.#log(draft.show);
    const existing = log.byId.get(draft.id);
    if (existing) return { envelope: existing, created: false };
    const { v, id, show, type, at, pdt, data } = draft;
    // Keys in the protocol's order, so stored and sent JSON reads as documented.
    const envelope = Object.freeze({ v, id, show, seq: log.events.length + 1, type, at, pdt, data }) as AnyEnvelope;
    log.events.push(envelope);
    log.byId.set(envelope.id, envelope);
    return { envelope, created: true };
  }

  async after(show: string, seq: number): Promise<AnyEnvelope[]> {
    return this.#shows.get(show)?.events.slice(Math.max(0, seq)) ?? [];
  }

  async all(show: string): Promise<AnyEnvelope[]> {
    return this.after(show, 0);
  }

  async lastSeq(show: string): Promise<number> {
    return this.#shows.get(show)?.events.length ?? 0;
  }

  async close(): Promise<void> {}
}
