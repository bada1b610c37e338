/** A moment as a wall-clock time with milliseconds, e.g. "14:03:07.412" (local time). */
export function formatClock(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (value: number, length = 2) => String(value).padStart(length, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** A duration left as "m:ss" (or "h:mm:ss"); never negative. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** A latency in seconds with one decimal, e.g. "6.2 s". */
export function formatLatency(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * A price as typed by a producer ("149", "149.5", "149,50") as the protocol's decimal
 * string, or undefined when it is not one.
 */
export function parseAmount(input: string): string | undefined {
  const value = input.trim().replace(',', '.');
  return /^\d{1,12}(\.\d{1,4})?$/.test(value) ? value : undefined;
}

/** A whole number ≥ 0 typed in a field, or undefined (empty or not a count). */
export function parseCount(input: string): number | undefined {
  const value = input.trim();
  return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}
