import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnyEnvelope } from '@live-shop/protocol';
import type { AppendResult, EnvelopeDraft, EventLog } from '../event-log.js';
import { SHOW_ID_PATTERN, type ShowRecord } from '../show-registry.js';
import { checkShowId, readShowRecord, showRecordJson } from './records.js';
import { acquireLock } from './file-lock.js';
import { GroupCommitFile } from './group-commit-file.js';
import { loadJsonLines } from './json-lines.js';

export interface FileEventLogOptions {
  /** The data directory; created when missing. One relay process at a time may use it. */
  dir: string;
  /**
   * Told about what loading repaired (an unfinished line left by a crash). Default:
   * `process.emitWarning`.
   */
  onWarning?: (message: string) => void;
}

interface ShowFile {
  /** The durable envelopes: events[i] has seq i + 1. */
  events: AnyEnvelope[];
  byId: Map<string, AnyEnvelope>;
  /** Numbered but not yet on disk, by id: a retry of one waits for it. */
  inFlight: Map<string, { envelope: AnyEnvelope; done: Promise<void> }>;
  nextSeq: number;
  file: GroupCommitFile<AnyEnvelope>;
}

const SHOWS_FILE = 'shows.jsonl';
const EVENTS_DIR = 'events';
const LOCK_FILE = 'relay.lock';
const EVENTS_SUFFIX = '.jsonl';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A loader of one show's lines: each must be an envelope of the show with the next seq and a new id. */
function envelopeReader(show: string): (value: unknown, index: number) => AnyEnvelope | undefined {
  const ids = new Set<string>();
  return (value, index) => {
    if (!isObject(value)) return undefined;
    const { v, id, seq, type, at, pdt } = value;
    const valid =
      v === 1 &&
      typeof id === 'string' &&
      !ids.has(id) &&
      value.show === show &&
      seq === index + 1 &&
      typeof type === 'string' &&
      Number.isFinite(at) &&
      Number.isFinite(pdt) &&
      'data' in value;
    if (!valid) return undefined;
    ids.add(id);
    return Object.freeze(value) as unknown as AnyEnvelope;
  };
}

/**
 * An {@link EventLog} in a data directory: the relay's embedded default that survives a
 * restart. It also keeps the show records (see `createShow`, `listShows`).
 *
 * - `<dir>/events/<show>.jsonl`: the show's envelopes, one JSON line each, in seq order;
 * - `<dir>/shows.jsonl`: the show records, one JSON line each;
 * - `<dir>/relay.lock`: the pid of the process using the directory.
 *
 * An append resolves only once its line is written and fsynced. Appends that arrive while
 * a write is in flight share the next write and fsync (group commit), so throughput does
 * not stop at one event per fsync. Reads see acknowledged events only. Loading indexes
 * every event id (idempotency survives a restart) and cuts off an unfinished last line
 * left by a crash. Everything is also held in memory, as the snapshot cache holds it anyway.
 */
export class FileEventLog implements EventLog {
  readonly dir: string;
  readonly #warn: (message: string) => void;
  readonly #showFiles = new Map<string, ShowFile>();
  readonly #records = new Map<string, ShowRecord>();
  readonly #creating = new Set<string>();
  #recordsFile: GroupCommitFile<ShowRecord> | undefined;
  #opening: Promise<void> | undefined;
  #unlock: (() => Promise<void>) | undefined;
  #closing: Promise<void> | undefined;

  constructor(options: FileEventLogOptions) {
    this.dir = options.dir;
    this.#warn = options.onWarning ?? ((message) => process.emitWarning(message, 'LiveShopRelayWarning'));
  }

  /** Loads the directory (done by the first call of any method; calling it again is free). */
  open(): Promise<void> {
    return (this.#opening ??= this.#load());
  }

  /** How many write+fsync rounds the show's log has made since it was opened (group commit). */
  batches(show: string): number {
    return this.#showFiles.get(show)?.file.batches ?? 0;
  }

  async #load(): Promise<void> {
    const eventsDir = join(this.dir, EVENTS_DIR);
    await mkdir(eventsDir, { recursive: true });
    this.#unlock = await acquireLock(join(this.dir, LOCK_FILE));
    try {
      const showsPath = join(this.dir, SHOWS_FILE);
      const shows = await loadJsonLines(showsPath, readShowRecord, this.#warn);
      // A record's later lines are its updates: the last one wins.
      for (const record of shows.items) this.#records.set(record.id, record);
      this.#recordsFile = new GroupCommitFile<ShowRecord>(showsPath, shows.size, {
        committed: (records) => {
          for (const record of records) {
            this.#records.set(record.id, record);
            this.#creating.delete(record.id);
          }
        },
        failed: (records) => {
          for (const record of records) if (!this.#records.has(record.id)) this.#creating.delete(record.id);
        },
      });
      for (const name of await readdir(eventsDir)) {
        const show = name.slice(0, -EVENTS_SUFFIX.length);
        if (!name.endsWith(EVENTS_SUFFIX) || !SHOW_ID_PATTERN.test(show)) continue;
        const path = join(eventsDir, name);
        const { items, size } = await loadJsonLines(path, envelopeReader(show), this.#warn);
        this.#showFiles.set(show, this.#newShowFile(path, items, size));
      }
    } catch (error) {
      await this.#unlock();
      this.#unlock = undefined;
      throw error;
    }
  }

  #newShowFile(path: string, events: AnyEnvelope[], size: number): ShowFile {
    const show: ShowFile = {
      events,
      byId: new Map(events.map((event) => [event.id, event])),
      inFlight: new Map(),
      nextSeq: events.length + 1,
      file: new GroupCommitFile<AnyEnvelope>(path, size, {
        committed: (envelopes) => {
          for (const envelope of envelopes) {
            show.events.push(envelope);
            show.byId.set(envelope.id, envelope);
            show.inFlight.delete(envelope.id);
          }
        },
        failed: (envelopes) => {
          for (const envelope of envelopes) show.inFlight.delete(envelope.id);
          show.nextSeq = show.events.length + 1;
        },
      }),
    };
    return show;
  }

  async #ready(): Promise<void> {
    if (this.#closing) throw new Error('The event log is closed; the relay is shutting down.');
    await this.open();
  }

  #showFile(show: string): ShowFile {
    let file = this.#showFiles.get(show);
    if (!file) {
      checkShowId(show);
      file = this.#newShowFile(join(this.dir, EVENTS_DIR, `${show}${EVENTS_SUFFIX}`), [], 0);
      this.#showFiles.set(show, file);
    }
    return file;
  }

  async append(draft: EnvelopeDraft): Promise<AppendResult> {
    await this.#ready();
    const log = this.#showFile(draft.show);
    const stored = log.byId.get(draft.id);
    if (stored) return { envelope: stored, created: false };
    const inFlight = log.inFlight.get(draft.id);
    if (inFlight) {
      await inFlight.done;
      return { envelope: inFlight.envelope, created: false };
    }
    const { v, id, show, type, at, pdt, data } = draft;
    // Keys in the protocol's order, so stored and sent JSON reads as documented.
    const envelope = Object.freeze({ v, id, show, seq: log.nextSeq++, type, at, pdt, data }) as AnyEnvelope;
    const done = log.file.append(envelope, `${JSON.stringify(envelope)}\n`);
    log.inFlight.set(id, { envelope, done });
    await done;
    return { envelope, created: true };
  }

  async after(show: string, seq: number): Promise<AnyEnvelope[]> {
    await this.#ready();
    return this.#showFiles.get(show)?.events.slice(Math.max(0, seq)) ?? [];
  }

  async all(show: string): Promise<AnyEnvelope[]> {
    return this.after(show, 0);
  }

  async lastSeq(show: string): Promise<number> {
    await this.#ready();
    return this.#showFiles.get(show)?.events.length ?? 0;
  }

  async createShow(record: ShowRecord): Promise<boolean> {
    await this.#ready();
    checkShowId(record.id);
    if (this.#records.has(record.id) || this.#creating.has(record.id)) return false;
    this.#creating.add(record.id);
    await this.#writeRecord(record);
    return true;
  }

  async updateShow(record: ShowRecord): Promise<void> {
    await this.#ready();
    if (!this.#records.has(record.id) && !this.#creating.has(record.id)) {
      throw new Error(`Show "${record.id}" is not stored; create it with createShow first.`);
    }
    await this.#writeRecord(record);
  }

  /** Appends the record's line (its first, or an update) and resolves once it is durable. */
  #writeRecord(record: ShowRecord): Promise<void> {
    const stored = readShowRecord(JSON.parse(showRecordJson(record))) as ShowRecord;
    return (this.#recordsFile as GroupCommitFile<ShowRecord>).append(stored, `${showRecordJson(stored)}\n`);
  }

  async getShow(id: string): Promise<ShowRecord | undefined> {
    await this.#ready();
    const record = this.#records.get(id);
    return record ? { ...record } : undefined;
  }

  async listShows(): Promise<ShowRecord[]> {
    await this.#ready();
    return [...this.#records.values()].map((record) => ({ ...record }));
  }

  /** Waits for the appends in flight, closes the files and releases the directory. */
  close(): Promise<void> {
    return (this.#closing ??= this.#close());
  }

  async #close(): Promise<void> {
    if (!this.#opening) return;
    await this.#opening.catch(() => {});
    await Promise.all([...this.#showFiles.values()].map((show) => show.file.close()));
    await this.#recordsFile?.close();
    await this.#unlock?.();
    this.#unlock = undefined;
  }
}
