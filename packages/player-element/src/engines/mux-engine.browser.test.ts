import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import '../define.js';
import { EVENTS } from '../constants.js';
import type { LiveShopElement } from '../live-shop.js';
import { CustomSource } from '../sources/custom-source.js';
import { envelope, nextEvent, product } from '../test-helpers.js';

// mux-player needs Mux's servers for a playback id; its engine is the same with any HLS
// src, so it is tested here on the local live simulator (through MSE, as in production).
const origin = inject('simulatorOrigin');

describe('the mux-player engine', () => {
  let player: LiveShopElement;

  beforeAll(async () => {
    player = document.createElement('live-shop');
    player.style.width = '640px';
    player.setAttribute('engine', 'mux-player');
    player.src = `${origin}/hls/live.m3u8`;
    const ready = nextEvent(player, EVENTS.ready, 25_000);
    document.body.append(player);
    expect((await ready).detail.engine).toBe('mux-player');
  }, 30_000);

  afterAll(() => player.remove());

  test('plays the live stream and knows the pdt of the frame on screen', async () => {
    const first = player.currentPdt ?? Number.NaN;
    expect(Date.now() - first).toBeGreaterThan(-2_000);
    expect(Date.now() - first).toBeLessThan(15_000);
    await expect.poll(() => player.currentPdt ?? 0, { timeout: 5_000, interval: 50 }).toBeGreaterThan(first + 1_000);
    // The video mux-player plays into is the one whose frames the scheduler follows.
    expect(player.video.isConnected).toBe(true);
    expect(player.video.currentTime).toBeGreaterThan(0);
  });

  test('shows a card on the frame of its event', async () => {
    const source = new CustomSource();
    player.source = source;
    const now = player.currentPdt ?? Number.NaN;
    source.push([envelope('catalog.set', now - 60_000, { products: [product('a')] })]);
    const pdt = Math.round(now + 1_500);
    const shown = nextEvent(player, EVENTS.productShown, 10_000);
    source.push([envelope('product.highlight', pdt, { productId: 'a' })]);
    const { detail } = await shown;
    expect(detail.pdt).toBe(pdt);
    expect(detail.framePdt - pdt).toBeGreaterThanOrEqual(0);
    expect(detail.framePdt - pdt).toBeLessThanOrEqual(100);
  });
});
