import { afterEach, expect, inject, test } from 'vitest';
import type { PlayerError } from '../errors.js';
import { HlsEngine } from './hls-engine.js';
import { preloadStream } from './stream-preload.js';

const origin = inject('simulatorOrigin');
const live = `${origin}/hls/live.m3u8`;

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const step of cleanup) step();
  cleanup = [];
});

/** A <video> on the page, as the loader makes it, with a count of its reloads (a new source empties it). */
function pageVideo(): { video: HTMLVideoElement; reloads: () => number } {
  const video = document.createElement('video');
  video.muted = true;
  video.autoplay = true;
  video.style.width = '320px';
  document.body.append(video);
  let reloads = 0;
  video.addEventListener('emptied', () => reloads++);
  cleanup.push(() => video.remove());
  return { video, reloads: () => reloads };
}

function engineFor(url: string, video: HTMLVideoElement, mode: 'live' | 'replay', errors: PlayerError[] = []): HlsEngine {
  const container = document.createElement('div');
  document.body.append(container);
  const engine = new HlsEngine(url, { container, video, mode, onError: (error) => errors.push(error) });
  cleanup.push(() => {
    engine.destroy();
    container.remove();
  });
  return engine;
}

test('the engine keeps playing the stream started for its video: no reload, and the frames are dated', async () => {
  const { video, reloads } = pageVideo();
  await preloadStream({ src: live }, 'live', video);
  expect(video.currentTime).toBeGreaterThan(0);

  const engine = engineFor(live, video, 'live');
  const time = video.currentTime;
  await expect.poll(() => video.currentTime, { timeout: 5_000, interval: 50 }).toBeGreaterThan(time + 0.5);
  expect(reloads()).toBe(0);
  expect(Date.now() - (engine.pdtAt(video.currentTime) ?? 0)).toBeLessThan(15_000);
}, 25_000);

test('a stream started for another source is dropped: the engine plays its own', async () => {
  const { video, reloads } = pageVideo();
  await preloadStream({ src: live }, 'live', video);
  // Live plays near its edge (the test stream started a minute before the tests).
  expect(video.currentTime).toBeGreaterThan(30);

  // The page switched the player to the recording before it was defined: it plays from its start.
  engineFor(`${origin}/hls/vod.m3u8`, video, 'replay');
  await expect.poll(() => video.currentTime > 0 && video.currentTime < 10, { timeout: 10_000, interval: 50 }).toBe(true);
  expect(reloads()).toBeGreaterThan(0);
}, 25_000);

test('a stream that cannot load lets the loader go on, and the engine reports the failure itself', async () => {
  const { video } = pageVideo();
  const missing = `${origin}/hls/no-such-show.m3u8`;
  // Resolved (the loader then loads the elements) rather than waiting for a frame that never comes.
  await preloadStream({ src: missing }, 'live', video);

  const errors: PlayerError[] = [];
  engineFor(missing, video, 'live', errors);
  await expect.poll(() => errors.map((error) => error.code), { timeout: 15_000, interval: 100 }).toEqual(['stream-network']);
}, 25_000);
