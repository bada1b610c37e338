import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import './define.js';
import { EVENTS } from './constants.js';
import type { ProductShownDetail } from './events.js';
import type { LiveShopElement } from './live-shop.js';
import { CustomSource } from './sources/custom-source.js';
import { cardTitles, envelope, frameWhere, nextEvent, product } from './test-helpers.js';

const origin = inject('simulatorOrigin');

describe('<live-shop> on the live simulator', () => {
  let player: LiveShopElement;
  let readyEngine: string | undefined;

  /** The pdt of the frame on screen; defined once the player is ready. */
  const playhead = (): number => player.currentPdt ?? Number.NaN;

  beforeAll(async () => {
    player = document.createElement('live-shop');
    player.style.width = '640px';
    player.src = `${origin}/hls/live.m3u8`;
    const ready = nextEvent(player, EVENTS.ready, 20_000);
    document.body.append(player);
    readyEngine = (await ready).detail.engine;
  }, 25_000);

  afterAll(() => player.remove());

  test('plays the live stream through hls.js, a few seconds behind real time, advancing', async () => {
    expect(readyEngine).toBe('hls.js');
    const first = playhead();
    const behind = Date.now() - first;
    expect(behind).toBeGreaterThan(-2_000);
    expect(behind).toBeLessThan(15_000);
    await expect.poll(playhead, { timeout: 5_000, interval: 50 }).toBeGreaterThan(first + 1_000);
    expect(Date.now() - playhead()).toBeLessThan(15_000);
    // The same dates are available for any media time (what sync probes use).
    expect(player.pdtAtMediaTime(player.video.currentTime)).toBeGreaterThan(first);
  });

  test('shows a card on the frame its event belongs to, not on arrival', async () => {
    const source = new CustomSource();
    player.source = source;
    source.push([envelope('catalog.set', playhead() - 60_000, { products: ['a', 'b', 'c', 'd', 'e'].map((id) => product(id)) })]);

    const errors: number[] = [];
    const early: number[] = [];
    let watching = true;
    // Every frame: a card on screen while the playhead is still before its pdt is a failure.
    const pending = new Map<string, number>();
    const watch = () => {
      for (const title of cardTitles(player)) {
        const pdt = pending.get(title);
        if (pdt !== undefined && playhead() < pdt) early.push(pdt - playhead());
      }
      if (watching) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    // The video's presented frames: on a loaded machine the video itself skips frames, and
    // a card can only be shown with the first frame presented at or after its pdt.
    let lastMediaTime: number | undefined;
    let widestGapMs = 0;
    const onFrame = (_now: number, frame: VideoFrameCallbackMetadata) => {
      if (lastMediaTime !== undefined) widestGapMs = Math.max(widestGapMs, (frame.mediaTime - lastMediaTime) * 1000);
      lastMediaTime = frame.mediaTime;
      if (watching) player.video.requestVideoFrameCallback(onFrame);
    };
    player.video.requestVideoFrameCallback(onFrame);
    const onShown = (event: { detail: ProductShownDetail }) => errors.push(event.detail.framePdt - event.detail.pdt);
    player.addEventListener(EVENTS.productShown, onShown);

    // Five highlights, 2 s ahead of the playhead, 317 ms apart and starting at a random
    // point of a frame, so that they land at different phases of the frame clock.
    const start = Math.round(playhead() + 2_000 + Math.random() * 33);
    const ids = ['a', 'b', 'c', 'd', 'e'];
    ids.forEach((id, index) => pending.set(`Product ${id}`, start + index * 317));
    source.push(ids.map((id, index) => envelope('product.highlight', start + index * 317, { productId: id })));
    await player.updateComplete;
    expect(cardTitles(player)).toEqual([]);

    await frameWhere(() => errors.length === ids.length, 10_000);
    watching = false;
    player.removeEventListener(EVENTS.productShown, onShown);
    console.log(`sync error framePdt − pdt (ms): ${errors.map((error) => error.toFixed(1)).join(', ')}`);
    expect(early).toEqual([]);
    // Within 100 ms, or within the widest gap between two presented frames (plus a display
    // refresh) when the video itself stalled longer than that.
    const bound = Math.max(100, widestGapMs + 17);
    for (const error of errors) {
      expect(error).toBeGreaterThanOrEqual(0);
      expect(error, `widest gap between presented frames: ${widestGapMs.toFixed(1)} ms`).toBeLessThanOrEqual(bound);
    }
    expect(cardTitles(player)).toEqual(['Product e', 'Product d', 'Product c']);

    // product.clear without a product id clears every card, on its own frame.
    const clearAt = Math.round(playhead() + 500);
    source.push([envelope('product.clear', clearAt, {})]);
    await frameWhere(() => cardTitles(player).length === 0, 5_000);
    expect(playhead()).toBeGreaterThanOrEqual(clearAt);

    // An event already behind the playhead (a late arrival) applies on the next animation
    // frame (events arriving together are applied together, once per frame).
    await expect.poll(playhead, { timeout: 2_000, interval: 20 }).toBeGreaterThan(clearAt + 600);
    const late = Math.round(playhead() - 500);
    const shown = nextEvent(player, EVENTS.productShown, 1_000);
    source.push([envelope('product.highlight', late, { productId: 'b' })]);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(player.state.highlights.map((highlight) => highlight.productId)).toEqual(['b']);
    const detail = (await shown).detail;
    expect(detail).toMatchObject({ productId: 'b', pdt: late });
    expect(cardTitles(player)).toEqual(['Product b']);
  });

  test('ignores event types it does not know, and invalid events', async () => {
    const source = new CustomSource();
    player.source = source;
    const before = playhead() - 10_000;
    source.push([envelope('catalog.set', before, { products: [product('a')] })]);
    await expect.poll(() => player.state.products.length).toBe(1);
    const state = player.state;

    const added = source.push([
      envelope('hologram.show', before, { beam: 'me up' }),
      envelope('product.highlight', before, { productId: 42 }),
    ]);
    expect(added).toBe(0);
    expect(player.state).toBe(state);

    // The feed keeps working after them.
    source.push([envelope('product.highlight', before + 1, { productId: 'a' })]);
    await frameWhere(() => cardTitles(player).length === 1, 2_000);
    expect(cardTitles(player)).toEqual(['Product a']);
  });
});
