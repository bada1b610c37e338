/**
 * An iCalendar file (RFC 5545) for one show, made in the browser for "Add to calendar".
 * https://www.rfc-editor.org/rfc/rfc5545
 */

export interface ShowCalendarEvent {
  /** Globally unique and stable for the show, so that adding it again updates the entry. */
  uid: string;
  /** Start, epoch ms (written in UTC). */
  start: number;
  durationMinutes: number;
  title: string;
  description?: string;
  /** An absolute http(s) URL. */
  url?: string;
  /** When the file was made, epoch ms (DTSTAMP). */
  stamp: number;
}

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

/** A UTC date-time, "20261122T180000Z" (§3.3.5, form #2). */
export function icsDateTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** A duration, "PT1H30M" (§3.3.6). */
export function icsDuration(minutes: number): string {
  const whole = Math.max(1, Math.round(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  return `PT${hours > 0 ? `${hours}H` : ''}${rest > 0 ? `${rest}M` : ''}`;
}

/**
 * A TEXT value (§3.3.11): backslash, semicolon and comma escaped, every line break as
 * "\n", and the control characters TEXT may not hold dropped (tab stays).
 */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\\;,]/g, (char) => `\\${char}`)
    .replace(/\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds a content line to lines of at most 75 octets of UTF-8, each continuation starting
 * with one space (§3.1), never splitting a character's octets. Joined with CRLF.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** A URI value is not escaped (§3.3.13); it must still not carry a line break or control character. */
function uri(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]/g, '');
}

/** The whole file: one VCALENDAR with one VEVENT, CRLF line endings, folded lines. `prodId` names the maker (PRODID). */
export function showCalendar(event: ShowCalendarEvent, prodId: string): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(prodId)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${icsDateTime(event.stamp)}`,
    `DTSTART:${icsDateTime(event.start)}`,
    `DURATION:${icsDuration(event.durationMinutes)}`,
    `SUMMARY:${escapeText(event.title)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.url ? [`URL:${uri(event.url)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
