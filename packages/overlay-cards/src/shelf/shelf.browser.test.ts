import type { ProductMoment } from '@live-shop/protocol';
import { afterEach, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../define.js';
import { EVENTS } from '../constants.js';
import type { AddToCartEvent } from '../events.js';
import type { ProductCard } from '../product-card/product-card.js';
import { jacket } from '../product-card/test-variant-products.js';
import { axeViolations } from '../test-axe-audit.js';
import { testProduct } from '../test-products.js';
import { formatPosition, momentTime } from './moment-time.js';
import type { SeekToMomentEvent } from './seek-to-moment-event.js';
import type { ProductShelf } from './shelf.js';

const START = Date.UTC(2025, 4, 1, 18, 0, 0);
const products = [jacket(), testProduct({ id: 'mug', title: 'Stoneware mug', price: { amount: '12.50', currencyCode: 'USD' } }), testProduct({ id: 'scarf', title: 'Red scarf' })];
const moments: ProductMoment[] = [
  { productId: 'jacket', pdt: START + 751_000, seq: 3 },
  { productId: 'mug', pdt: START + 65_000, seq: 1 },
  { productId: 'jacket', pdt: START + 3_725_000, seq: 9 },
];

async function mount(setup: (shelf: ProductShelf) => void = () => undefined): Promise<ProductShelf> {
  const shelf = document.createElement('live-shop-shelf');
  shelf.products = products;
  shelf.moments = moments;
  shelf.locale = 'en-US';
  setup(shelf);
  document.body.append(shelf);
  await shelf.updateComplete;
  await Promise.all(cards(shelf).map((card) => card.updateComplete));
  return shelf;
}

const cards = (shelf: ProductShelf): ProductCard[] => [...(shelf.shadowRoot?.querySelectorAll('live-shop-product-card') ?? [])];
const momentButtons = (shelf: ProductShelf, card: ProductCard): HTMLButtonElement[] => [...card.querySelectorAll<HTMLButtonElement>('[part="moment"]')];

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.dir = '';
});

test('moment times: a video position from startPdt, else the wall-clock time', () => {
  expect(formatPosition(751_000)).toBe('12:31');
  expect(formatPosition(3_725_000)).toBe('1:02:05');
  expect(formatPosition(-5_000)).toBe('0:00');
  expect(momentTime(START + 751_000, { startPdt: START })).toBe('12:31');
  const wall = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' }).format(START + 751_000);
  expect(momentTime(START + 751_000, { locale: 'en-US' })).toBe(wall);
});

test('every product in a labelled list of cards; featured ones carry their moments, in video order', async () => {
  const shelf = await mount((shelf) => {
    shelf.startPdt = START;
  });
  const list = shelf.shadowRoot?.querySelector('ul');
  expect(list?.getAttribute('aria-label')).toBe('Products in this show');
  expect(list?.querySelectorAll(':scope > li')).toHaveLength(3);
  expect(cards(shelf).map((card) => card.product?.title)).toEqual(['Waxed jacket', 'Stoneware mug', 'Red scarf']);
  const [jacketCard, mugCard, scarfCard] = cards(shelf);
  expect(momentButtons(shelf, jacketCard!).map((button) => [button.textContent?.trim(), button.getAttribute('aria-label')])).toEqual([
    ['12:31', 'Watch from 12:31'],
    ['1:02:05', 'Watch from 1:02:05'],
  ]);
  expect(momentButtons(shelf, mugCard!).map((button) => button.textContent?.trim())).toEqual(['1:05']);
  expect(momentButtons(shelf, scarfCard!)).toEqual([]);
  // A card sells with its latest moment, for attribution.
  expect(jacketCard?.pdt).toBe(START + 3_725_000);
  expect(scarfCard?.pdt).toBeUndefined();
});

test('a moment asks the player to seek there: bubbling, composed, cancelable', async () => {
  const shelf = await mount();
  const received: SeekToMomentEvent[] = [];
  document.addEventListener(EVENTS.seekToMoment, (event) => received.push(event), { once: true });
  await userEvent.click(momentButtons(shelf, cards(shelf)[0]!)[0]!);
  expect(received).toHaveLength(1);
  expect(received[0]?.detail).toEqual({ pdt: START + 751_000, productId: 'jacket' });
  expect(received[0]?.bubbles && received[0].composed && received[0].cancelable).toBe(true);
});

test('each product has Add to cart (with its moment) and Details', async () => {
  const shelf = await mount();
  const mug = cards(shelf)[1]!;
  const added: AddToCartEvent[] = [];
  document.addEventListener(EVENTS.addToCart, (event) => {
    added.push(event);
    event.preventDefault();
  }, { once: true });
  mug.shadowRoot?.querySelector<HTMLButtonElement>('[part="button"]')?.click();
  expect(added[0]?.detail).toMatchObject({ variantId: 'v1', pdt: START + 65_000 });
  await userEvent.click(mug.shadowRoot!.querySelector<HTMLButtonElement>('[part="details-button"]')!);
  await expect.poll(() => mug.shadowRoot?.querySelector('live-shop-product-details')?.shadowRoot?.querySelector('dialog')?.open).toBe(true);
});

test('keyboard: Tab goes through each product\'s moments, Add to cart and Details in order', async () => {
  const shelf = await mount();
  const visited: string[] = [];
  const before = document.createElement('button');
  before.textContent = 'before';
  document.body.prepend(before);
  before.focus();
  for (let step = 0; step < 6; step++) {
    await userEvent.tab();
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    visited.push(active?.getAttribute('part') ?? active?.tagName ?? '');
  }
  // The jacket's two selects, its moments, then its buttons.
  expect(visited).toEqual(['option-select', 'option-select', 'moment', 'moment', 'button', 'details-button']);
});

test('localized, and product text with markup stays text', async () => {
  const title = '<img src=x onerror="window.__liveShopXss=5">';
  const shelf = await mount((shelf) => {
    shelf.products = [testProduct({ id: 'mug', title })];
    shelf.startPdt = START;
    shelf.locale = 'de-DE';
    shelf.strings = { shelfLabel: 'Produkte der Show', watchMoment: 'Ab {time} ansehen', addToCart: 'In den Warenkorb' };
  });
  const card = cards(shelf)[0]!;
  await card.updateComplete;
  expect(shelf.shadowRoot?.querySelector('ul')?.getAttribute('aria-label')).toBe('Produkte der Show');
  expect(momentButtons(shelf, card)[0]?.getAttribute('aria-label')).toBe('Ab 1:05 ansehen');
  expect(card.shadowRoot?.querySelector('[part="button"]')?.textContent?.trim()).toBe('In den Warenkorb');
  expect(card.shadowRoot?.querySelector('[part="title"]')?.textContent).toBe(title);
  expect((window as { __liveShopXss?: number }).__liveShopXss).toBeUndefined();
});

test('right to left: the grid and the cards follow the page direction', async () => {
  document.documentElement.dir = 'rtl';
  const shelf = await mount();
  shelf.style.width = '600px';
  await shelf.updateComplete;
  const [first, second] = [...(shelf.shadowRoot?.querySelectorAll('li') ?? [])].map((item) => item.getBoundingClientRect());
  // The first product is on the right in right-to-left pages.
  expect(first!.left).toBeGreaterThan(second!.left);
});

test('no accessibility violations', async () => {
  const shelf = await mount((shelf) => {
    shelf.startPdt = START;
  });
  expect(await axeViolations(shelf)).toEqual([]);
});
