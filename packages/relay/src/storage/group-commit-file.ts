import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/** What a {@link GroupCommitFile} tells its owner, synchronously, before it settles the appends. */
export interface GroupCommitHooks<T> {
  /** The items of a batch are on disk (written and fsynced), in append order. */
  committed(items: T[]): void;
  /**
   * A write or fsync failed: `items` (the batch being written and every append queued
   * behind it, in append order) are refused. Called before their promises reject.
   */
  failed(items: T[], error: Error): void;
}

interface Batch<T> {
  items: T[];
  chunks: Buffer[];
  bytes: number;
  done: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
}

function newBatch<T>(): Batch<T> {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const done = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  // A batch nobody awaits any more (its callers went away) must not crash the process.
  done.catch(() => {});
  return { items: [], chunks: [], bytes: 0, done, resolve, reject };
}

/** fsyncs a directory, so that a file created in it survives a power loss. */
export async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * An append-only file with group commit: every append queued while a write+fsync is in
 * flight goes into the next batch, which is written with one `write` and made durable
 * with one `fdatasync`. An append's promise resolves only once its bytes are durable.
 *
 * On a failed write or fsync, the batch and everything queued behind it are refused, and
 * the file is cut back to its last durable length, so that it never keeps bytes that
 * were not acknowledged in the middle of acknowledged ones. If that cut fails too, the
 * file refuses every later append (restart the process: loading drops a torn tail).
 */
export class GroupCommitFile<T> {
  readonly path: string;
  readonly #hooks: GroupCommitHooks<T>;
  /** Bytes known to be on disk. */
  #durableSize: number;
  #handle: Promise<FileHandle> | undefined;
  #queued: Batch<T> | undefined;
  #flushing: Promise<void> | undefined;
  #broken: Error | undefined;
  #closed = false;
  #batches = 0;

  /** `durableSize`: the file's length after loading (0 when it does not exist yet). */
  constructor(path: string, durableSize: number, hooks: GroupCommitHooks<T>) {
    this.path = path;
    this.#durableSize = durableSize;
    this.#hooks = hooks;
  }

  /** How many write+fsync rounds this file has made (each one commits a batch of appends). */
  get batches(): number {
    return this.#batches;
  }

  /** Queues `text` (whole lines) for the next batch; resolves once it is written and fsynced. */
  append(item: T, text: string): Promise<void> {
    if (this.#closed) return Promise.reject(new Error(`${this.path} is closed; the relay is shutting down.`));
    if (this.#broken) return Promise.reject(this.#broken);
    const batch = (this.#queued ??= newBatch<T>());
    const chunk = Buffer.from(text, 'utf8');
    batch.items.push(item);
    batch.chunks.push(chunk);
    batch.bytes += chunk.length;
    // Starting in a microtask lets every append of the current turn join the first batch.
    if (!this.#flushing) this.#flushing = Promise.resolve().then(() => this.#flush());
    return batch.done;
  }

  /** Waits for the appends in flight, then closes the file. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#flushing;
    const handle = this.#handle;
    this.#handle = undefined;
    if (handle) await (await handle.catch(() => undefined))?.close();
  }

  async #open(): Promise<FileHandle> {
    const handle = await open(this.path, 'a');
    // The file may have just been created: make its directory entry durable too.
    await syncDirectory(dirname(this.path));
    return handle;
  }

  async #flush(): Promise<void> {
    try {
      for (let batch = this.#queued; batch; batch = this.#queued) {
        this.#queued = undefined;
        try {
          const handle = await (this.#handle ??= this.#open());
          const data = batch.chunks.length === 1 ? (batch.chunks[0] as Buffer) : Buffer.concat(batch.chunks, batch.bytes);
          for (let offset = 0; offset < data.length; ) {
            const { bytesWritten } = await handle.write(data, offset, data.length - offset);
            offset += bytesWritten;
          }
          await handle.datasync();
        } catch (cause) {
          await this.#fail(batch, cause);
          continue;
        }
        this.#durableSize += batch.bytes;
        this.#batches++;
        this.#hooks.committed(batch.items);
        batch.resolve();
      }
    } finally {
      this.#flushing = undefined;
    }
  }

  async #fail(batch: Batch<T>, cause: unknown): Promise<void> {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const error = new Error(`Could not write ${this.path} (${reason}); the events were not stored.`, { cause });
    let handle: FileHandle | undefined;
    try {
      handle = await this.#handle;
    } catch {
      // Never opened, so nothing was written: open again next time.
      this.#handle = undefined;
    }
    if (handle) {
      try {
        await handle.truncate(this.#durableSize);
        await handle.datasync();
      } catch (truncateError) {
        const detail = truncateError instanceof Error ? truncateError.message : String(truncateError);
        this.#broken = new Error(
          `${this.path} could not be written (${reason}) nor cut back to its last good length (${detail}); restart the relay, which drops the unfinished tail.`,
          { cause },
        );
      }
    }
    // Appends queued until now were numbered after the failed ones: refuse them too.
    const queued = this.#queued;
    this.#queued = undefined;
    const refused = queued ? [batch, queued] : [batch];
    this.#hooks.failed(
      refused.flatMap((item) => item.items),
      error,
    );
    for (const item of refused) item.reject(error);
  }
}
