import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { issueToken, startDemo } from '../scripts/test/demo-process.mjs';
import { clearHighlights, installProbe, measureHighlight } from '../scripts/test/sync-probe.mjs';

// The whole product, as a new user meets it: `npm start`'s demo process, its viewer page
// in real Chromium, and a producer posting highlights through the public HTTP API.

let demo: Awaited<ReturnType<typeof startDemo>>;
let browser: Browser;
let token: string;
let firstProductId: string;
let secondProductId: string;
const pageErrors: string[] = [];

async function openViewer(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    // Failed loads are reported with their URL below.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) pageErrors.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${demo.origin}/`);
  // Playing live: the frame on screen has a program date time, and it moves.
  await page.waitForFunction(() => document.querySelector('live-shop')?.currentPdt !== undefined, undefined, { timeout: 30_000 });
  return page;
}

beforeAll(async () => {
  demo = await startDemo();
  browser = await chromium.launch(chromiumLaunchOptions());
  token = await issueToken(demo.origin, demo.adminKey, 'demo', 'producer');
  const { state } = (await (await fetch(`${demo.origin}/v1/shows/demo/state`)).json()) as { state: { products: { id: string }[] } };
  [firstProductId, secondProductId] = state.products.map((product) => product.id) as [string, string];
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe('the local demo', () => {
  it('serves a viewer page whose <live-shop> plays the live stream', async () => {
    const page = await openViewer();
    const first = await page.evaluate(() => ({ pdt: document.querySelector('live-shop')!.currentPdt!, now: Date.now() }));
    // A live viewer is a few seconds behind the live edge.
    expect(first.now - first.pdt).toBeGreaterThan(0);
    expect(first.now - first.pdt).toBeLessThan(30_000);
    await page.waitForFunction((start) => document.querySelector('live-shop')!.currentPdt! > start + 1000, first.pdt, { timeout: 10_000 });
    const catalogSize = await page.evaluate(() => document.querySelector('live-shop')!.state.products.length);
    expect(catalogSize).toBeGreaterThanOrEqual(6);
    await page.close();
  });

  it('shows a highlighted product on every viewer when their video reaches its pdt, not when it arrives, and clears it', async () => {
    const viewers = [await openViewer(), await openViewer()];
    for (const page of viewers) await installProbe(page);

    const [measured] = await Promise.all([
      measureHighlight(viewers[0]!, { token, productId: firstProductId }),
      // The second viewer only watches: the event the first one posts reaches it too.
      viewers[1]!.waitForFunction((id) => window.__liveShopProbe.firstSeen.has(id), firstProductId, { timeout: 30_000 }),
    ]);
    // Shown on the frame the producer meant: never drawn before the rendering step that
    // composites that frame, and within 100 ms of its display.
    expect(measured.stepError).toBeGreaterThanOrEqual(-1);
    expect(measured.error).toBeLessThanOrEqual(100);
    // …and not on arrival: the viewer is seconds behind the live edge.
    expect(measured.latencyMs).toBeGreaterThan(1000);
    expect(measured.shownAt - measured.postedAt).toBeGreaterThan(measured.latencyMs - 1000);

    const second = await measureHighlight(viewers[0]!, { token, productId: secondProductId });
    expect(second.stepError).toBeGreaterThanOrEqual(-1);
    expect(second.error).toBeLessThanOrEqual(100);
    // Two highlights stack, most recent first.
    expect(await viewers[0]!.evaluate(() => window.__liveShopProbe.visibleCards())).toEqual([secondProductId, firstProductId]);

    await Promise.all(viewers.map((page) => clearHighlights(page, { token })));
    for (const page of viewers) expect(await page.evaluate(() => window.__liveShopProbe.visibleCards())).toEqual([]);
    for (const page of viewers) await page.close();
  });

  it('refuses a highlight without a producer token, saying what is missing', async () => {
    const response = await fetch(`${demo.origin}/v1/shows/demo/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'product.highlight', data: { productId: firstProductId } }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.message).toMatch(/token/i);
  });

  it('logged no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});

declare global {
  interface Window {
    __liveShopProbe: { firstSeen: Map<string, number>; visibleCards: () => string[] };
  }
}
