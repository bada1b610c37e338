#!/usr/bin/env node
// Card-to-video sync in real Chromium against the demo (live simulator + relay), in three
// modes. Live: 20 highlights posted through the relay; for each, |card shown − playhead
// reaches the event's pdt|, beside the error of the naive "show on arrival" approach. DVR:
// moments posted 40 s back, the live viewer rewinds and plays through them. Replay: the
// recording (VOD) with the show's log plays through the same moments. Bar
// (docs/design.md): p95 ≤ 50 ms.
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { issueToken, postEvent, startDemo } from '../scripts/test/demo-process.mjs';
import { clearHighlights, installProbe, measureHighlight, measureScheduled, percentile, seekProbeTo } from '../scripts/test/sync-probe.mjs';

export async function runSyncBench({ highlights = 20 } = {}) {
  const demo = await startDemo();
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const token = await issueToken(demo.origin, demo.adminKey, 'demo', 'producer');
    const { state } = await (await fetch(`${demo.origin}/v1/shows/demo/state`)).json();
    const productIds = state.products.map((product) => product.id);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${demo.origin}/`);
    await page.waitForFunction(() => document.querySelector('live-shop')?.currentPdt !== undefined, undefined, { timeout: 30_000 });
    await installProbe(page);
    // The DVR and replay moments go before anything the live part highlights.
    const beforeLive = await page.evaluate(() => document.querySelector('live-shop').currentPdt);
    const samples = [];
    // Batches of distinct products, posted 700 ms apart so several are in flight (as in a
    // real show, where the producer does not wait for viewers), then cleared.
    while (samples.length < highlights) {
      const batch = productIds.slice(0, Math.min(productIds.length, highlights - samples.length));
      const measured = await Promise.all(
        batch.map((productId, index) => new Promise((resolve) => setTimeout(resolve, index * 700)).then(() => measureHighlight(page, { token, productId }))),
      );
      for (const sample of measured) {
        samples.push(sample);
        process.stdout.write(`  highlight ${String(samples.length).padStart(2)}: card ${sample.error >= 0 ? '+' : ''}${sample.error.toFixed(1)} ms, on arrival ${sample.naiveError.toFixed(0)} ms\n`);
      }
      await clearHighlights(page, { token });
    }
    const errors = samples.map((sample) => Math.abs(sample.error));
    const naive = samples.map((sample) => Math.abs(sample.naiveError));
    const latency = samples.map((sample) => sample.latencyMs);

    // DVR: moments from 45 s before the live part (highlight, then clear 2 s later, every
    // 3 s), posted with their pdt; the viewer rewinds to just before them and plays through.
    const moments = [];
    const start = Math.round(beforeLive - 45_000);
    for (let index = 0; index < Math.min(highlights, 10); index++) {
      const productId = productIds[index % productIds.length];
      const pdt = start + index * 3_000;
      await postEvent(demo.origin, token, { type: 'product.highlight', data: { productId }, pdt });
      await postEvent(demo.origin, token, { type: 'product.clear', data: { productId }, pdt: pdt + 2_000 });
      moments.push({ productId, pdt });
    }
    const dvr = await playThrough(page, moments, 'DVR');

    // Replay: the recording with the show's log (which now holds those moments).
    const replayPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await replayPage.goto(`${demo.origin}/`);
    await replayPage.evaluate(() => {
      const player = document.querySelector('live-shop');
      player.setAttribute('src', '/hls/vod.m3u8');
      player.setAttribute('mode', 'replay');
      player.setAttribute('autoplay', '');
      player.setAttribute('muted', '');
    });
    await replayPage.waitForFunction(() => document.querySelector('live-shop')?.currentPdt !== undefined, undefined, { timeout: 30_000 });
    await installProbe(replayPage);
    const replay = await playThrough(replayPage, moments, 'replay');
    await replayPage.close();

    const stats = (values) => ({ p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) });
    return {
      name: 'sync',
      highlights,
      scheduled: stats(errors),
      onArrival: stats(naive),
      dvr: { samples: dvr.length, ...stats(dvr) },
      replay: { samples: replay.length, ...stats(replay) },
      viewerLatencyMs: { p50: percentile(latency, 50) },
      bar: { p95: 50 },
      pass: Math.max(percentile(errors, 95), percentile(dvr, 95), percentile(replay, 95)) <= 50,
    };
  } finally {
    await browser.close();
    await demo.stop();
  }
}


/** Seeks to just before the first moment and measures each as playback reaches it; |errors| in ms. */
async function playThrough(page, moments, mode) {
  await seekProbeTo(page, moments[0].pdt - 2_000);
  await page.evaluate(() => document.querySelector('live-shop').video.play());
  const errors = [];
  for (const moment of moments) {
    const sample = await measureScheduled(page, moment);
    errors.push(Math.abs(sample.error));
    process.stdout.write(`  ${mode} moment ${String(errors.length).padStart(2)}: card ${sample.error >= 0 ? '+' : ''}${sample.error.toFixed(1)} ms\n`);
  }
  return errors;
}
