import { MemoryCartAdapter } from '@live-shop/cart-drawer';
import type { ProductCard } from '@live-shop/overlay-cards';
import type { Product } from '@live-shop/protocol';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import '../define.js';
import type { LiveShopElement } from '../live-shop.js';
import { CustomSource } from '../sources/custom-source.js';
import { acceptingIntents, envelope, frameWhere, mountLivePlayer, product } from '../test-helpers.js';

// A brand themes the player from its own stylesheet with live-shop::part(…). Shadow roots
// hide every part that is not forwarded with `exportparts` by each element on the way, so
// this renders every element the player holds (cards, details sheets, shelf, chat, poll,
// offer, reactions, viewer count, moments bar, status screen, cart) and fails on any part
// the page cannot reach, then styles a few through the player as a page would.

const origin = inject('simulatorOrigin');

/** `exportparts` as inner name → outer name. */
function exportMap(value: string | null): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of (value ?? '').split(',')) {
    const [inner, outer] = entry.split(':').map((name) => name.trim());
    if (inner) map.set(inner, outer || inner);
  }
  return map;
}

/**
 * The part names `host`'s shadow tree shows in the scope that holds `host`: its own parts,
 * and what each element inside forwards. Parts that an element inside does not forward are
 * added to `lost` with where they are.
 */
function reachableParts(host: Element, path: string, lost: Set<string>): Set<string> {
  const names = new Set<string>();
  for (const element of host.shadowRoot?.querySelectorAll('*') ?? []) {
    for (const name of element.part) names.add(name);
    if (!element.shadowRoot) continue;
    const forwarded = exportMap(element.getAttribute('exportparts'));
    const where = `${path} > ${element.localName}`;
    for (const name of reachableParts(element, where, lost)) {
      const outer = forwarded.get(name);
      if (outer) names.add(outer);
      else lost.add(`${where}: ${name}`);
    }
  }
  return names;
}

function lostParts(player: LiveShopElement): string[] {
  const lost = new Set<string>();
  reachableParts(player, 'live-shop', lost);
  return [...lost].sort();
}

function inShadow<T extends Element = HTMLElement>(host: Element | null | undefined, selector: string): T | null {
  return host?.shadowRoot?.querySelector<T>(selector) ?? null;
}

const jacket = {
  ...product('a', 'Field jacket'),
  description: 'Waxed cotton, lined.',
  images: [
    { url: 'https://cdn.example.com/jacket-1.jpg', altText: 'Front' },
    { url: 'https://cdn.example.com/jacket-2.jpg', altText: 'Back' },
  ],
  compareAtPrice: { amount: '249.00', currencyCode: 'USD' },
  variants: [
    { id: 'a-olive-m', title: 'Olive / M', availableForSale: true, quantityAvailable: 2, selectedOptions: [{ name: 'Colour', value: 'Olive' }, { name: 'Size', value: 'M' }] },
    { id: 'a-rust-m', title: 'Rust / M', availableForSale: true, quantityAvailable: 9, selectedOptions: [{ name: 'Colour', value: 'Rust' }, { name: 'Size', value: 'M' }] },
    { id: 'a-rust-l', title: 'Rust / L', availableForSale: false, quantityAvailable: 0, selectedOptions: [{ name: 'Colour', value: 'Rust' }, { name: 'Size', value: 'L' }] },
  ],
} as unknown as Product;

describe('<live-shop> parts a page can style', () => {
  let player: LiveShopElement;
  let source: CustomSource;
  const page = document.createElement('style');

  const stack = () => inShadow(player, 'live-shop-highlights');
  const card = () => inShadow<ProductCard>(stack(), 'live-shop-product-card');

  beforeAll(async () => {
    document.head.append(page);
    source = new CustomSource({ intents: acceptingIntents('mine') });
    const cart = new MemoryCartAdapter({ products: [jacket] });
    await cart.addLines([{ merchandiseId: 'a-olive-m', quantity: 1 }]);
    player = await mountLivePlayer(origin, source, (player) => (player.cartAdapter = cart));

    const at = Math.round((player.currentPdt ?? 0) - 30_000);
    source.clockOffset = 0;
    source.push([
      envelope('show.status', at, { status: 'live', title: 'Spring drop' }),
      envelope('catalog.set', at, { products: [jacket, product('b', 'Trail boots')] }),
      envelope('product.highlight', at + 1_000, { productId: 'b' }),
      envelope('product.clear', at + 2_000, { productId: 'b' }),
      envelope('product.highlight', at + 3_000, { productId: 'a' }),
      envelope('chat.message', at + 4_000, { messageId: 'c1', text: 'Is it waterproof?', author: { name: 'Ana', role: 'viewer' } }),
      envelope('chat.message', at + 4_100, { messageId: 'c2', text: 'Yes, waxed cotton.', author: { name: 'Host', role: 'producer' } }),
      envelope('chat.message', at + 4_200, { messageId: 'c3', text: 'Please keep it kind.', author: { name: 'Mo', role: 'moderator' } }),
      envelope('chat.pin', at + 4_300, { messageId: 'c2' }),
      envelope('poll.open', at + 5_000, { pollId: 'p1', question: 'Which colour next?', options: [{ id: 'o1', text: 'Olive' }, { id: 'o2', text: 'Rust' }], closesAt: Date.now() + 600_000 }),
      envelope('offer.start', at + 6_000, { offerId: 'f1', kind: 'price-drop', productId: 'a', price: { amount: '199.00', currencyCode: 'USD' }, endsAt: Date.now() + 600_000, code: 'SPRING10', quantityLeft: 20 }),
    ]);
    source.pushLive([{ v: 1, id: 'live-viewers', show: 'test', type: 'viewers.count', at: Date.now(), pdt: Date.now(), data: { count: 1234 } }]);
    await frameWhere(() => ['live-shop-chat', 'live-shop-poll', 'live-shop-offer', 'live-shop-reactions', 'live-shop-viewer-count', 'live-shop-moments-bar'].every((tag) => inShadow(player, tag)), 10_000);
    await frameWhere(() => card()?.product?.title === 'Field jacket', 5_000);
  }, 30_000);

  afterAll(() => {
    player?.remove();
    page.remove();
  });

  test('every part of the show over and under the video, the card and its details sheet, and the open cart reaches the page', async () => {
    inShadow<HTMLButtonElement>(card(), '[part~="details-button"]')!.click();
    await expect.poll(() => inShadow(inShadow(card(), 'live-shop-product-details'), 'dialog[open]') !== null, { timeout: 5_000 }).toBe(true);
    expect(lostParts(player)).toEqual([]);
    inShadow<HTMLButtonElement>(inShadow(card(), 'live-shop-product-details'), '[part~="close-button"]')!.click();

    inShadow<HTMLButtonElement>(player, '[part~="cart-button"]')!.click();
    const drawer = () => inShadow(player, 'live-shop-cart');
    await expect.poll(() => inShadow(drawer(), '[part~="line"]') !== null, { timeout: 5_000 }).toBe(true);
    expect(lostParts(player)).toEqual([]);
    inShadow<HTMLButtonElement>(drawer(), '[part~="close-button"]')!.click();
    await expect.poll(() => inShadow(drawer(), 'dialog[open]')).toBeNull();
  });

  test('the shelf and its cards reach the page, and so does the status screen', async () => {
    inShadow<HTMLButtonElement>(player, '#tab-shelf')!.click();
    await expect.poll(() => inShadow(inShadow(player, 'live-shop-shelf'), '[part~="moment"]') !== null, { timeout: 5_000 }).toBe(true);
    expect(lostParts(player)).toEqual([]);

    source.push([envelope('show.status', Math.round(player.currentPdt ?? 0), { status: 'scheduled', title: 'Autumn drop', startsAt: Date.now() + 86_400_000 })]);
    await expect.poll(() => inShadow(player, 'live-shop-status-screen') !== null, { timeout: 5_000 }).toBe(true);
    expect(lostParts(player)).toEqual([]);
    source.push([envelope('show.status', Math.round(player.currentPdt ?? 0), { status: 'live', title: 'Spring drop' })]);
    await expect.poll(() => inShadow(player, 'live-shop-status-screen')).toBeNull();
  });

  test("a page's live-shop::part() rules reach parts deep inside: the chat's messages, the poll's bars, a shelf card's button", async () => {
    page.textContent = `
      live-shop::part(chat-message) { outline: 3px solid rgb(1, 2, 3); }
      live-shop::part(poll-option) { outline: 3px solid rgb(4, 5, 6); }
      live-shop::part(shelf-card-button) { outline: 3px solid rgb(7, 8, 9); }
      live-shop::part(card-details-button) { outline: 3px solid rgb(10, 11, 12); }
    `;
    try {
      const outline = (element: Element | null) => (element ? getComputedStyle(element).outlineColor : 'missing');
      const shelfCard = inShadow(inShadow(player, 'live-shop-shelf'), 'live-shop-product-card');
      expect(outline(inShadow(inShadow(player, 'live-shop-poll'), '[part~="option"]'))).toBe('rgb(4, 5, 6)');
      expect(outline(inShadow(shelfCard, '[part~="button"]'))).toBe('rgb(7, 8, 9)');
      expect(outline(inShadow(card(), '[part~="details-button"]'))).toBe('rgb(10, 11, 12)');
      inShadow<HTMLButtonElement>(player, '#tab-chat')!.click();
      await expect.poll(() => outline(inShadow(inShadow(player, 'live-shop-chat'), '[part~="message"]')), { timeout: 5_000 }).toBe('rgb(1, 2, 3)');
    } finally {
      page.textContent = '';
    }
  });
});
