#!/usr/bin/env node
// Card-to-video sync in real Chromium against the live simulator: 20 highlights posted
// through the relay; for each, |card shown − playhead reaches the event's pdt|, beside the
// error of the naive "show on arrival" approach. Bar (docs/design.md): p95 ≤ 50 ms.
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { issueToken, startDemo } from '../scripts/test/demo-process.mjs';
import { clearHighlights, installProbe, measureHighlight, percentile } from '../scripts/test/sync-probe.mjs';

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
    return {
      name: 'sync',
      highlights,
      scheduled: { p50: percentile(errors, 50), p95: percentile(errors, 95), max: Math.max(...errors) },
      onArrival: { p50: percentile(naive, 50), p95: percentile(naive, 95), max: Math.max(...naive) },
      viewerLatencyMs: { p50: percentile(latency, 50) },
      bar: { p95: 50 },
      pass: percentile(errors, 95) <= 50,
    };
  } finally {
    await browser.close();
    await demo.stop();
  }
}
