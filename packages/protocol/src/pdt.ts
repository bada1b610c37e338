/**
 * Program date time helpers. A pdt is epoch milliseconds: the wall-clock time at which a
 * frame was captured, as carried by EXT-X-PROGRAM-DATE-TIME in HLS (RFC 8216 §4.3.2.6).
 */

/** Parses an EXT-X-PROGRAM-DATE-TIME value (ISO 8601) to epoch ms, or undefined. */
export function parseProgramDateTime(value: string): number | undefined {
  const ms = Date.parse(value.trim());
  return Number.isFinite(ms) ? ms : undefined;
}

/** Formats epoch ms as an EXT-X-PROGRAM-DATE-TIME value with millisecond precision. */
export function formatProgramDateTime(pdt: number): string {
  return new Date(pdt).toISOString();
}

/**
 * The pdt of a media time inside a segment whose first frame has `segmentPdt` and starts
 * at `segmentStart` seconds on the media timeline.
 */
export function pdtAtMediaTime(segmentPdt: number, segmentStart: number, mediaTime: number): number {
  return segmentPdt + (mediaTime - segmentStart) * 1000;
}

/**
 * The server's clock minus this client's, learned from one round trip (NTP-style
 * midpoint): add it to Date.now() to get server time for countdowns.
 */
export function clockOffset(sentAt: number, serverTime: number, receivedAt: number): number {
  return serverTime - (sentAt + receivedAt) / 2;
}
