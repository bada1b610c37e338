import { SHOW_ID_PATTERN, type ShowRecord } from '../show-registry.js';

/**
 * A stored show record read back, or undefined when the value is not one. Fields other
 * than the four every record has (e.g. a Mux live stream id) are kept as stored.
 */
export function readShowRecord(value: unknown): ShowRecord | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { id, title, createdAt, pdtOffsetMs } = value as Record<string, unknown>;
  if (typeof id !== 'string' || !SHOW_ID_PATTERN.test(id) || typeof title !== 'string') return undefined;
  if (typeof createdAt !== 'number' || typeof pdtOffsetMs !== 'number') return undefined;
  return { ...(value as ShowRecord) };
}

/** The record's stored form: every field it has. */
export function showRecordJson(record: ShowRecord): string {
  return JSON.stringify(record);
}

/** Throws unless `show` is a show id, which is also safe as a file name and a key part. */
export function checkShowId(show: string): void {
  if (typeof show !== 'string' || !SHOW_ID_PATTERN.test(show)) {
    throw new Error(`"${String(show).slice(0, 80)}" is not a show id (1–64 lowercase letters, digits and "-").`);
  }
}
