import { open } from 'node:fs/promises';

const NEWLINE = 0x0a;
const CHUNK = 1024 * 1024;

/** What {@link loadJsonLines} read. */
export interface LoadedLines<T> {
  items: T[];
  /** The file's length after loading: the bytes of the valid lines. */
  size: number;
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Reads a file of JSON lines written by a {@link GroupCommitFile}, in chunks (a log may be
 * larger than a string can hold). `parse(value, index)` returns the item, or undefined
 * when the line is not a valid item at that index.
 *
 * A crash while appending leaves at most an unfinished tail: a last line without its
 * newline, or bytes that are not valid lines (a file system may even leave zeros). That
 * tail was never acknowledged, so it is cut off (the file is truncated and fsynced) and
 * `warn` is told. A damaged line followed by a valid next one is not a crash's tail but a
 * damaged file: loading throws rather than drop acknowledged data.
 */
export async function loadJsonLines<T>(
  path: string,
  parse: (value: unknown, index: number) => T | undefined,
  warn: (message: string) => void,
): Promise<LoadedLines<T>> {
  let handle;
  try {
    handle = await open(path, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { items: [], size: 0 };
    throw error;
  }
  try {
    const items: T[] = [];
    /** Bytes of the valid prefix. */
    let good = 0;
    let state: 'valid' | 'damaged' | 'tail' = 'valid';
    let damagedLine = 0;
    let lineNumber = 0;
    let carry: Buffer[] = [];
    let position = 0;

    const onLine = (bytes: Buffer, end: number): void => {
      lineNumber++;
      if (state === 'valid') {
        const value = parseJson(bytes);
        const item = value === undefined ? undefined : parse(value, items.length);
        if (item !== undefined) {
          items.push(item);
          good = end;
        } else {
          state = 'damaged';
          damagedLine = lineNumber;
        }
      } else if (state === 'damaged') {
        const value = parseJson(bytes);
        if (value !== undefined && parse(value, items.length + 1) !== undefined) {
          throw new Error(
            `${path} is damaged at line ${damagedLine}, and valid lines follow it, so this is not a crash's unfinished tail. ` +
              'The relay does not drop stored events: restore the file from a backup, or repair or remove that line, then start the relay again.',
          );
        }
        state = 'tail';
      }
    };

    for (;;) {
      const buffer = Buffer.allocUnsafe(CHUNK);
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, position);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      let start = 0;
      for (let newline = chunk.indexOf(NEWLINE, start); newline !== -1; newline = chunk.indexOf(NEWLINE, start)) {
        const piece = chunk.subarray(start, newline);
        const line = carry.length > 0 ? Buffer.concat([...carry, piece]) : piece;
        carry = [];
        onLine(line, position + newline + 1);
        start = newline + 1;
      }
      if (start < bytesRead) carry.push(chunk.subarray(start));
      position += bytesRead;
    }

    const length = position;
    if (good < length) {
      await handle.truncate(good);
      await handle.datasync();
      const what = state === 'valid' ? 'an unfinished last line' : `unfinished lines from line ${damagedLine} on`;
      warn(`${path}: dropped ${what} (${length - good} bytes) left by a crash while writing; nothing acknowledged was lost.`);
    }
    return { items, size: good };
  } finally {
    await handle.close();
  }
}
