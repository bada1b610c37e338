// Building an Intl format is far slower than using one, and every row of the chat
// formats a time: one format per locale.
const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** A message's time of day as the locale writes it ("3:07 PM", "15:07"). */
export function formatTime(at: number, locale: string | undefined): string {
  const key = locale ?? '';
  let format = timeFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
    try {
      format = new Intl.DateTimeFormat(locale || undefined, options);
    } catch {
      // A malformed `locale` must not hide the chat: use the browser's locale.
      format = new Intl.DateTimeFormat(undefined, options);
    }
    timeFormats.set(key, format);
  }
  return format.format(at);
}
