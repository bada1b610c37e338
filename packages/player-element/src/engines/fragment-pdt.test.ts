import { describe, expect, test } from 'vitest';
import { FragmentPdtLookup, type HlsTimeline } from './fragment-pdt.js';

const T0 = Date.parse('2025-01-01T12:00:00.000Z');

/** Four 2 s segments; the third starts a new loop (discontinuity) 80 ms later in media time. */
function timeline(): HlsTimeline {
  const fragments = [
    { start: 0, duration: 2, programDateTime: T0 },
    { start: 2, duration: 2, programDateTime: T0 + 2_000 },
    { start: 4.08, duration: 2, programDateTime: T0 + 4_000 },
    { start: 6.08, duration: 2, programDateTime: T0 + 6_000 },
  ];
  return { levels: [{ details: { fragments } }], currentLevel: 0, latestLevelDetails: null };
}

describe('FragmentPdtLookup', () => {
  test('adds the offset into the containing fragment to its date', () => {
    const lookup = new FragmentPdtLookup();
    const hls = timeline();
    expect(lookup.pdtAt(hls, 0)).toBe(T0);
    expect(lookup.pdtAt(hls, 1.5)).toBe(T0 + 1_500);
    expect(lookup.pdtAt(hls, 2)).toBe(T0 + 2_000);
  });

  test('follows the dates, not the media time, after a discontinuity', () => {
    const lookup = new FragmentPdtLookup();
    const hls = timeline();
    expect(lookup.pdtAt(hls, 4.08)).toBe(T0 + 4_000);
    expect(lookup.pdtAt(hls, 5.08)).toBeCloseTo(T0 + 5_000, 6);
    // Between the end of the second fragment's samples and the third's start: still the second.
    expect(lookup.pdtAt(hls, 4.04)).toBeCloseTo(T0 + 4_040, 6);
  });

  test('finds the fragment whatever the order of the calls (seeks back and forth)', () => {
    const lookup = new FragmentPdtLookup();
    const hls = timeline();
    for (const time of [7, 0.5, 3, 6.5, 1, 7.9, 2.5]) {
      const pdt = lookup.pdtAt(hls, time);
      const expected = time < 4.08 ? T0 + time * 1000 : T0 + 4_000 + (time - 4.08) * 1000;
      expect(pdt).toBeCloseTo(expected, 6);
    }
  });

  test('extrapolates from the edge fragments outside the window', () => {
    const lookup = new FragmentPdtLookup();
    const hls = timeline();
    expect(lookup.pdtAt(hls, -0.5)).toBe(T0 - 500);
    expect(lookup.pdtAt(hls, 9)).toBeCloseTo(T0 + 6_000 + 2_920, 6);
  });

  test('uses the newest playlist after a live reload, and the latest details before a level plays', () => {
    const lookup = new FragmentPdtLookup();
    const hls = timeline();
    expect(lookup.pdtAt(hls, 1)).toBe(T0 + 1_000);
    const reloaded = { start: 8.08, duration: 2, programDateTime: T0 + 8_000 };
    const notPlaying: HlsTimeline = { levels: [], currentLevel: -1, latestLevelDetails: { fragments: [reloaded] } };
    expect(lookup.pdtAt(notPlaying, 9.08)).toBe(T0 + 9_000);
  });

  test('dates from the first video frame, not from audio that starts earlier', () => {
    const lookup = new FragmentPdtLookup();
    // hls.js put `start` at the audio's first sample, 48 ms before the first video frame.
    const fragment = { start: 10, duration: 2, programDateTime: T0, elementaryStreams: { video: { startPTS: 10.048 }, audio: { startPTS: 10 } } };
    const hls: HlsTimeline = { levels: [{ details: { fragments: [fragment] } }], currentLevel: 0, latestLevelDetails: null };
    expect(lookup.pdtAt(hls, 10.048)).toBe(T0);
    expect(lookup.pdtAt(hls, 11.048)).toBeCloseTo(T0 + 1_000, 6);
  });

  test('is undefined without dates or fragments', () => {
    const lookup = new FragmentPdtLookup();
    expect(lookup.pdtAt({ levels: [], currentLevel: -1, latestLevelDetails: null }, 1)).toBeUndefined();
    const undated: HlsTimeline = { levels: [{ details: { fragments: [{ start: 0, duration: 2, programDateTime: null }] } }], currentLevel: 0, latestLevelDetails: null };
    expect(lookup.pdtAt(undated, 1)).toBeUndefined();
  });

  test('mediaTimeAt is the inverse of pdtAt, across the discontinuity', () => {
    const lookup = new FragmentPdtLookup();
    const hls = timeline();
    for (const time of [0, 1.5, 3.999, 4.08, 5.08, 7.5]) {
      expect(lookup.mediaTimeAt(hls, lookup.pdtAt(hls, time) as number)).toBeCloseTo(time, 9);
    }
    expect(lookup.mediaTimeAt(hls, T0 + 4_000)).toBe(4.08);
    expect(lookup.mediaTimeAt(hls, T0 + 8_000)).toBeCloseTo(8.08, 9);
  });

  test('mediaTimeAt is undefined outside the playlist\'s dates; a gap in the dates goes to the next fragment', () => {
    const lookup = new FragmentPdtLookup();
    const hls = timeline();
    expect(lookup.mediaTimeAt(hls, T0 - 1)).toBeUndefined();
    expect(lookup.mediaTimeAt(hls, T0 + 8_001)).toBeUndefined();
    expect(lookup.mediaTimeAt(hls, Number.NaN)).toBeUndefined();
    const gap: HlsTimeline = {
      levels: [{ details: { fragments: [{ start: 0, duration: 2, programDateTime: T0 }, { start: 2, duration: 2, programDateTime: T0 + 10_000 }] } }],
      currentLevel: 0,
      latestLevelDetails: null,
    };
    expect(lookup.mediaTimeAt(gap, T0 + 5_000)).toBe(2);
    expect(lookup.pdtRange(gap)).toEqual({ startPdt: T0, endPdt: T0 + 12_000 });
  });

  test('pdtRange spans the first fragment\'s date to the end of the last', () => {
    const lookup = new FragmentPdtLookup();
    expect(lookup.pdtRange(timeline())).toEqual({ startPdt: T0, endPdt: T0 + 8_000 });
    expect(lookup.pdtRange({ levels: [], currentLevel: -1, latestLevelDetails: null })).toBeUndefined();
  });
});
