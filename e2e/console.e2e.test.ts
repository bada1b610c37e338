import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { issueToken, startDemo } from '../scripts/test/demo-process.mjs';

// The producer console as a producer meets it: the demo process serves it at /console/,
// the producer pastes a token, watches the preview and runs the show with the keyboard
// and the panels; every action must land in the show's log stamped with the frame the
// preview showed when it was asked for.

interface Envelope {
  seq: number;
  type: string;
  at: number;
  pdt: number;
  data: Record<string, unknown>;
}

interface DemoProduct {
  id: string;
  title: string;
  variants: { id: string; title: string }[];
}

let demo: Awaited<ReturnType<typeof startDemo>>;
let browser: Browser;
let token: string;
let products: DemoProduct[];
const pageErrors: string[] = [];

async function logAfter(seq: number): Promise<Envelope[]> {
  const response = await fetch(`${demo.origin}/v1/shows/demo/events?after=${seq}`);
  return ((await response.json()) as { events: Envelope[] }).events;
}

async function lastSeq(): Promise<number> {
  return ((await (await fetch(`${demo.origin}/v1/shows/demo/state`)).json()) as { seq: number }).seq;
}

/** The first event of `type` after `seq` that matches, once it is in the log. */
async function logged(after: number, type: string, matches: (event: Envelope) => boolean = () => true): Promise<Envelope> {
  let found: Envelope | undefined;
  await expect
    .poll(
      async () => {
        found = (await logAfter(after)).find((event) => event.type === type && matches(event));
        return found !== undefined;
      },
      { timeout: 10_000, interval: 100 },
    )
    .toBe(true);
  return found!;
}

async function openConsole(path = '/console/?show=demo'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) pageErrors.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${demo.origin}${path}`);
  return page;
}

async function signIn(page: Page, value: string): Promise<void> {
  await page.getByLabel(/Producer token for show/).fill(value);
  await page.getByRole('button', { name: 'Open console' }).click();
}

/** The preview plays: the frame on screen has a program date time. */
async function previewPlaying(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('live-shop-console')?.preview?.currentPdt !== undefined, undefined, { timeout: 30_000 });
}

beforeAll(async () => {
  demo = await startDemo();
  browser = await chromium.launch(chromiumLaunchOptions());
  token = await issueToken(demo.origin, demo.adminKey, 'demo', 'producer');
  const { state } = (await (await fetch(`${demo.origin}/v1/shows/demo/state`)).json()) as { state: { products: DemoProduct[] } };
  products = state.products;
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe('the producer console', () => {
  it('is served by the relay at /console/, with a strict content security policy', async () => {
    const redirect = await fetch(`${demo.origin}/console?show=demo`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/console/?show=demo');
    const page = await fetch(`${demo.origin}/console/?show=demo`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<live-shop-console>');
  });

  it('answers 503 with what to do when the console is not built', async () => {
    const { createRelay } = await import('@live-shop/relay');
    const { registerConsole, CONSOLE_NOT_BUILT } = await import('../packages/relay/src/console.js');
    const relay = createRelay({ console: false, rateLimits: false });
    registerConsole(relay.app, null);
    const response = await relay.app.inject({ url: '/console/?show=demo' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toBe('The producer console is not built; run npm run build.');
    expect(CONSOLE_NOT_BUILT).toBe(response.body);
    await relay.close();
  });

  it('refuses a wrong token with a clear message, and posts nothing', async () => {
    const before = await lastSeq();
    const page = await openConsole();
    const [header, payload] = token.split('.');
    await signIn(page, `${header}.${payload}.forged-signature`);
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 }).toMatch(/relay refused this token: The token is not a valid relay token/);

    const viewerToken = await issueToken(demo.origin, demo.adminKey, 'demo', 'viewer');
    await signIn(page, viewerToken);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/This is a viewer token; the console needs a producer token/);

    // Nothing was posted, and there is nothing to post with: no catalog, no shortcuts.
    await page.keyboard.press('1');
    expect(await page.getByRole('button', { name: /^Highlight / }).count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await lastSeq()).toBe(before);
    await page.close();
  });

  it('takes a token from the address fragment and removes it from the address bar', async () => {
    const page = await openConsole(`/console/?show=demo#token=${token}`);
    await page.getByRole('heading', { name: /Catalog/ }).waitFor();
    expect(page.url()).toBe(`${demo.origin}/console/?show=demo`);
    expect(await page.evaluate(() => sessionStorage.getItem('live-shop-console:token:demo'))).toBe(token);
    await page.close();
  });

  it('runs the show: every action lands in the log, stamped with the frame the preview showed', async () => {
    const page = await openConsole();
    await signIn(page, token);
    await previewPlaying(page);
    expect(await page.getByRole('button', { name: /^Highlight / }).count()).toBe(products.length);
    const second = products[1]!;
    const first = products[0]!;

    // 2 on the keyboard: the pdt of the frame on screen is recorded at the very key press.
    await page.evaluate(() => {
      const app = document.querySelector('live-shop-console')!;
      window.addEventListener('keydown', () => (window.__pressedPdt = app.preview?.currentPdt), { capture: true, once: true });
    });
    await page.mouse.click(640, 24); // the header: focus out of any field
    let seq = await lastSeq();
    await page.keyboard.press('2');
    const highlight = await logged(seq, 'product.highlight', (event) => event.data.productId === second.id);
    const pressedPdt = await page.evaluate(() => window.__pressedPdt);
    expect(pressedPdt).toBeDefined();
    expect(Math.abs(highlight.pdt - pressedPdt!)).toBeLessThanOrEqual(100);
    // The preview is seconds behind real time, and so is the stamp.
    expect(highlight.at - highlight.pdt).toBeGreaterThan(1_000);
    expect(highlight.at - highlight.pdt).toBeLessThan(30_000);
    await page.getByText(`seq ${highlight.seq}`, { exact: true }).waitFor();
    await page.locator(`[data-product-id="${second.id}"] .badge`).waitFor();

    // Clear that product.
    seq = highlight.seq;
    await page.getByRole('button', { name: `Clear ${second.title}` }).click();
    const clear = await logged(seq, 'product.clear', (event) => event.data.productId === second.id);
    expect(clear.at - clear.pdt).toBeGreaterThan(1_000);

    // A price drop with a countdown, then its end.
    seq = clear.seq;
    await page.getByLabel('Product', { exact: true }).first().selectOption(first.id);
    await page.getByLabel(/New price/).fill('149.00');
    await page.getByLabel('Duration (minutes)').fill('5');
    await page.getByLabel('Code (optional)').fill('SPRING20');
    await page.getByLabel('Quantity limit (optional)').fill('10');
    const startedAt = Date.now();
    await page.getByRole('button', { name: 'Start price drop' }).click();
    const offer = await logged(seq, 'offer.start');
    expect(offer.data).toMatchObject({ kind: 'price-drop', productId: first.id, price: { amount: '149.00', currencyCode: 'USD' }, code: 'SPRING20', quantityLimit: 10 });
    const endsAt = offer.data.endsAt as number;
    expect(endsAt).toBeGreaterThanOrEqual(startedAt + 5 * 60_000 - 2_000);
    expect(endsAt).toBeLessThanOrEqual(Date.now() + 5 * 60_000 + 2_000);
    await expect.poll(() => page.getByRole('timer', { name: /^Time left for/ }).textContent()).toMatch(/^[45]:\d\d$/);
    seq = offer.seq;
    await page.getByRole('button', { name: `End offer on ${first.title}` }).click();
    const offerEnd = await logged(seq, 'offer.end');
    expect(offerEnd.data.offerId).toBe(offer.data.offerId);
    await expect.poll(() => page.getByRole('timer', { name: /^Time left for/ }).count()).toBe(0);

    // A poll, opened and closed.
    seq = offerEnd.seq;
    await page.getByLabel('Question').fill('Olive or rust?');
    await page.getByLabel('Option 1', { exact: true }).fill('Olive');
    await page.getByLabel('Option 2', { exact: true }).fill('Rust');
    await page.getByRole('button', { name: 'Open poll' }).click();
    const poll = await logged(seq, 'poll.open');
    expect(poll.data).toMatchObject({ question: 'Olive or rust?', options: [{ id: 'o1', text: 'Olive' }, { id: 'o2', text: 'Rust' }] });
    seq = poll.seq;
    await page.getByRole('button', { name: 'Close poll: Olive or rust?' }).click();
    const pollClose = await logged(seq, 'poll.close');
    expect(pollClose.data.pollId).toBe(poll.data.pollId);

    // Stock: the first variant of the first product sells out.
    seq = pollClose.seq;
    const variant = first.variants[0]!;
    await page.getByRole('button', { name: `Mark ${variant.title} sold out` }).click();
    const stock = await logged(seq, 'stock.update');
    expect(stock.data).toEqual({ productId: first.id, variantId: variant.id, availableForSale: false });

    // Every one of them was stamped with a frame the preview showed, seconds behind.
    for (const event of [clear, offer, offerEnd, poll, pollClose, stock]) {
      expect(event.at - event.pdt, event.type).toBeGreaterThan(1_000);
      expect(event.at - event.pdt, event.type).toBeLessThan(30_000);
    }
    await page.close();
  });

  it('logged no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});

declare global {
  interface Window {
    __pressedPdt: number | undefined;
  }
}
