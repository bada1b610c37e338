import { afterEach, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../define.js';
import { EVENTS } from '../constants.js';
import type { AddToCartEvent } from '../events.js';
import { jacket } from '../product-card/test-variant-products.js';
import { axeViolations } from '../test-axe-audit.js';
import type { ProductDetails } from './product-details.js';

let opener: HTMLButtonElement;

async function open(setup: (details: ProductDetails) => void = () => undefined): Promise<ProductDetails> {
  opener = document.createElement('button');
  opener.textContent = 'Open';
  const details = document.createElement('live-shop-product-details');
  details.locale = 'en-US';
  details.product = jacket();
  setup(details);
  document.body.append(opener, details);
  await details.updateComplete;
  opener.focus();
  details.show();
  await details.updateComplete;
  return details;
}

const query = <E extends Element = HTMLElement>(details: ProductDetails, selector: string): E | null => details.shadowRoot?.querySelector<E>(selector) ?? null;
const all = <E extends Element = HTMLElement>(details: ProductDetails, selector: string): E[] => [...(details.shadowRoot?.querySelectorAll<E>(selector) ?? [])];
const dialog = (details: ProductDetails) => query<HTMLDialogElement>(details, 'dialog')!;
const radio = (details: ProductDetails, value: string) => all<HTMLInputElement>(details, 'input[type="radio"]').find((input) => input.value === value)!;

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

test('a modal dialog named by the product, with the description as text', async () => {
  const description = 'Waxed cotton.\n<img src=x onerror="window.__liveShopXss=4"><b>bold</b>';
  const details = await open((details) => {
    details.product = jacket({ description });
  });
  expect(dialog(details).open).toBe(true);
  expect(dialog(details).matches(':modal')).toBe(true);
  expect(query(details, '#' + dialog(details).getAttribute('aria-labelledby'))?.textContent).toBe('Waxed jacket');
  expect(query(details, '[part="description"]')?.textContent).toBe(description);
  expect(query(details, '[part="description"] b')).toBeNull();
  expect((window as { __liveShopXss?: number }).__liveShopXss).toBeUndefined();
  expect(details.open).toBe(true);
});

test('Escape closes it and focus returns to the opener; so do the close button and hide()', async () => {
  const details = await open();
  expect(details.shadowRoot?.activeElement).not.toBeNull();
  await userEvent.keyboard('{Escape}');
  await expect.poll(() => dialog(details).open).toBe(false);
  expect(details.open).toBe(false);
  expect(document.activeElement).toBe(opener);

  opener.focus();
  details.show();
  await details.updateComplete;
  await userEvent.click(query(details, '[part="close-button"]')!);
  await expect.poll(() => dialog(details).open).toBe(false);
  expect(document.activeElement).toBe(opener);
  expect(query(details, '[part="close-button"]')?.getAttribute('aria-label')).toBe('Close');
});

test('the gallery: previous / next, thumbnails, lazy sized images, and no layout shift', async () => {
  const details = await open((details) => {
    details.product = jacket({ images: [...jacket().images, { url: 'javascript:alert(1)' }, { url: 'data:image/png;base64,AA==' }] });
  });
  // Two product images and the olive variant's own; the other schemes are dropped.
  const thumbnails = all<HTMLButtonElement>(details, '[part="gallery-thumbnail"]');
  expect(thumbnails.map((thumbnail) => thumbnail.getAttribute('aria-label'))).toEqual(['Image 1 of 3', 'Image 2 of 3', 'Image 3 of 3']);
  for (const image of all<HTMLImageElement>(details, 'img')) {
    expect(image.loading).toBe('lazy');
    expect(image.getAttribute('width')).toBe('400');
    expect(image.getAttribute('height')).toBe('400');
    expect(image.src).toMatch(/^https:/);
  }
  const main = () => query<HTMLImageElement>(details, '[part="gallery-image"]')!;
  const box = main().getBoundingClientRect();
  expect(box.height).toBeGreaterThan(0);
  expect(thumbnails[0]?.getAttribute('aria-current')).toBe('true');

  await userEvent.click(query(details, '[part="gallery-next"]')!);
  expect(main().src).toBe('https://cdn.example.com/jacket-back.jpg');
  expect(query(details, '.gallery-position')?.textContent).toBe('Image 2 of 3');
  expect(all(details, '[part="gallery-thumbnail"]')[1]?.getAttribute('aria-current')).toBe('true');
  await userEvent.click(query(details, '[part="gallery-previous"]')!);
  await userEvent.click(query(details, '[part="gallery-previous"]')!);
  expect(main().src).toBe('https://cdn.example.com/jacket-olive.jpg');
  await userEvent.click(all(details, '[part="gallery-thumbnail"]')[0]!);
  expect(main().src).toBe('https://cdn.example.com/jacket.jpg');
  const after = main().getBoundingClientRect();
  expect([after.width, after.height]).toEqual([box.width, box.height]);
  expect(query(details, '[part="gallery-previous"]')?.getAttribute('aria-label')).toBe('Previous image');
});

test('the picker: segmented radios per option, keyboard arrows choose, the variant\'s image shows', async () => {
  const details = await open();
  const groups = all(details, 'fieldset');
  expect(groups.map((group) => group.querySelector('legend')?.textContent)).toEqual(['Size', 'Color']);
  expect(radio(details, 'L').disabled).toBe(true);
  expect(radio(details, 'Olive').labels?.[0]?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Olive (unavailable)');
  expect(radio(details, 'S').checked).toBe(true);

  const changes: string[] = [];
  details.addEventListener(EVENTS.variantChange, (event) => changes.push(event.detail.variantId));
  radio(details, 'S').focus();
  await userEvent.keyboard('{ArrowRight}');
  await details.updateComplete;
  expect(changes).toEqual(['m-black']);
  expect(radio(details, 'M').checked).toBe(true);
  await userEvent.click(radio(details, 'Olive'));
  await details.updateComplete;
  expect(details.variantId).toBe('m-olive');
  expect(query<HTMLImageElement>(details, '[part="gallery-image"]')?.src).toBe('https://cdn.example.com/jacket-olive.jpg');
  expect(query(details, '[part="price"]')?.textContent).toBe('$90.00');
  expect(query(details, '[part="stock"]')?.textContent).toBe('Only 1 left');
});

test('Add to cart sends the chosen variant and the moment, then closes the sheet', async () => {
  const details = await open((details) => {
    details.variantId = 'm-black';
    details.pdt = 1_700_000_000_000;
  });
  const added: AddToCartEvent[] = [];
  document.addEventListener(EVENTS.addToCart, (event) => {
    added.push(event);
    event.preventDefault();
  }, { once: true });
  await userEvent.click(query(details, '[part="button"]')!);
  expect(added[0]?.detail).toMatchObject({ variantId: 'm-black', pdt: 1_700_000_000_000 });
  expect(added[0]?.detail.product.id).toBe('jacket');
  await expect.poll(() => dialog(details).open).toBe(false);
  expect(document.activeElement).toBe(opener);
});

test('no accessibility violations in the open sheet', async () => {
  const details = await open();
  expect(await axeViolations(details)).toEqual([]);
  // The audit does look inside the open sheet: a nameless button is caught.
  query(details, '[part="close-button"]')?.removeAttribute('aria-label');
  expect((await axeViolations(details)).join()).toContain('button-name');
});
