import { describe, expect, it } from 'vitest';
import { loadLoop } from './assets.js';

// Reads the committed MPEG-TS bytes themselves (not manifest.json) and checks what the
// playlists promise about them: slot k starts exactly 2 s after slot k-1 in every loop,
// on a keyframe, and its audio starts with its video. Players map the playhead to
// EXT-X-PROGRAM-DATE-TIME from a fragment's first timestamp, and hls.js takes the
// earlier of audio and video, so audio that starts early skews the date of every frame.

const TS_PACKET = 188;
const CLOCK = 90_000; // MPEG-TS timestamps tick at 90 kHz
const AAC_FRAME_TICKS = (1024 / 48_000) * CLOCK;
const VIDEO_STREAM = 0xe0;
const AUDIO_STREAM = 0xc0;

interface SegmentTimes {
  videoStart: number;
  audioStart: number;
  videoFrames: number;
  startsOnKeyframe: boolean;
}

/** The 33-bit PTS of a PES header starting at `offset`, or undefined without one. */
function pesPts(bytes: Buffer, offset: number): { streamId: number; pts: number } | undefined {
  if (bytes[offset] !== 0 || bytes[offset + 1] !== 0 || bytes[offset + 2] !== 1) return undefined;
  const streamId = bytes[offset + 3] ?? 0;
  if (((bytes[offset + 7] ?? 0) & 0x80) === 0) return undefined;
  const b = (index: number) => bytes[offset + 9 + index] ?? 0;
  const pts = ((b(0) >> 1) & 0x07) * 2 ** 30 + b(1) * 2 ** 22 + (b(2) >> 1) * 2 ** 15 + b(3) * 2 ** 7 + (b(4) >> 1);
  return { streamId, pts };
}

/** First video and audio PTS, video frame count, and whether the first video packet is a random access point. */
function segmentTimes(bytes: Buffer): SegmentTimes {
  let videoStart = Infinity;
  let audioStart = Infinity;
  let videoFrames = 0;
  let startsOnKeyframe: boolean | undefined;
  for (let at = 0; at + TS_PACKET <= bytes.length; at += TS_PACKET) {
    const header1 = bytes[at + 1] ?? 0;
    const control = ((bytes[at + 3] ?? 0) >> 4) & 0x03;
    if ((header1 & 0x40) === 0) continue; // only packets that start a PES carry its PTS
    const hasAdaptation = control === 2 || control === 3;
    const adaptationLength = hasAdaptation ? (bytes[at + 4] ?? 0) : 0;
    const randomAccess = hasAdaptation && adaptationLength > 0 && ((bytes[at + 5] ?? 0) & 0x40) !== 0;
    const pes = pesPts(bytes, at + 4 + (hasAdaptation ? 1 + adaptationLength : 0));
    if (pes?.streamId === VIDEO_STREAM) {
      startsOnKeyframe ??= randomAccess;
      videoStart = Math.min(videoStart, pes.pts);
      videoFrames++; // ffmpeg writes one PES per video frame
    } else if (pes?.streamId === AUDIO_STREAM) {
      audioStart = Math.min(audioStart, pes.pts);
    }
  }
  return { videoStart, audioStart, videoFrames, startsOnKeyframe: startsOnKeyframe ?? false };
}

describe('the committed loop', () => {
  const loop = loadLoop();
  const times = loop.segments.map(segmentTimes);

  it('is 8 MPEG-TS segments, small enough to commit', () => {
    expect(loop.segments).toHaveLength(8);
    for (const bytes of loop.segments) {
      expect(bytes[0]).toBe(0x47);
      expect(bytes.length % TS_PACKET).toBe(0);
    }
    expect(loop.segments.reduce((sum, bytes) => sum + bytes.length, 0)).toBeLessThan(1.2e6);
  });

  it('has 60 frames per segment, each segment starting on a keyframe exactly 2 s after the previous', () => {
    const first = times[0]!.videoStart;
    times.forEach((segment, index) => {
      expect(segment.videoFrames, `seg-${index}.ts`).toBe(60);
      expect(segment.startsOnKeyframe, `seg-${index}.ts`).toBe(true);
      expect(segment.videoStart - first, `seg-${index}.ts`).toBe(index * 2 * CLOCK);
    });
  });

  it('starts each segment’s audio with its video (never before, less than one AAC frame after)', () => {
    times.forEach((segment, index) => {
      const lead = segment.audioStart - segment.videoStart;
      expect(lead, `seg-${index}.ts`).toBeGreaterThanOrEqual(0);
      expect(lead, `seg-${index}.ts`).toBeLessThan(AAC_FRAME_TICKS);
    });
    // Where the loop wraps, audio and video restart together.
    expect(times[0]!.audioStart).toBe(times[0]!.videoStart);
  });
});
