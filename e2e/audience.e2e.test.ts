import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { issueToken, startDemo } from '../scripts/test/demo-process.mjs';

// The audience, end to end on the demo: two viewers in Chromium, the relay between them.
// One chats (asked for a name once), the other reads it; a poll opened through the API is
// voted on and both see the results; a reaction reaches the other viewer's totals.

let demo: Awaited<ReturnType<typeof startDemo>>;
let browser: Browser;
let token: string;
const pageErrors: string[] = [];

async function openViewer(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(message.text());
  });
  await page.goto(`${demo.origin}/`);
  await page.waitForFunction(() => document.querySelector('live-shop')?.currentPdt !== undefined, undefined, { timeout: 30_000 });
  return page;
}

async function post(body: unknown): Promise<void> {
  const response = await fetch(`${demo.origin}/v1/shows/demo/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
}

beforeAll(async () => {
  demo = await startDemo();
  browser = await chromium.launch(chromiumLaunchOptions());
  token = await issueToken(demo.origin, demo.adminKey, 'demo', 'producer');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe('the audience of the demo show', () => {
  it('chat: a viewer gives a name once and sends; the other viewer reads it', async () => {
    const [ana, bo] = [await openViewer(), await openViewer()];
    const chat = ana.locator('live-shop-chat');
    await chat.waitFor({ timeout: 15_000 });
    await chat.locator('[part~="input"]').fill('Is the jacket waxed by hand?');
    await chat.locator('[part~="send-button"]').click();
    // First message: the name form.
    await chat.locator('[part~="name-input"]').fill('Ana');
    await chat.locator('[part~="name-save-button"]').click();
    await expect.poll(() => chat.locator('[part~="input"]').inputValue(), { timeout: 10_000 }).toBe('');
    const message = bo.locator('live-shop-chat [part~="message"]', { hasText: 'Is the jacket waxed by hand?' });
    await message.waitFor({ timeout: 15_000 });
    expect(await message.locator('[part~="author"]').textContent()).toContain('Ana');
    // Ana's own message is marked as hers, on her screen only; still after a reload.
    const own = (page: Page) => page.locator('live-shop-chat [part~="own-message"]', { hasText: 'Is the jacket waxed by hand?' });
    await own(ana).waitFor({ timeout: 10_000 });
    expect(await own(bo).count()).toBe(0);
    await ana.reload();
    await own(ana).waitFor({ timeout: 20_000 });
    await ana.close();
    await bo.close();
  });

  it('a poll opened by the producer is voted on, and both viewers see the results', async () => {
    const [ana, bo] = [await openViewer(), await openViewer()];
    await post({ type: 'poll.open', data: { pollId: 'colour', question: 'Which colour next?', options: [{ id: 'olive', text: 'Olive' }, { id: 'rust', text: 'Rust' }] } });
    // The poll applies when each viewer's video reaches its moment (a few seconds behind live).
    const poll = ana.locator('live-shop-poll');
    await poll.waitFor({ timeout: 20_000 });
    await poll.locator('label', { hasText: 'Rust' }).click();
    await poll.locator('[part~="vote-button"]').click();
    await expect.poll(() => ana.locator('live-shop-poll [part~="results"]').textContent(), { timeout: 10_000 }).toContain('100');
    await expect.poll(() => bo.evaluate(() => document.querySelector('live-shop')!.state.polls.find((poll) => poll.pollId === 'colour')?.counts.rust), { timeout: 10_000 }).toBe(1);
    await ana.close();
    await bo.close();
  });

  it("a viewer's reaction reaches the other viewer's totals", async () => {
    const [ana, bo] = [await openViewer(), await openViewer()];
    await ana.locator('live-shop-reactions [part~="button"]').first().waitFor({ timeout: 15_000 });
    const before = await bo.evaluate(() => Object.values(document.querySelector('live-shop')!.state.reactions).reduce((sum, count) => sum + count, 0));
    await ana.locator('live-shop-reactions [part~="button"]').first().click();
    await expect
      .poll(() => bo.evaluate(() => Object.values(document.querySelector('live-shop')!.state.reactions).reduce((sum, count) => sum + count, 0)), { timeout: 10_000 })
      .toBeGreaterThan(before);
    await ana.close();
    await bo.close();
  });

  it('logged no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
