/**
 * Playlist math for a live stream made of a short committed loop. Slot k is the k-th
 * segment since the stream's epoch: its first frame was "captured" at
 * `epochMs + k × segmentDurationMs` (its EXT-X-PROGRAM-DATE-TIME) and it plays asset
 * `k mod loopLength`. Where the loop wraps, the media timestamps restart, so the
 * playlist marks an EXT-X-DISCONTINUITY there (RFC 8216 §4.3.2.3).
 */

export const segmentDurationMs = 2000;

export interface StreamClock {
  /** The stream's start: the capture time of slot 0's first frame, epoch ms. */
  epochMs: number;
  /** How many asset segments the loop has. */
  loopLength: number;
}

export interface LiveWindow extends StreamClock {
  /** How many segments the live playlist keeps (the DVR window). */
  windowSegments: number;
}

/** The newest slot complete at `nowMs` (its end ≤ now), or -1 when none is yet. */
export function newestCompleteSlot(clock: StreamClock, nowMs: number): number {
  return Math.floor((nowMs - clock.epochMs) / segmentDurationMs) - 1;
}

/** The slots the live playlist lists at `nowMs`, oldest first (empty before the first completes). */
export function liveSlots(window: LiveWindow, nowMs: number): { first: number; last: number } {
  const last = newestCompleteSlot(window, nowMs);
  return { first: Math.max(0, last - window.windowSegments + 1), last };
}

/** Where the loop wraps: every slot that starts a loop again, except the stream's first. */
export function startsDiscontinuity(clock: StreamClock, slot: number): boolean {
  return slot > 0 && slot % clock.loopLength === 0;
}

/** How many discontinuities precede `slot` (its discontinuity sequence number). */
export function discontinuitiesBefore(clock: StreamClock, slot: number): number {
  return Math.floor(slot / clock.loopLength);
}

export function slotPdt(clock: StreamClock, slot: number): number {
  return clock.epochMs + slot * segmentDurationMs;
}

function segmentLines(clock: StreamClock, first: number, last: number, uri: (slot: number) => string): string[] {
  const lines: string[] = [];
  const seconds = (segmentDurationMs / 1000).toFixed(3);
  for (let slot = first; slot <= last; slot++) {
    if (startsDiscontinuity(clock, slot)) lines.push('#EXT-X-DISCONTINUITY');
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(slotPdt(clock, slot)).toISOString()}`, `#EXTINF:${seconds},`, uri(slot));
  }
  return lines;
}

function header(extra: string[]): string[] {
  return ['#EXTM3U', '#EXT-X-VERSION:3', `#EXT-X-TARGETDURATION:${Math.ceil(segmentDurationMs / 1000)}`, '#EXT-X-INDEPENDENT-SEGMENTS', ...extra];
}

/**
 * The live media playlist at `nowMs`: a sliding window of complete segments. As the
 * window slides, EXT-X-MEDIA-SEQUENCE is the first slot listed and
 * EXT-X-DISCONTINUITY-SEQUENCE counts the discontinuity tags that slid out, so every slot
 * keeps the same sequence and discontinuity numbers in every version of the playlist
 * (RFC 8216 §6.2.1).
 */
export function livePlaylist(window: LiveWindow, nowMs: number, uri: (slot: number) => string = (slot) => `live/seg-${slot}.ts`): string {
  const { first, last } = liveSlots(window, nowMs);
  // A discontinuity tag on the first listed slot still counts in the playlist, not in
  // the sequence number.
  const slidOut = Math.max(0, discontinuitiesBefore(window, first) - (startsDiscontinuity(window, first) ? 1 : 0));
  const lines = header([`#EXT-X-MEDIA-SEQUENCE:${first}`, `#EXT-X-DISCONTINUITY-SEQUENCE:${slidOut}`]);
  lines.push(...segmentLines(window, first, last, uri));
  return `${lines.join('\n')}\n`;
}

export interface Recording {
  /** The first slot of the recording. */
  firstSlot: number;
  /** The last slot of the recording (inclusive). */
  lastSlot: number;
}

/** The slots of a recording from `startPdt` lasting `durationMs`, within what is complete at `nowMs`. */
export function recordingSlots(clock: StreamClock, startPdt: number, durationMs: number, nowMs: number): Recording | undefined {
  const firstSlot = Math.max(0, Math.floor((startPdt - clock.epochMs) / segmentDurationMs));
  const wanted = firstSlot + Math.max(1, Math.ceil(durationMs / segmentDurationMs)) - 1;
  const lastSlot = Math.min(wanted, newestCompleteSlot(clock, nowMs));
  return lastSlot >= firstSlot ? { firstSlot, lastSlot } : undefined;
}

/**
 * The recording as a VOD playlist. It keeps the PDT of every segment, so a replay is
 * driven by the same event log as the live show.
 */
export function vodPlaylist(clock: StreamClock, recording: Recording, uri: (slot: number) => string = (slot) => `vod/seg-${slot}.ts`): string {
  const lines = header(['#EXT-X-PLAYLIST-TYPE:VOD', `#EXT-X-MEDIA-SEQUENCE:${recording.firstSlot}`]);
  lines.push(...segmentLines(clock, recording.firstSlot, recording.lastSlot, uri).filter((line, index) => index > 0 || line !== '#EXT-X-DISCONTINUITY'));
  lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}
