import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { issueToken, startDemo } from '../scripts/test/demo-process.mjs';

// Buying from the show, as a viewer of `npm start`'s demo does: a highlighted card's Add to
// cart puts the product in the Shopify cart (the demo's Storefront API fake: Shopify's real
// schema and cart behaviour), the drawer changes and removes lines, the cart survives a
// reload, the store failing loses nothing, and Checkout reaches the cart's checkoutUrl.

interface FakeCart {
  id: string;
  attributes: { key: string; value: string }[];
  lines: { id: string; merchandiseId: string; quantity: number; attributes: { key: string; value: string }[] }[];
}

let demo: Awaited<ReturnType<typeof startDemo>>;
let browser: Browser;
let token: string;
let products: { id: string; title: string; variants: { id: string; availableForSale: boolean }[] }[];
const pageErrors: string[] = [];

async function fake(path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${demo.origin}/__fake/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`/__fake/${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}
const carts = async () => ((await fake('carts')) as { carts: FakeCart[] }).carts;

async function openPage(path = '/'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(message.text());
  });
  await page.goto(`${demo.origin}${path}`);
  await page.waitForFunction(() => document.querySelector('live-shop')?.currentPdt !== undefined, undefined, { timeout: 30_000 });
  return page;
}

/** Highlights a product just ahead of this viewer's playhead and waits for its card. */
async function highlight(page: Page, productId: string, title: string): Promise<number> {
  const pdt = Math.round((await page.evaluate(() => document.querySelector('live-shop')!.currentPdt!)) + 300);
  const response = await fetch(`${demo.origin}/v1/shows/demo/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'product.highlight', data: { productId }, pdt }),
  });
  expect(response.status).toBe(201);
  await page.locator('live-shop-product-card', { hasText: title }).waitFor({ timeout: 15_000 });
  return pdt;
}

const badge = (page: Page) => page.locator('live-shop [part="cart-button"]');
const drawerLines = (page: Page) => page.locator('live-shop-cart [part="line"]');

beforeAll(async () => {
  demo = await startDemo();
  browser = await chromium.launch(chromiumLaunchOptions());
  token = await issueToken(demo.origin, demo.adminKey, 'demo', 'producer');
  ({ state: { products } } = (await (await fetch(`${demo.origin}/v1/shows/demo/state`)).json()) as { state: { products: typeof products } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe('buying from the show (Shopify cart on the Storefront fake)', () => {
  it('adds from a highlighted card with its moment, changes the quantity, removes a line, survives a reload, and reaches checkout', async () => {
    const [jacket, sweater] = products as [(typeof products)[0], (typeof products)[0]];
    const page = await openPage();
    await expect.poll(() => badge(page).getAttribute('aria-label'), { timeout: 10_000 }).toBe('Cart, 0 items');

    // The viewer's analytics session (kept by the beacon when they consented) goes on the cart.
    await page.evaluate(() => sessionStorage.setItem('live-shop:session:demo', 'e2e-session'));
    const pdt = await highlight(page, jacket.id, jacket.title);
    await page.locator('live-shop-product-card', { hasText: jacket.title }).locator('[part="button"]').click();
    await page.locator('live-shop-cart dialog[open]').waitFor();
    await expect.poll(() => drawerLines(page).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => badge(page).getAttribute('aria-label')).toBe('Cart, 1 item');

    // In the store: one line of the first available variant, carrying the moment that sold it.
    let [cart] = await carts();
    expect(cart?.lines).toHaveLength(1);
    expect(cart?.attributes).toEqual([{ key: '_live_shop_session', value: 'e2e-session' }]);
    expect(cart?.lines[0]?.merchandiseId).toBe(jacket.variants.find((variant) => variant.availableForSale)?.id);
    expect(cart?.lines[0]?.attributes).toEqual([
      { key: '_live_shop_show', value: 'demo' },
      { key: '_live_shop_pdt', value: String(pdt) },
      { key: '_live_shop_mode', value: 'live' },
    ]);

    // The video keeps playing behind the open cart.
    const before = await page.evaluate(() => document.querySelector('live-shop')!.video.currentTime);
    await page.waitForFunction((start) => document.querySelector('live-shop')!.video.currentTime > start + 0.5, before, { timeout: 5_000 });

    // Quantity up.
    await page.locator('live-shop-cart [part="quantity"] button').last().click();
    await expect.poll(async () => (await carts())[0]?.lines[0]?.quantity, { timeout: 10_000 }).toBe(2);
    await expect.poll(() => badge(page).getAttribute('aria-label')).toBe('Cart, 2 items');

    // A second product, then the first one removed.
    await page.keyboard.press('Escape');
    await page.locator('live-shop-cart dialog[open]').waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
    await expect.poll(() => page.locator('live-shop-cart dialog[open]').count()).toBe(0);
    await highlight(page, sweater.id, sweater.title);
    await page.locator('live-shop-product-card', { hasText: sweater.title }).locator('[part="button"]').click();
    await expect.poll(() => drawerLines(page).count(), { timeout: 10_000 }).toBe(2);
    await drawerLines(page).filter({ hasText: jacket.title }).locator('[part="remove-button"]').click();
    await expect.poll(() => drawerLines(page).count(), { timeout: 10_000 }).toBe(1);
    [cart] = await carts();
    expect(cart?.lines.map((line) => line.quantity)).toEqual([1]);
    expect(await drawerLines(page).first().locator('[part="line-title"]').textContent()).toBe(sweater.title);

    // A reload keeps the cart (its id is in localStorage for this store).
    await page.reload();
    await expect.poll(() => badge(page).getAttribute('aria-label'), { timeout: 15_000 }).toBe('Cart, 1 item');

    // Checkout opens the cart's checkoutUrl in this tab: the store's checkout page with the line.
    await badge(page).click();
    await page.locator('live-shop-cart dialog[open]').waitFor();
    await page.locator('live-shop-cart [part="checkout-button"]').click();
    await page.waitForURL(/\/cart\/c\//, { timeout: 10_000 });
    expect(await page.title()).toMatch(/^Checkout – /);
    expect(await page.locator('body').textContent()).toContain(sweater.title);
    await page.close();
  });

  it('when the store fails, the viewer is told and can try again; nothing in the cart is lost', async () => {
    await fake('reset', {});
    const [jacket] = products as [(typeof products)[0]];
    const page = await openPage();
    await highlight(page, jacket.id, jacket.title);
    await page.locator('live-shop-product-card', { hasText: jacket.title }).locator('[part="button"]').click();
    await expect.poll(() => drawerLines(page).count(), { timeout: 10_000 }).toBe(1);

    // The store goes down: the change fails after the adapter's retries, with a way to retry.
    await fake('faults', { kind: 'down' });
    await page.locator('live-shop-cart [part="quantity"] button').last().click();
    await page.locator('live-shop-cart [part="error"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('live-shop-cart [part="error"]').textContent()).toMatch(/not answering|try again/i);
    expect(await drawerLines(page).count()).toBe(1);
    expect((await carts())[0]?.lines[0]?.quantity).toBe(1);

    // Back up: Try again applies the change once.
    await fetch(`${demo.origin}/__fake/faults`, { method: 'DELETE' });
    await page.locator('live-shop-cart [part="retry-button"]').click();
    await expect.poll(async () => (await carts())[0]?.lines[0]?.quantity, { timeout: 15_000 }).toBe(2);
    await expect.poll(() => page.locator('live-shop-cart [part="error"]').count()).toBe(0);

    // Less stock than asked for: the store clamps the line, and the drawer says so beside it.
    const variantId = (await carts())[0]?.lines[0]?.merchandiseId;
    await fake('stock', { merchandiseId: variantId, quantity: 3 });
    const input = page.locator('live-shop-cart [part="quantity"] input');
    await input.fill('5');
    await input.press('Enter');
    await expect.poll(async () => (await carts())[0]?.lines[0]?.quantity, { timeout: 10_000 }).toBe(3);
    await expect.poll(() => page.locator('live-shop-cart [part="line"] [part="warning"]').textContent(), { timeout: 10_000 }).toBe('Only 3 left, so the quantity is now 3.');

    // The page switches the player to French: the store's messages follow, not only the drawer's.
    await page.evaluate(() => {
      document.querySelector('live-shop')!.locale = 'fr-FR';
    });
    await expect.poll(async () => (await page.locator('live-shop-cart [part="checkout-button"]').textContent())?.trim(), { timeout: 10_000 }).toBe('Passer la commande');
    await fake('stock', { merchandiseId: variantId, quantity: 2 });
    await input.fill('5');
    await input.press('Enter');
    await expect.poll(async () => (await carts())[0]?.lines[0]?.quantity, { timeout: 10_000 }).toBe(2);
    await expect.poll(() => page.locator('live-shop-cart [part="line"] [part="warning"]').textContent(), { timeout: 10_000 }).toBe('Stock insuffisant\u00a0: la quantité a été ramenée à 2.');
    await page.close();
  });

  it("works with the site's own cart on host-cart.html: one cart, two views", async () => {
    const [jacket] = products as [(typeof products)[0]];
    const page = await openPage('/host-cart.html');
    await highlight(page, jacket.id, jacket.title);
    await page.locator('live-shop-product-card', { hasText: jacket.title }).locator('[part="button"]').click();
    await expect.poll(() => page.locator('#site-cart-count').textContent(), { timeout: 10_000 }).toBe('1');
    await expect.poll(() => badge(page).getAttribute('aria-label')).toBe('Cart, 1 item');
    await page.locator('live-shop-cart dialog[open]').waitFor();
    // The drawer's + reaches the site's cart.
    await page.locator('live-shop-cart [part="quantity"] button').last().click();
    await expect.poll(() => page.locator('#site-cart-count').textContent(), { timeout: 10_000 }).toBe('2');
    await expect.poll(() => badge(page).getAttribute('aria-label')).toBe('Cart, 2 items');
    await page.close();
  });

  it("shows the store's prices on the cards, and asks the store again on a stock or price event", async () => {
    await fake('reset', {});
    const [jacket] = products as [(typeof products)[0]];
    const variants = jacket.variants.map((variant) => variant.id);
    // The store's price differs from the show's catalog ($189.00): the card shows the store's.
    for (const merchandiseId of variants) await fake('price', { merchandiseId, amount: '149.00', compareAtAmount: '240.00' });
    const page = await openPage();
    const price = page.locator('live-shop-product-card', { hasText: jacket.title }).locator('[part="price"]');
    await highlight(page, jacket.id, jacket.title);
    await expect.poll(() => price.textContent(), { timeout: 10_000 }).toBe('$149.00');

    // The store changes again; the show's next stock event for the product makes the player ask.
    for (const merchandiseId of variants) await fake('price', { merchandiseId, amount: '99.00', compareAtAmount: '240.00' });
    const pdt = Math.round((await page.evaluate(() => document.querySelector('live-shop')!.currentPdt!)) + 300);
    const response = await fetch(`${demo.origin}/v1/shows/demo/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'stock.update', data: { productId: jacket.id, variantId: variants[0], quantityAvailable: 4 }, pdt }),
    });
    expect(response.status).toBe(201);
    await expect.poll(() => price.textContent(), { timeout: 10_000 }).toBe('$99.00');
    await page.close();
    await fake('reset', {});
  });

  it('logged no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
