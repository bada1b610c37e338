#!/usr/bin/env node
// Takes docs/console.png: the console at 1280×800 on the demo show, mid-show (a highlight,
// a running price drop, an open poll, some chat). Starts the demo itself (after
// `npm run build`), or uses a running one: LIVE_SHOP_ORIGIN=http://127.0.0.1:4173
// LIVE_SHOP_ADMIN_KEY=… node packages/producer-console/scripts/screenshot.mjs
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';
import { issueToken, startDemo } from '../../../scripts/test/demo-process.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const output = join(here, '../docs/console.png');

const demo = process.env.LIVE_SHOP_ORIGIN
  ? { origin: process.env.LIVE_SHOP_ORIGIN, adminKey: process.env.LIVE_SHOP_ADMIN_KEY ?? '', stop: async () => {} }
  : await startDemo({ env: { DEMO_AUTOPILOT: '0' } });
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const token = await issueToken(demo.origin, demo.adminKey, 'demo', 'producer');
  const post = async (type, data) => {
    const response = await fetch(`${demo.origin}/v1/shows/demo/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type, data }),
    });
    if (!response.ok) throw new Error(`${type}: ${response.status} ${await response.text()}`);
  };
  const { state } = await (await fetch(`${demo.origin}/v1/shows/demo/state`)).json();
  const [first, second] = state.products;
  const chat = [
    ['Maya', 'That jacket looks perfect for the coast path 😍'],
    ['Leo', 'Does the field jacket come in navy?'],
    ['Priya', 'Just ordered the boots!'],
    ['Sam', 'Is the wax finish easy to re-proof?'],
    ['Ana', 'Love the colours this season'],
  ];
  for (const [index, [name, text]] of chat.entries()) {
    await post('chat.message', { messageId: `shot-${Date.now()}-${index}`, text, author: { id: `viewer-${index}`, name, role: 'viewer' } });
  }
  await post('offer.start', {
    offerId: `shot-offer-${Date.now()}`,
    kind: 'price-drop',
    productId: first.id,
    price: { amount: '149.00', currencyCode: first.price.currencyCode },
    endsAt: Date.now() + 9 * 60_000 + 42_000,
    code: 'TRAIL20',
    quantityLimit: 25,
  });
  await post('poll.open', { pollId: `shot-poll-${Date.now()}`, question: 'Which colour should we show next?', options: [{ id: 'o1', text: 'Olive' }, { id: 'o2', text: 'Rust' }] });

  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${demo.origin}/console/?show=demo#token=${token}`);
  await page.waitForFunction(() => document.querySelector('live-shop-console')?.preview?.currentPdt !== undefined, undefined, { timeout: 30_000 });
  await page.mouse.click(640, 24);
  await page.keyboard.press('2');
  await page.locator(`[data-product-id="${second.id}"] .badge`).waitFor();
  // The card reaches the preview when its frame does; the latency readout has a value.
  await page.waitForFunction(() => /\d/.test(document.querySelector('live-shop-console')?.preview?.shadowRoot?.querySelector('[data-latency]')?.textContent ?? ''));
  await page.screenshot({ path: output });
  console.log(`Screenshot written to ${output}`);
} finally {
  await browser.close();
  await demo.stop();
}
