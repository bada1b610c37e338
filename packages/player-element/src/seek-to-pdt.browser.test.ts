import { afterEach, expect, inject, test } from 'vitest';
import './define.js';
import { EVENTS } from './constants.js';
import type { LiveShopElement } from './live-shop.js';
import { nextEvent } from './test-helpers.js';

const origin = inject('simulatorOrigin');
/** The simulator encodes 30 frames per second. */
const FRAME_MS = 1000 / 30;
/**
 * Which frames count as shown for a paused seek to `currentTime`: the one holding it, or
 * the next (a seek a few ms before a segment that is not loaded yet shows that segment's
 * first frame, and keeps it once the segment before comes in). Chromium sometimes paints
 * a frame from on the way to the target instead (2 frames to 1.4 s early, one paused seek
 * in about a hundred on a busy machine); the scheduler then seeks again, and only the
 * frame after that counts. 2 ms: rounding between `currentTime` and frame timestamps, as
 * in the scheduler.
 */
const SHOWN_WINDOW_S = FRAME_MS / 1000 + 0.002;

let player: LiveShopElement | undefined;

afterEach(() => {
  player?.remove();
  player = undefined;
});

async function mount(src: string, mode: 'live' | 'replay'): Promise<LiveShopElement> {
  const element = document.createElement('live-shop');
  element.style.width = '640px';
  element.mode = mode;
  element.src = src;
  const ready = nextEvent(element, EVENTS.ready, 20_000);
  document.body.append(element);
  await ready;
  player = element;
  return element;
}

/**
 * The pdt of the frame the video shows for a paused seek to `mediaTime` (see
 * {@link SHOWN_WINDOW_S}): frames from before the seek, or from on the way to it, that
 * are presented first are skipped.
 */
function framePdtAt(element: LiveShopElement, mediaTime: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const seen: number[] = [];
    const timer = setTimeout(() => {
      const { video } = element;
      const buffered = Array.from({ length: video.buffered.length }, (_, i) => `${video.buffered.start(i).toFixed(3)}–${video.buffered.end(i).toFixed(3)}`);
      const state = `frames presented ${seen.map((time) => time.toFixed(3)).join(' ') || 'none'}, currentTime ${video.currentTime}, seeking ${video.seeking}, paused ${video.paused}, readyState ${video.readyState}, buffered ${buffered.join(' ')}`;
      reject(new Error(`the frame at ${mediaTime} s was not shown within 5 s (${state})`));
    }, 5_000);
    const onFrame = (_now: number, metadata: VideoFrameCallbackMetadata) => {
      seen.push(metadata.mediaTime);
      if (Math.abs(metadata.mediaTime - mediaTime) > SHOWN_WINDOW_S) {
        element.video.requestVideoFrameCallback(onFrame);
        return;
      }
      clearTimeout(timer);
      resolve(element.pdtAtMediaTime(metadata.mediaTime) ?? Number.NaN);
    };
    element.video.requestVideoFrameCallback(onFrame);
  });
}

/**
 * Seeks a paused player to `pdt` and returns the pdt error of the frame presented there
 * (the frame's own media time, from requestVideoFrameCallback). `currentPdt` after
 * `seeked` is checked too: the scheduler dates the paused playhead from `currentTime`.
 */
async function seekError(element: LiveShopElement, pdt: number): Promise<number> {
  const seeked = nextEvent(element.video, 'seeked', 10_000);
  expect(element.seekToPdt(pdt)).toBe(true);
  const frame = framePdtAt(element, element.video.currentTime);
  await seeked;
  expect(Math.abs((element.currentPdt ?? Number.NaN) - pdt)).toBeLessThanOrEqual(FRAME_MS);
  return (await frame) - pdt;
}

/**
 * Frames are dated every 1000/30 ms from each 2 s segment's date (`firstDate` + 2 s × k):
 * 5 ms after a frame's date, the frame shown must be that one, 5 ms before the target. A
 * mapping off by more than a millisecond (a fragment placed by its estimated start
 * rather than its parsed one, a discontinuity miscounted) shows here.
 */
async function expectExactFrames(element: LiveShopElement, firstDate: number, fromMs: number): Promise<void> {
  const errors: number[] = [];
  for (const [segment, frame] of [[0, 7], [8, 29], [9, 0], [17, 59], [21, 44]] as const) {
    const segmentStart = firstDate + Math.floor(fromMs / 2000) * 2000 + segment * 2000;
    errors.push(await seekError(element, segmentStart + (frame * 1000) / 30 + 5));
  }
  console.log(`  5 ms after a frame's date, error (ms): ${errors.map((error) => error.toFixed(2)).join(', ')}`);
  // The frame shown is the target's (exactly -5) or its neighbour (see SHOWN_WINDOW_S): a
  // frame's date off the 1000/30 ms grid by more than half a millisecond means the mapping
  // is wrong, and so does a neighbour on most seeks.
  const framesOff = errors.map((error) => (error + 5) / FRAME_MS);
  for (const off of framesOff) {
    expect(Math.abs(off - Math.round(off)) * FRAME_MS).toBeLessThan(0.5);
    expect(Math.abs(Math.round(off))).toBeLessThanOrEqual(1);
  }
  expect(framesOff.filter((off) => Math.round(off) === 0).length).toBeGreaterThan(errors.length / 2);
}

/**
 * Targets anywhere in a frame: the frame shown is the one holding the target, dated at
 * most a frame before it, on most seeks, and never further than its neighbours (see
 * SHOWN_WINDOW_S).
 */
function expectFramesAtTargets(errors: readonly number[]): void {
  for (const error of errors) expect(Math.abs(error)).toBeLessThanOrEqual(FRAME_MS + 2.5);
  expect(errors.filter((error) => error >= -FRAME_MS - 0.5 && error <= 0.5).length).toBeGreaterThan(errors.length / 2);
}

test('live: seeking back 60 s in the DVR window lands on the frame of that pdt', async () => {
  const element = await mount(`${origin}/hls/live.m3u8`, 'live');
  const range = element.seekableRange();
  expect(range).toBeDefined();
  // The window ends at the live edge, ahead of the playhead, and reaches back.
  expect(range!.endPdt).toBeGreaterThan(element.currentPdt!);
  expect(range!.endPdt).toBeLessThanOrEqual(Date.now());
  // The simulator started a minute before the tests: wait until the window holds 60 s behind the playhead.
  await expect.poll(() => (element.currentPdt ?? 0) - 60_000 - (element.seekableRange()?.startPdt ?? Infinity), { timeout: 15_000, interval: 200 }).toBeGreaterThan(1_000);

  element.video.pause();
  const errors: number[] = [];
  const back = Math.round(element.currentPdt! - 60_000 + Math.random() * 100);
  errors.push(await seekError(element, back));
  // Across the loop's discontinuities (every 16 s), both ways, and mid-frame.
  for (const offset of [17_011, 33_517, 5_250, 45_999]) errors.push(await seekError(element, back + offset));
  console.log(`seekToPdt live, frame pdt − target (ms): ${errors.map((error) => error.toFixed(1)).join(', ')}`);
  expectFramesAtTargets(errors);
  // 10 s into the window from where it was: the window's trailing segments leave it every
  // 2 s, and a target there could be gone by the time it is sought on a busy machine.
  await expectExactFrames(element, element.seekableRange()!.startPdt, back + 10_000 - element.seekableRange()!.startPdt);

  // Out of range: before the DVR window, after the live edge; the video stays put.
  const { startPdt, endPdt } = element.seekableRange()!;
  const time = element.video.currentTime;
  expect(element.seekToPdt(startPdt - 5_000)).toBe(false);
  expect(element.seekToPdt(endPdt + 5_000)).toBe(false);
  expect(element.seekToPdt(Number.NaN)).toBe(false);
  expect(element.video.currentTime).toBe(time);
}, 60_000);

test('replay: seeks to any pdt of the recording, across discontinuities', async () => {
  const vod = `${origin}/hls/vod.m3u8`;
  const playlist = await (await fetch(vod)).text();
  const firstDate = Date.parse(/#EXT-X-PROGRAM-DATE-TIME:(\S+)/.exec(playlist)?.[1] ?? '');
  const element = await mount(vod, 'replay');
  const range = element.seekableRange();
  expect(range?.startPdt).toBe(firstDate);
  expect(range!.endPdt - range!.startPdt).toBeGreaterThan(40_000);

  const errors: number[] = [];
  for (const offset of [38_123, 3_000, 17_517, 33_001.5, 1_000]) errors.push(await seekError(element, firstDate + offset));
  console.log(`seekToPdt replay, frame pdt − target (ms): ${errors.map((error) => error.toFixed(1)).join(', ')}`);
  expectFramesAtTargets(errors);
  await expectExactFrames(element, firstDate, 0);

  expect(element.seekToPdt(firstDate - 1)).toBe(false);
  expect(element.seekToPdt(range!.endPdt + 1)).toBe(false);
}, 60_000);

test('before the stream is known there is no range and nothing to seek', () => {
  const element = document.createElement('live-shop');
  expect(element.seekableRange()).toBeUndefined();
  expect(element.seekToPdt(Date.now())).toBe(false);
});
