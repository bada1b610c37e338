/** Whole seconds from `now` to `target`, rounded up (a countdown shows 00:01 until the very end); never negative. */
export function secondsLeft(now: number, target: number): number {
  return Math.max(0, Math.ceil((target - now) / 1000));
}

const formats = new Map<string, Intl.NumberFormat>();

function digits(locale: string | undefined, minimumIntegerDigits: number): Intl.NumberFormat {
  const key = `${locale ?? ''}|${minimumIntegerDigits}`;
  let format = formats.get(key);
  if (!format) {
    const options: Intl.NumberFormatOptions = { minimumIntegerDigits, useGrouping: false };
    try {
      format = new Intl.NumberFormat(locale || undefined, options);
    } catch {
      // A malformed locale must not stop the countdown: use the browser's.
      format = new Intl.NumberFormat(undefined, options);
    }
    formats.set(key, format);
  }
  return format;
}

/**
 * A countdown as "04:59", or "1:04:59" from an hour up, in the locale's digits (Arabic
 * locales get Arabic-Indic digits). Intl has no duration format in every browser we
 * support yet (Intl.DurationFormat), hence the digits one by one.
 */
export function formatCountdown(seconds: number, locale?: string): string {
  const whole = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  const two = digits(locale, 2);
  const clock = `${two.format(minutes)}:${two.format(rest)}`;
  return hours > 0 ? `${digits(locale, 1).format(hours)}:${clock}` : clock;
}
