import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import './define.js';
import { EVENTS } from './constants.js';
import type { LiveShopElement } from './live-shop.js';
import { CustomSource } from './sources/custom-source.js';
import { cardTitles, envelope, nextEvent, product } from './test-helpers.js';

const origin = inject('simulatorOrigin');
const vodUrl = `${origin}/hls/vod.m3u8`;

let player: LiveShopElement;
let source: CustomSource;
/** The program date time of the recording's first frame, from its playlist. */
let startPdt: number;

beforeAll(async () => {
  const playlist = await (await fetch(vodUrl)).text();
  const date = /#EXT-X-PROGRAM-DATE-TIME:(\S+)/.exec(playlist)?.[1];
  if (!date) throw new Error(`${vodUrl} has no EXT-X-PROGRAM-DATE-TIME; replay needs the recording's dates.`);
  startPdt = Date.parse(date);

  // A recorded log, as RecordedSource would fetch it: every event follows the playhead.
  source = new CustomSource({ audience: 'at-playhead' });
  source.push([
    envelope('catalog.set', startPdt, { products: [product('a', 'Red scarf'), product('b', 'Blue hat')] }),
    envelope('product.highlight', startPdt + 2_000, { productId: 'a' }),
    envelope('chat.message', startPdt + 3_000, { messageId: 'm1', text: 'Love it', author: { name: 'Ana', role: 'viewer' } }),
    envelope('product.highlight', startPdt + 6_000, { productId: 'b' }),
    envelope('product.clear', startPdt + 8_000, { productId: 'a' }),
  ]);

  player = document.createElement('live-shop');
  player.style.width = '640px';
  player.mode = 'replay';
  player.source = source;
  player.src = vodUrl;
  const ready = nextEvent(player, EVENTS.ready, 20_000);
  document.body.append(player);
  await ready;
}, 25_000);

afterAll(() => player.remove());

/**
 * Seeks the (paused) replay and waits for the frame there. Before the first discontinuity
 * media time and dates advance together, so the frame's pdt is start + time (within a
 * frame and the seek's rounding to one).
 */
async function seekTo(seconds: number, tolerance = 50): Promise<void> {
  const seeked = nextEvent(player.video, 'seeked', 10_000);
  player.video.currentTime = seconds;
  await seeked;
  await expect
    .poll(() => Math.abs((player.currentPdt ?? 0) - (startPdt + seconds * 1000)), { timeout: 2_000, interval: 20 })
    .toBeLessThan(tolerance);
  await player.updateComplete;
}

test('replay waits for the viewer instead of autoplaying', () => {
  expect(player.video.paused).toBe(true);
  expect(player.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim()).toBe('Replay');
});

test('shows the state at the playhead after a seek, forwards and back', async () => {
  await seekTo(7);
  expect(player.state.highlights.map((highlight) => highlight.productId)).toEqual(['b', 'a']);
  expect(player.state.chat.messages.map((message) => message.text)).toEqual(['Love it']);
  await expect.poll(() => cardTitles(player)).toEqual(['Blue hat', 'Red scarf']);

  await seekTo(9);
  await expect.poll(() => cardTitles(player)).toEqual(['Blue hat']);

  await seekTo(1);
  expect(player.state.chat.messages).toEqual([]);
  await expect.poll(() => cardTitles(player)).toEqual([]);
});

test('a card\'s add-to-cart request reaches the page, with the moment that sold it', async () => {
  await seekTo(3);
  await expect.poll(() => cardTitles(player)).toEqual(['Red scarf']);
  const request = nextEvent(document.body, 'live-shop-add-to-cart', 1_000);
  const card = player.shadowRoot?.querySelector('live-shop-highlights')?.shadowRoot?.querySelector('live-shop-product-card');
  card?.shadowRoot?.querySelector<HTMLButtonElement>('[part="button"]')?.click();
  const { detail } = await request;
  expect(detail.product.id).toBe('a');
  expect(detail.variantId).toBe('a-v');
  expect(detail.pdt).toBe(startPdt + 2_000);
});

test('follows the dates of the segment after a discontinuity', async () => {
  // The simulator's loop restarts its timestamps every 16 s; a recording longer than that
  // has an EXT-X-DISCONTINUITY, after which hls.js places the next segment where the last
  // one's samples ended, so media time and dates drift apart by a few tens of ms. The
  // pdt must come from the segment's own date, not from start + media time.
  // The test setup's recording is a minute long, so it has one.
  expect(player.video.duration).toBeGreaterThan(18);
  await seekTo(17, 200);
  const pdt = player.currentPdt ?? 0;
  expect(pdt).toBeGreaterThanOrEqual(startPdt + 16_000);
  expect(pdt).toBeLessThan(startPdt + 18_000);
});
