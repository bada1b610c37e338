// For the type of cdp().send: the Chromium DevTools session the Playwright provider gives.
/// <reference types="@vitest/browser-playwright" />
import type { Offer, Product } from '@live-shop/protocol';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { cdp } from 'vitest/browser';
import '../define.js';
import { EVENTS } from '../constants.js';
import type { AddToCartEvent, CheckoutEvent } from '../events.js';
import { axeViolations } from '../test-axe-audit.js';
import { testProduct } from '../test-products.js';
import type { OfferEndEvent } from './offer-events.js';
import type { OfferCard } from './offer.js';

/** The relay's clock when each test starts. */
const SERVER_NOW = Date.UTC(2026, 10, 22, 18, 0, 0);

function testOffer(overrides: Partial<Offer> = {}): Offer {
  return {
    offerId: 'o1',
    kind: 'price-drop',
    productId: 'p1',
    price: { amount: '19.99', currencyCode: 'USD' },
    endsAt: SERVER_NOW + 5 * 60_000,
    quantityLimit: 12,
    code: 'SPRING20',
    pdt: SERVER_NOW - 4000,
    ...overrides,
  };
}

const shirt = testProduct({ price: { amount: '29.99', currencyCode: 'USD' } });

async function mount(setup: (element: OfferCard) => void): Promise<OfferCard> {
  const element = document.createElement('live-shop-offer');
  element.locale = 'en-US';
  setup(element);
  document.body.append(element);
  await element.updateComplete;
  return element;
}

function part(element: OfferCard, name: string): HTMLElement | null {
  return element.shadowRoot?.querySelector<HTMLElement>(`[part="${name}"]`) ?? null;
}

const text = (element: OfferCard, name: string) => part(element, name)?.textContent?.replace(/\s+/g, ' ').trim();
const announced = (element: OfferCard) => element.shadowRoot?.querySelector('[role="status"]')?.textContent ?? null;

/** Moves the fake clock and lets the element render what the time now says. */
async function advance(element: OfferCard, ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await element.updateComplete;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(SERVER_NOW);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

test('shows the offer: badge, title, new price over the struck-through old one, time and quantity left, code', async () => {
  const element = await mount((element) => {
    element.offer = testOffer();
    element.product = shirt;
  });
  expect(text(element, 'kind')).toBe('Price drop');
  expect(text(element, 'title')).toBe('Linen shirt');
  expect(text(element, 'price')).toBe('$19.99');
  expect(part(element, 'compare-at-price')?.tagName).toBe('S');
  expect(text(element, 'compare-at-price')).toBe('Original price: $29.99');
  expect(text(element, 'countdown')).toBe('Ends in 05:00');
  expect(part(element, 'countdown')?.getAttribute('role')).toBe('timer');
  expect(text(element, 'quantity')).toBe('Only 12 left');
  expect((part(element, 'code') as HTMLInputElement).value).toBe('SPRING20');
  expect(text(element, 'shop-button')).toBe('Shop now');
});

test('an offer title of its own keeps the product title beside it; locale formats money, digits and counts', async () => {
  const element = await mount((element) => {
    element.offer = testOffer({ title: 'Flash sale', kind: 'limited-stock', quantityLimit: 1200, price: { amount: '1234.5', currencyCode: 'EUR' } });
    element.product = testProduct();
    element.locale = 'de-DE';
    element.strings = { limitedStock: 'Begrenzt', endsIn: 'Endet in {time}', quantityLeft: 'Nur noch {count}' };
  });
  expect(text(element, 'title')).toBe('Flash sale');
  expect(text(element, 'product-title')).toBe('Linen shirt');
  expect(text(element, 'kind')).toBe('Begrenzt');
  expect(text(element, 'price')?.replace(/\s/g, ' ')).toBe('1.234,50 €');
  // The product's own price is not above the offer's: nothing to strike through.
  expect(part(element, 'compare-at-price')).toBeNull();
  expect(text(element, 'countdown')).toBe('Endet in 05:00');
  expect(text(element, 'quantity')).toBe('Nur noch 1.200');
});

test('counts down on the relay clock: a viewer clock two minutes off shows the right time left', async () => {
  for (const viewerError of [-120_000, 120_000]) {
    vi.setSystemTime(SERVER_NOW + viewerError);
    const element = await mount((element) => {
      element.offer = testOffer();
      element.serverOffset = -viewerError;
    });
    expect(text(element, 'countdown')).toBe('Ends in 05:00');
    await advance(element, 1000);
    expect(text(element, 'countdown')).toBe('Ends in 04:59');
    element.remove();
  }
});

test('the digits change on the second boundary of the end time, from one timer', async () => {
  const element = await mount((element) => {
    element.offer = testOffer({ endsAt: SERVER_NOW + 10_500 });
  });
  expect(text(element, 'countdown')).toBe('Ends in 00:11');
  expect(vi.getTimerCount()).toBe(1);
  await advance(element, 499);
  expect(text(element, 'countdown')).toBe('Ends in 00:11');
  await advance(element, 1);
  expect(text(element, 'countdown')).toBe('Ends in 00:10');
  await advance(element, 999);
  expect(text(element, 'countdown')).toBe('Ends in 00:10');
  await advance(element, 1);
  expect(text(element, 'countdown')).toBe('Ends in 00:09');
  expect(vi.getTimerCount()).toBe(1);
});

test('ends exactly once: shows "Offer ended", fires live-shop-offer-end once, and stops its timer', async () => {
  const ends: OfferEndEvent[] = [];
  document.addEventListener(EVENTS.offerEnd, (event) => ends.push(event));
  const offer = testOffer({ endsAt: SERVER_NOW + 3000 });
  const element = await mount((element) => {
    element.offer = offer;
    element.product = shirt;
  });
  await advance(element, 2999);
  expect(text(element, 'countdown')).toBe('Ends in 00:01');
  expect(ends).toHaveLength(0);
  await advance(element, 1);
  expect(text(element, 'countdown')).toBe('Offer ended');
  expect(ends).toHaveLength(1);
  expect(ends[0]?.detail.offer).toBe(offer);
  expect(ends[0]?.bubbles && ends[0].composed).toBe(true);
  // Nothing to buy or copy once it is over.
  expect(part(element, 'shop-button')).toBeNull();
  expect(part(element, 'code')).toBeNull();
  expect(vi.getTimerCount()).toBe(0);

  await advance(element, 60_000);
  element.offer = { ...offer }; // the same offer again, e.g. from a later snapshot
  await element.updateComplete;
  element.remove();
  document.body.append(element);
  await element.updateComplete;
  expect(ends).toHaveLength(1);

  // The producer extends it: a new end time, a new end.
  element.offer = { ...offer, endsAt: SERVER_NOW + 65_000 };
  await element.updateComplete;
  expect(text(element, 'countdown')).toBe('Ends in 00:02');
  await advance(element, 2000);
  expect(ends).toHaveLength(2);
});

test('no timer runs while disconnected; back in the page it shows the time now', async () => {
  const ends: OfferEndEvent[] = [];
  document.addEventListener(EVENTS.offerEnd, (event) => ends.push(event));
  const element = await mount((element) => {
    element.offer = testOffer({ endsAt: SERVER_NOW + 10_000 });
  });
  expect(vi.getTimerCount()).toBe(1);
  element.remove();
  expect(vi.getTimerCount()).toBe(0);
  await vi.advanceTimersByTimeAsync(4000);
  expect(vi.getTimerCount()).toBe(0);
  document.body.append(element);
  await element.updateComplete;
  expect(text(element, 'countdown')).toBe('Ends in 00:06');
  element.remove();
  await vi.advanceTimersByTimeAsync(20_000);
  expect(ends).toHaveLength(0);
  document.body.append(element);
  await element.updateComplete;
  expect(text(element, 'countdown')).toBe('Offer ended');
  expect(ends).toHaveLength(1);
});

test('an offer without an end time has no countdown and no timer', async () => {
  const element = await mount((element) => {
    const { endsAt: _ignored, ...offer } = testOffer();
    element.offer = offer;
  });
  expect(part(element, 'countdown')).toBeNull();
  await advance(element, 250); // the first announcement
  expect(vi.getTimerCount()).toBe(0);
});

test('announces politely at sensible moments only: the new offer, its last minute, its end', async () => {
  const element = await mount((element) => {
    element.offer = testOffer({ endsAt: SERVER_NOW + 62_000 });
    element.product = shirt;
  });
  const region = element.shadowRoot?.querySelector('[role="status"]');
  expect(region?.getAttribute('aria-live')).toBe('polite');
  // Not in the render that creates the live region, which screen readers may not read.
  expect(announced(element)).toBe('');
  await advance(element, 250);
  expect(announced(element)).toBe('New offer: Linen shirt');
  await advance(element, 1000);
  expect(text(element, 'countdown')).toBe('Ends in 01:01');
  expect(announced(element)).toBe('New offer: Linen shirt');
  await advance(element, 1000);
  expect(announced(element)).toBe('One minute left on this offer');
  await advance(element, 30_000);
  expect(announced(element)).toBe('One minute left on this offer');
  await advance(element, 30_000);
  expect(announced(element)).toBe('Offer ended');
});

test('an offer that is already over when it arrives is shown ended but not announced', async () => {
  const element = await mount((element) => {
    element.offer = testOffer({ endsAt: SERVER_NOW - 1 });
  });
  await advance(element, 1000);
  expect(text(element, 'countdown')).toBe('Offer ended');
  expect(announced(element)).toBe('');
});

test('keyboard focus stays in the offer when its buttons go at the end', async () => {
  const element = await mount((element) => {
    element.offer = testOffer({ endsAt: SERVER_NOW + 2000 });
    element.product = shirt;
  });
  part(element, 'shop-button')?.focus();
  expect(element.shadowRoot?.activeElement).toBe(part(element, 'shop-button'));
  await advance(element, 2000);
  expect(element.shadowRoot?.activeElement).toBe(part(element, 'base'));
});

test('Copy writes the code to the clipboard and says "Copied" for a moment', async () => {
  const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
  const element = await mount((element) => {
    element.offer = testOffer();
  });
  const button = part(element, 'copy-button') as HTMLButtonElement;
  expect(button.textContent?.trim()).toBe('Copy');
  button.click();
  await advance(element, 0);
  expect(writeText).toHaveBeenCalledWith('SPRING20');
  expect(button.textContent?.trim()).toBe('Copied');
  expect(announced(element)).toBe('Copied');
  await advance(element, 2000);
  expect(button.textContent?.trim()).toBe('Copy');
});

test('without the Clipboard API, Copy selects the code and says how to copy it', async () => {
  vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError'));
  const execCommand = vi.spyOn(document, 'execCommand').mockReturnValue(false);
  const element = await mount((element) => {
    element.offer = testOffer();
  });
  (part(element, 'copy-button') as HTMLButtonElement).click();
  await advance(element, 0);
  const code = part(element, 'code') as HTMLInputElement;
  expect(element.shadowRoot?.activeElement).toBe(code);
  expect([code.selectionStart, code.selectionEnd]).toEqual([0, 'SPRING20'.length]);
  expect(execCommand).toHaveBeenCalledWith('copy');
  expect(announced(element)).toBe('Code selected: press Ctrl+C (⌘C on a Mac) to copy it');
  expect(part(element, 'copy-button')?.textContent?.trim()).toBe('Copy');

  // Where the old copy command works, that is a copy.
  execCommand.mockReturnValue(true);
  (part(element, 'copy-button') as HTMLButtonElement).click();
  await advance(element, 0);
  expect(announced(element)).toBe('Copied');
});

test('Shop now fires the card flow: add to cart with the first available variant and the offer moment', async () => {
  const product = testProduct({ variants: [{ id: 'v1', title: 'S', availableForSale: false }, { id: 'v2', title: 'M', availableForSale: true }] });
  const offer = testOffer();
  const element = await mount((element) => {
    element.offer = offer;
    element.product = product;
  });
  const received: AddToCartEvent[] = [];
  document.addEventListener(EVENTS.addToCart, (event) => received.push(event), { once: true });
  (part(element, 'shop-button') as HTMLButtonElement).click();
  expect(received).toHaveLength(1);
  expect(received[0]?.cancelable).toBe(true);
  expect(received[0]?.detail).toEqual({ product, variantId: 'v2', pdt: offer.pdt });
});

test('a product with a payment link is bought through it; a sold-out one cannot be', async () => {
  const open = vi.spyOn(window, 'open').mockReturnValue(null);
  const checkouts: CheckoutEvent[] = [];
  document.addEventListener(EVENTS.checkout, (event) => checkouts.push(event));
  const element = await mount((element) => {
    element.offer = testOffer();
    element.product = testProduct({ checkoutUrl: 'https://buy.example.com/p1' });
  });
  expect(text(element, 'shop-button')).toBe('Buy');
  (part(element, 'shop-button') as HTMLButtonElement).click();
  expect(checkouts[0]?.detail.pdt).toBe(testOffer().pdt);
  expect(open).toHaveBeenCalledWith('https://buy.example.com/p1', '_blank', 'noopener');

  element.product = testProduct({ variants: [{ id: 'v1', title: 'M', availableForSale: false }] });
  await element.updateComplete;
  const button = part(element, 'shop-button') as HTMLButtonElement;
  expect(button.disabled).toBe(true);
  expect(button.textContent?.trim()).toBe('Sold out');
});

test('markup in the offer title, product title and code renders as text', async () => {
  const title = '<img src=x onerror="window.__liveShopXss=1"><script>window.__liveShopXss=2</script>';
  const code = '"><img src=x onerror="window.__liveShopXss=3">';
  const element = await mount((element) => {
    element.offer = testOffer({ title, code });
    element.product = testProduct({ title: `<b>${title}</b>`, images: [] });
  });
  await advance(element, 250);
  expect(text(element, 'title')).toBe(title);
  expect(part(element, 'product-title')?.textContent).toBe(`<b>${title}</b>`);
  expect((part(element, 'code') as HTMLInputElement).value).toBe(code);
  expect(announced(element)).toBe(`New offer: ${title}`);
  expect(element.shadowRoot?.querySelector('img, script, b')).toBeNull();
  expect((window as { __liveShopXss?: number }).__liveShopXss).toBeUndefined();
});

test('enters with a short transition, none with prefers-reduced-motion', async () => {
  const element = await mount((element) => {
    element.offer = testOffer();
  });
  const base = part(element, 'base') as HTMLElement;
  expect(getComputedStyle(base).animationName).toBe('enter');
  await cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-reduced-motion', value: 'reduce' }] });
  try {
    expect(getComputedStyle(base).animationName).toBe('none');
  } finally {
    await cdp().send('Emulation.setEmulatedMedia', { features: [] });
  }
});

test('has no accessibility violations, running and ended', async () => {
  vi.useRealTimers();
  const element = await mount((element) => {
    element.offer = testOffer({ endsAt: Date.now() + 60 * 60_000 });
    element.product = shirt;
  });
  expect(await axeViolations(element)).toEqual([]);
  element.offer = testOffer({ endsAt: Date.now() - 1000 });
  await element.updateComplete;
  expect(await axeViolations(element)).toEqual([]);
});
