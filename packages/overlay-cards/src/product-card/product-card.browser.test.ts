import { afterEach, expect, test, vi } from 'vitest';
import '../define.js';
import { EVENTS } from '../constants.js';
import type { AddToCartEvent, CheckoutEvent } from '../events.js';
import { testProduct } from '../test-products.js';
import type { ProductCard } from './product-card.js';

async function mount(setup: (card: ProductCard) => void): Promise<ProductCard> {
  const card = document.createElement('live-shop-product-card');
  setup(card);
  document.body.append(card);
  await card.updateComplete;
  return card;
}

function part(card: ProductCard, name: string): HTMLElement | null {
  return card.shadowRoot?.querySelector<HTMLElement>(`[part="${name}"]`) ?? null;
}

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

test('formats the price for the locale', async () => {
  const product = testProduct();
  const german = await mount((card) => {
    card.product = product;
    card.locale = 'de-DE';
  });
  const american = await mount((card) => {
    card.product = product;
    card.locale = 'en-US';
  });
  // Intl puts a no-break space between amount and symbol in German.
  expect(part(german, 'price')?.textContent?.replace(/\s/g, ' ')).toBe('1.234,50 €');
  expect(part(american, 'price')?.textContent).toBe('€1,234.50');
});

test('strikes through a higher compare-at price, and only a higher one', async () => {
  const discounted = await mount((card) => {
    card.product = testProduct({ price: { amount: '19.99', currencyCode: 'USD' }, compareAtPrice: { amount: '29.99', currencyCode: 'USD' } });
    card.locale = 'en-US';
  });
  const compareAt = part(discounted, 'compare-at-price');
  expect(compareAt?.tagName).toBe('S');
  expect(compareAt?.textContent).toContain('$29.99');

  const notLower = await mount((card) => {
    card.product = testProduct({ price: { amount: '19.99', currencyCode: 'USD' }, compareAtPrice: { amount: '9.99', currencyCode: 'USD' } });
  });
  expect(part(notLower, 'compare-at-price')).toBeNull();
});

test('reserves the image box before the image loads', async () => {
  const card = await mount((card) => {
    card.product = testProduct();
  });
  const image = part(card, 'image') as HTMLImageElement;
  expect(image.loading).toBe('lazy');
  expect(image.getAttribute('width')).toBe('400');
  expect(image.getBoundingClientRect().height).toBeGreaterThan(0);
});

test('a sold-out product disables the button', async () => {
  const card = await mount((card) => {
    card.product = testProduct({ variants: [{ id: 'v1', title: 'M', availableForSale: false }] });
  });
  const button = part(card, 'button') as HTMLButtonElement;
  expect(button.disabled).toBe(true);
  expect(button.textContent?.trim()).toBe('Sold out');
});

test('Add to cart fires a cancelable, bubbling, composed event with product, variant and pdt', async () => {
  const product = testProduct({ variants: [{ id: 'v1', title: 'S', availableForSale: false }, { id: 'v2', title: 'M', availableForSale: true }] });
  const card = await mount((card) => {
    card.product = product;
    card.pdt = 1_700_000_000_000;
  });
  const received: AddToCartEvent[] = [];
  document.addEventListener(EVENTS.addToCart, (event) => {
    received.push(event);
    event.preventDefault();
  }, { once: true });
  const button = part(card, 'button') as HTMLButtonElement;
  expect(button.textContent?.trim()).toBe('Add to cart');
  button.click();
  expect(received).toHaveLength(1);
  const [event] = received;
  expect(event?.bubbles && event.composed && event.cancelable).toBe(true);
  expect(event?.defaultPrevented).toBe(true);
  expect(event?.detail).toEqual({ product, variantId: 'v2', pdt: 1_700_000_000_000 });
});

test('Buy opens an https payment link in a new tab with noopener, unless cancelled', async () => {
  const open = vi.spyOn(window, 'open').mockReturnValue(null);
  const card = await mount((card) => {
    card.product = testProduct({ checkoutUrl: 'https://buy.example.com/p1' });
  });
  const button = part(card, 'button') as HTMLButtonElement;
  expect(button.textContent?.trim()).toBe('Buy');
  button.click();
  expect(open).toHaveBeenCalledWith('https://buy.example.com/p1', '_blank', 'noopener');

  open.mockClear();
  const cancel = (event: CheckoutEvent) => event.preventDefault();
  document.addEventListener(EVENTS.checkout, cancel);
  button.click();
  document.removeEventListener(EVENTS.checkout, cancel);
  expect(open).not.toHaveBeenCalled();
});

test('a listener may add to the payment link (attribution), but an http: rewrite is never opened', async () => {
  const open = vi.spyOn(window, 'open').mockReturnValue(null);
  const card = await mount((card) => {
    card.product = testProduct({ checkoutUrl: 'https://buy.example.com/p1' });
  });
  const rewrite = (url: string) => (event: CheckoutEvent) => {
    event.detail.url = url;
  };
  const attributed = rewrite('https://buy.example.com/p1?client_reference_id=demo');
  document.addEventListener(EVENTS.checkout, attributed);
  (part(card, 'button') as HTMLButtonElement).click();
  document.removeEventListener(EVENTS.checkout, attributed);
  expect(open).toHaveBeenCalledWith('https://buy.example.com/p1?client_reference_id=demo', '_blank', 'noopener');

  open.mockClear();
  const downgraded = rewrite('http://buy.example.com/p1');
  document.addEventListener(EVENTS.checkout, downgraded);
  (part(card, 'button') as HTMLButtonElement).click();
  document.removeEventListener(EVENTS.checkout, downgraded);
  expect(open).not.toHaveBeenCalled();
});

test('an http: payment link is not followed: the card offers Add to cart instead', async () => {
  const open = vi.spyOn(window, 'open').mockReturnValue(null);
  const card = await mount((card) => {
    card.product = testProduct({ checkoutUrl: 'http://buy.example.com/p1' });
  });
  const button = part(card, 'button') as HTMLButtonElement;
  expect(button.textContent?.trim()).toBe('Add to cart');
  button.click();
  expect(open).not.toHaveBeenCalled();
});

test('a javascript: checkoutUrl never opens anything', async () => {
  const open = vi.spyOn(window, 'open').mockReturnValue(null);
  const checkouts: CheckoutEvent[] = [];
  document.addEventListener(EVENTS.checkout, (event) => checkouts.push(event));
  for (const checkoutUrl of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>']) {
    const card = await mount((card) => {
      card.product = testProduct({ checkoutUrl });
    });
    (part(card, 'button') as HTMLButtonElement).click();
  }
  expect(open).not.toHaveBeenCalled();
  expect(checkouts).toHaveLength(0);
});

test('markup in product text renders as text', async () => {
  const title = '<img src=x onerror="window.__liveShopXss=1"><script>window.__liveShopXss=2</script>';
  const card = await mount((card) => {
    card.product = testProduct({ title, images: [{ url: 'javascript:alert(1)' }] });
  });
  expect(part(card, 'title')?.textContent).toBe(title);
  expect(card.shadowRoot?.querySelector('img, script')).toBeNull();
  expect((window as { __liveShopXss?: number }).__liveShopXss).toBeUndefined();
});
