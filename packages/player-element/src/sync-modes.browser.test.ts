import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import './define.js';
import { EVENTS } from './constants.js';
import type { ProductShownDetail } from './events.js';
import type { LiveShopElement } from './live-shop.js';
import { CustomSource } from './sources/custom-source.js';
import { cardTitles, envelope, frameWhere, nextEvent, product } from './test-helpers.js';

// The viewer always sees the state at their playhead: live (live-shop.browser.test.ts),
// after rewinding into the live stream's DVR window, after seeking forward again, on a late
// join, and in replay (replay.browser.test.ts).

const origin = inject('simulatorOrigin');

describe('<live-shop> sync in the DVR window and on a late join', () => {
  let player: LiveShopElement;
  let source: CustomSource;
  /** pdt of the moments below, set once the player plays. */
  let t0: number;

  const playhead = (): number => player.currentPdt ?? Number.NaN;

  /** Seeks the live video to the frame of `pdt` (media time from the engine's mapping) and waits for it. */
  async function seekToPdt(pdt: number): Promise<void> {
    const video = player.video;
    const mediaNow = video.currentTime;
    const target = mediaNow + (pdt - playhead()) / 1000;
    const seeked = nextEvent(video, 'seeked', 10_000);
    video.currentTime = target;
    await seeked;
    await frameWhere(() => Math.abs(playhead() - pdt) < 1_000, 5_000);
  }

  beforeAll(async () => {
    player = document.createElement('live-shop');
    player.style.width = '640px';
    player.src = `${origin}/hls/live.m3u8`;
    const ready = nextEvent(player, EVENTS.ready, 20_000);
    document.body.append(player);
    await ready;
    // The simulator's DVR window reaches back a minute (the setup's stream started then).
    await frameWhere(() => player.video.seekable.length > 0 && player.video.seekable.end(0) - player.video.seekable.start(0) > 30, 10_000);

    // A show that has been on for a while: a late joiner's source holds moments before
    // the playhead. a: on from t0 to t0+6 s; b: from t0+10 s; a price change at t0+8 s.
    t0 = Math.round(playhead() - 25_000);
    source = new CustomSource();
    source.push([
      envelope('catalog.set', t0 - 60_000, { products: [product('a', 'Field jacket'), product('b', 'Trail boots')] }),
      envelope('product.highlight', t0, { productId: 'a' }),
      envelope('product.clear', t0 + 6_000, { productId: 'a' }),
      envelope('price.update', t0 + 8_000, { productId: 'b', price: { amount: '99.00', currencyCode: 'USD' } }),
      envelope('product.highlight', t0 + 10_000, { productId: 'b' }),
    ]);
    player.source = source;
  }, 30_000);

  afterAll(() => player.remove());

  test('a late joiner sees the state at the playhead at once: b on screen, a already cleared', async () => {
    await frameWhere(() => cardTitles(player).length > 0, 2_000);
    expect(cardTitles(player)).toEqual(['Trail boots']);
    expect(player.state.products.find((item) => item.id === 'b')?.price.amount).toBe('99.00');
  });

  test('rewinding into the DVR window shows what was on screen then, and replays the moments on their frames', async () => {
    await seekToPdt(t0 + 2_000);
    // At t0+2 s only a was on screen, and b's price had not changed yet.
    await frameWhere(() => cardTitles(player).join() === 'Field jacket', 2_000);
    expect(player.state.products.find((item) => item.id === 'b')?.price.amount).toBe('19.99');

    // Playing on: a goes at t0+6 s and b comes at t0+10 s, each on its frame, never before.
    const shown: ProductShownDetail[] = [];
    const early: string[] = [];
    let watching = true;
    const watch = () => {
      const titles = cardTitles(player);
      if (playhead() < t0 + 6_000 - 40 && !titles.includes('Field jacket')) early.push(`a gone at ${playhead() - t0}`);
      if (playhead() < t0 + 10_000 && titles.includes('Trail boots')) early.push(`b shown at ${playhead() - t0}`);
      if (watching) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    const onShown = (event: { detail: ProductShownDetail }) => shown.push(event.detail);
    player.addEventListener(EVENTS.productShown, onShown);
    await frameWhere(() => cardTitles(player).join() === 'Trail boots', 15_000);
    watching = false;
    player.removeEventListener(EVENTS.productShown, onShown);

    expect(early).toEqual([]);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.productId).toBe('b');
    const error = (shown[0]?.framePdt ?? 0) - (shown[0]?.pdt ?? 0);
    expect(error).toBeGreaterThanOrEqual(0);
    expect(error).toBeLessThanOrEqual(50);
  });

  test('seeking forward again past several moments lands on the state there, in order, with the state of its frame', async () => {
    await seekToPdt(t0 + 3_000);
    await frameWhere(() => cardTitles(player).join() === 'Field jacket', 2_000);
    // Every distinct set of cards on screen, frame by frame, across the seek.
    const sets: string[] = [];
    let watching = true;
    const watch = () => {
      const current = cardTitles(player).join(' + ');
      if (current && sets[sets.length - 1] !== current) sets.push(current);
      if (watching) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    // The watch has seen the frame before the seek (a seek sets currentTime at once: the
    // player may show the target's state on the very next frame, before a later first look).
    await frameWhere(() => sets.length > 0, 2_000);
    await seekToPdt(t0 + 12_000);
    await frameWhere(() => cardTitles(player).join() === 'Trail boots', 2_000);
    // One more frame, so the watch has seen what is on screen now.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    watching = false;
    expect(sets).toEqual(['Field jacket', 'Trail boots']);
    expect(player.state.products.find((item) => item.id === 'b')?.price.amount).toBe('99.00');
  });
});
