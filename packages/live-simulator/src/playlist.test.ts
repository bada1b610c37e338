import { describe, expect, it } from 'vitest';
import { livePlaylist, recordingSlots, segmentDurationMs, vodPlaylist, type LiveWindow } from './playlist.js';

const epochMs = Date.UTC(2026, 10, 21, 12, 0, 0);
const window: LiveWindow = { epochMs, loopLength: 8, windowSegments: 5 };

interface Listed {
  uri: string;
  pdt: number;
  discontinuity: boolean;
}

/** Reads a media playlist back: its header values and segments. */
function parse(text: string): { mediaSequence: number; discontinuitySequence: number; segments: Listed[]; endList: boolean } {
  const lines = text.trim().split('\n');
  const value = (tag: string) => Number(lines.find((line) => line.startsWith(`${tag}:`))?.split(':')[1] ?? 0);
  const segments: Listed[] = [];
  let pending: Partial<Listed> = {};
  for (const line of lines) {
    if (line === '#EXT-X-DISCONTINUITY') pending.discontinuity = true;
    else if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) pending.pdt = Date.parse(line.slice('#EXT-X-PROGRAM-DATE-TIME:'.length));
    else if (line.startsWith('#EXTINF:')) expect(line).toBe('#EXTINF:2.000,');
    else if (!line.startsWith('#')) {
      segments.push({ uri: line, pdt: pending.pdt ?? Number.NaN, discontinuity: pending.discontinuity ?? false });
      pending = {};
    }
  }
  return { mediaSequence: value('#EXT-X-MEDIA-SEQUENCE'), discontinuitySequence: value('#EXT-X-DISCONTINUITY-SEQUENCE'), segments, endList: lines.includes('#EXT-X-ENDLIST') };
}

describe('livePlaylist', () => {
  it('lists nothing before the first segment is complete, then only complete segments', () => {
    expect(parse(livePlaylist(window, epochMs + 1999)).segments).toEqual([]);
    const playlist = parse(livePlaylist(window, epochMs + 2000));
    expect(playlist.segments).toEqual([{ uri: 'live/seg-0.ts', pdt: epochMs, discontinuity: false }]);
    expect(parse(livePlaylist(window, epochMs + 5999)).segments.map((segment) => segment.uri)).toEqual(['live/seg-0.ts', 'live/seg-1.ts']);
  });

  it('stamps every segment with the wall-clock time of its first frame, to the millisecond', () => {
    const playlist = parse(livePlaylist(window, epochMs + 100 * segmentDurationMs + 700));
    for (const segment of playlist.segments) {
      const slot = Number(/seg-(\d+)/.exec(segment.uri)?.[1]);
      expect(segment.pdt).toBe(epochMs + slot * segmentDurationMs);
    }
    expect(livePlaylist(window, epochMs + 2000)).toContain('#EXT-X-PROGRAM-DATE-TIME:2026-11-21T12:00:00.000Z');
  });

  it('slides one segment every 2 s, keeping each slot’s sequence and discontinuity numbers', () => {
    // Track what a player would compute for each slot: its media sequence number and its
    // discontinuity sequence number (the header's value plus the tags before it).
    const seen = new Map<string, { sequence: number; cc: number }>();
    for (let step = 0; step < 40; step++) {
      const nowMs = epochMs + (6 + step) * segmentDurationMs + 500;
      const playlist = parse(livePlaylist(window, nowMs));
      expect(playlist.segments).toHaveLength(5);
      expect(playlist.mediaSequence).toBe(step + 1);
      let cc = playlist.discontinuitySequence;
      playlist.segments.forEach((segment, index) => {
        if (segment.discontinuity) cc++;
        const numbers = { sequence: playlist.mediaSequence + index, cc };
        expect(Number(/seg-(\d+)/.exec(segment.uri)?.[1])).toBe(numbers.sequence);
        const before = seen.get(segment.uri);
        if (before) expect(numbers).toEqual(before);
        seen.set(segment.uri, numbers);
      });
    }
    // Every loop wrap (slot 8, 16, 24…) is a discontinuity, and nothing else is.
    for (const [uri, { sequence, cc }] of seen) expect(cc, uri).toBe(Math.floor(sequence / 8));
  });

  it('marks the loop wrap with EXT-X-DISCONTINUITY exactly where it happens', () => {
    const playlist = parse(livePlaylist(window, epochMs + 11 * segmentDurationMs));
    expect(playlist.segments.map((segment) => [segment.uri, segment.discontinuity])).toEqual([
      ['live/seg-6.ts', false],
      ['live/seg-7.ts', false],
      ['live/seg-8.ts', true],
      ['live/seg-9.ts', false],
      ['live/seg-10.ts', false],
    ]);
    expect(playlist.discontinuitySequence).toBe(0);
  });
});

describe('vodPlaylist', () => {
  it('lists the requested window of the recording, with its dates, and ends', () => {
    const recording = recordingSlots(window, epochMs + 3000, 20_000, epochMs + 3_600_000);
    expect(recording).toEqual({ firstSlot: 1, lastSlot: 10 });
    const playlist = parse(vodPlaylist(window, recording!));
    expect(playlist.endList).toBe(true);
    expect(playlist.segments[0]).toEqual({ uri: 'vod/seg-1.ts', pdt: epochMs + 2000, discontinuity: false });
    expect(playlist.segments).toHaveLength(10);
    expect(playlist.segments.filter((segment) => segment.discontinuity).map((segment) => segment.uri)).toEqual(['vod/seg-8.ts']);
    expect(vodPlaylist(window, recording!)).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
  });

  it('never records the future', () => {
    expect(recordingSlots(window, epochMs, 60_000, epochMs + 7000)).toEqual({ firstSlot: 0, lastSlot: 2 });
    expect(recordingSlots(window, epochMs + 60_000, 10_000, epochMs + 7000)).toBeUndefined();
  });
});
