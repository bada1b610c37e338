/** How a show's start time reads: the date and time per locale, and how far away it is. */

const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

const dateTimes = new Map<string, Intl.DateTimeFormat>();
const calendarDays = new Map<string, Intl.DateTimeFormat>();
const relatives = new Map<string, Intl.RelativeTimeFormat>();

/** Builds an Intl formatter, falling back to the browser's locale and time zone when given malformed ones. */
function cached<T>(cache: Map<string, T>, key: string, make: (locale: string | undefined, timeZone: string | undefined) => T, locale?: string, timeZone?: string): T {
  let format = cache.get(key);
  if (!format) {
    try {
      format = make(locale || undefined, timeZone || undefined);
    } catch {
      // A malformed `locale` or `time-zone` must not hide when the show starts.
      format = make(undefined, undefined);
    }
    cache.set(key, format);
  }
  return format;
}

/** "Thursday, December 3, 2026 at 6:30 PM", in the viewer's time zone unless one is given. */
export function formatStartTime(startsAt: number, locale?: string, timeZone?: string): string {
  const format = cached(
    dateTimes,
    `${locale ?? ''}|${timeZone ?? ''}`,
    (locale, timeZone) => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }),
    locale,
    timeZone,
  );
  return format.format(startsAt);
}

/** The calendar day of `ms` in `timeZone`, as a day count: the difference of two is "tomorrow", "in 3 days". */
function dayNumber(ms: number, timeZone: string | undefined): number {
  const format = cached(
    calendarDays,
    timeZone ?? '',
    (_locale, timeZone) => new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'numeric', day: 'numeric', ...(timeZone ? { timeZone } : {}) }),
    undefined,
    timeZone,
  );
  const parts = Object.fromEntries(format.formatToParts(ms).map((part) => [part.type, part.value]));
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)) / DAY;
}

/**
 * How far away the start is, per locale: "in 3 days" / "tomorrow" (calendar days, from a
 * day away), "in 2 hours", "in 5 minutes", "in 30 seconds". Empty once it has passed.
 */
export function relativeStart(now: number, startsAt: number, locale?: string, timeZone?: string): string {
  const left = startsAt - now;
  if (left <= 0) return '';
  const format = cached(relatives, locale ?? '', (locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }), locale);
  if (left >= DAY) return format.format(dayNumber(startsAt, timeZone) - dayNumber(now, timeZone), 'day');
  if (left >= HOUR) return format.format(Math.round(left / HOUR), 'hour');
  if (left >= 60_000) return format.format(Math.round(left / 60_000), 'minute');
  return format.format(Math.ceil(left / 1000), 'second');
}
