import { afterEach, expect, inject, test } from 'vitest';
import '../define.js';
import { EVENTS } from '../constants.js';
import type { LiveShopElement } from '../live-shop.js';
import { CustomSource } from '../sources/custom-source.js';
import { cardTitles, envelope, nextEvent, product } from '../test-helpers.js';

// The player speaks the page's language: French, Spanish and Arabic ship (each loaded
// only by a page in that language), money and numbers follow the locale, a page's own
// strings win over the language's, and a right-to-left page mirrors the layout.

const origin = inject('simulatorOrigin');
let container: HTMLElement | undefined;

afterEach(() => container?.remove());

async function mountIn(attributes: Record<string, string>, setup: (player: LiveShopElement) => void = () => {}): Promise<{ player: LiveShopElement; source: CustomSource }> {
  container = document.createElement('div');
  for (const [name, value] of Object.entries(attributes)) container.setAttribute(name, value);
  const player = document.createElement('live-shop');
  player.style.width = '800px';
  player.src = `${origin}/hls/live.m3u8`;
  player.miniPlayer = 'off';
  const source = new CustomSource();
  player.source = source;
  setup(player);
  container.append(player);
  const ready = nextEvent(player, EVENTS.ready, 20_000);
  document.body.append(container);
  await ready;
  const at = Math.round((player.currentPdt ?? 0) - 5_000);
  source.push([
    envelope('show.status', at, { status: 'live' }),
    envelope('catalog.set', at, { products: [product('a', 'Veste')] }),
    envelope('product.highlight', at + 1, { productId: 'a' }),
  ]);
  await expect.poll(() => cardTitles(player), { timeout: 5_000 }).toEqual(['Veste']);
  return { player, source };
}

const statusText = (player: LiveShopElement) => player.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim();
const card = (player: LiveShopElement) => player.shadowRoot?.querySelector('live-shop-highlights')?.shadowRoot?.querySelector('live-shop-product-card');
const cardButton = (player: LiveShopElement) => card(player)?.shadowRoot?.querySelector('[part~="button"]')?.textContent?.trim();
const cardPrice = (player: LiveShopElement) => card(player)?.shadowRoot?.querySelector('[part~="price"]')?.textContent?.trim();

test('French from the locale attribute: the player, the cards and the panel, with French money', async () => {
  const { player } = await mountIn({}, (element) => {
    element.locale = 'fr-FR';
  });
  await expect.poll(() => statusText(player)).toBe('En direct');
  await expect.poll(() => cardButton(player)).toBe('Ajouter au panier');
  expect(cardPrice(player)?.replace(/\s/g, ' ')).toBe('19,99 $US');
  expect(player.shadowRoot?.querySelector('#tab-chat')?.textContent?.trim()).toBe('Discussion');
});

test("a page's own strings win over the language's, key by key", async () => {
  const { player } = await mountIn({ lang: 'es' }, (element) => {
    element.locale = 'es';
    element.strings = { cards: { addToCart: 'Lo quiero' } };
  });
  await expect.poll(() => cardButton(player)).toBe('Lo quiero');
  // The rest of the card's text is still Spanish.
  await expect.poll(() => card(player)?.shadowRoot?.textContent ?? '').not.toContain('Add to cart');
  await expect.poll(() => statusText(player)).toBe('En vivo');
});

test('Arabic on a right-to-left page: Arabic text, Arabic money format, and the cards on the right', async () => {
  const { player } = await mountIn({ dir: 'rtl', lang: 'ar' });
  await expect.poll(() => statusText(player)).toBe('مباشر');
  await expect.poll(() => cardButton(player)).toBe('أضف إلى السلة');
  // Money as Intl formats it for Arabic (currency after the number, a right-to-left mark).
  expect(cardPrice(player)).toBe(new Intl.NumberFormat('ar', { style: 'currency', currency: 'USD' }).format(19.99));
  expect(cardPrice(player)).not.toBe('$19.99');
  const playerBox = player.getBoundingClientRect();
  const cardBox = card(player)!.getBoundingClientRect();
  // The cards sit at the inline start: the right edge in a right-to-left page.
  expect(playerBox.right - cardBox.right).toBeLessThan(40);
  expect(cardBox.left - playerBox.left).toBeGreaterThan(playerBox.width / 3);
  const status = player.shadowRoot!.querySelector('[part="status"]')!.getBoundingClientRect();
  expect(playerBox.right - status.right).toBeLessThan(40);
});
