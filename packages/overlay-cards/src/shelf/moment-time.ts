/** How a moment's time is told. */
export interface MomentClock {
  /**
   * The program date time (epoch ms) of the show's first frame, e.g. the replay's
   * `startPdt` or the seekable range's start of a recording. Given, moments read as a
   * position in the video ("12:31", "1:02:05"); without it, as the wall-clock time they
   * happened ("8:12 PM", in the locale).
   */
  startPdt?: number | undefined;
  locale?: string | undefined;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

function timeFormat(locale: string | undefined): Intl.DateTimeFormat {
  const key = locale ?? '';
  let format = timeFormats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale || undefined, { hour: 'numeric', minute: '2-digit' });
    } catch {
      // A malformed locale must not hide the time: use the browser's.
      format = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
    }
    timeFormats.set(key, format);
  }
  return format;
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** A position in the video, m:ss or h:mm:ss (negative offsets read 0:00). */
export function formatPosition(offsetMs: number): string {
  const seconds = Math.max(0, Math.floor(offsetMs / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return hours > 0 ? `${hours}:${twoDigits(minutes)}:${twoDigits(seconds % 60)}` : `${minutes}:${twoDigits(seconds % 60)}`;
}

/** The time of a moment on the show's clock; see {@link MomentClock}. */
export function momentTime(pdt: number, clock: MomentClock = {}): string {
  return clock.startPdt === undefined ? timeFormat(clock.locale).format(pdt) : formatPosition(pdt - clock.startPdt);
}
