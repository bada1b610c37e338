import { expect, inject, test } from 'vitest';
import { EVENTS } from './constants.js';
import type { LiveShopElement } from './live-shop.js';
import { nextEvent } from './test-helpers.js';

const origin = inject('simulatorOrigin');

// Each browser test file runs in its own page, so this loader is the first to see a <live-shop>.
test('the loader plays the stream before the elements load, and the element takes that video over without a restart', async () => {
  const column = document.createElement('div');
  column.style.width = '640px';
  // The brand's width for the player applies before the element is defined too.
  const pageStyle = document.createElement('style');
  pageStyle.textContent = 'live-shop { width: 480px; }';
  document.head.append(pageStyle);
  const player = document.createElement('live-shop') as LiveShopElement;
  player.setAttribute('src', `${origin}/hls/live.m3u8`);
  column.append(player);
  document.body.append(column);
  const ready = nextEvent(player, EVENTS.ready, 25_000);
  await import('./loader.js');

  // The video is on the page at once, in the box the player will have, before any of its code.
  const video = player.querySelector('video');
  if (!video) throw new Error('The loader put no <video> in the <live-shop>.');
  expect(video.getBoundingClientRect().height).toBeCloseTo((480 * 9) / 16, 0);
  let reloads = 0;
  video.addEventListener('emptied', () => reloads++);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The loader\'s video showed no frame within 20 s.')), 20_000);
    video.requestVideoFrameCallback(() => {
      clearTimeout(timer);
      resolve();
    });
  });
  // The first frame is on screen while the elements are still to come.
  expect(customElements.get('live-shop')).toBeUndefined();
  expect(video.muted).toBe(true);

  await ready;
  expect(player.video).toBe(video);
  expect(player.shadowRoot?.contains(video)).toBe(true);
  expect(player.querySelector('video')).toBeNull();
  // Same stream, no new MediaSource (which would empty the video), still playing.
  expect(reloads).toBe(0);
  expect(video.paused).toBe(false);
  const time = video.currentTime;
  await expect.poll(() => video.currentTime, { timeout: 5_000, interval: 50 }).toBeGreaterThan(time + 0.5);
  expect(Date.now() - (player.currentPdt ?? 0)).toBeLessThan(15_000);
  // The player's own box is the one the loader's video had.
  expect(video.getBoundingClientRect().height).toBeCloseTo((480 * 9) / 16, 0);
  // The loader's stand-in display is gone: the element's own :host style applies.
  expect(player.hasAttribute('style')).toBe(false);
  expect(getComputedStyle(player).display).toBe('block');
  column.remove();
  pageStyle.remove();
}, 30_000);
