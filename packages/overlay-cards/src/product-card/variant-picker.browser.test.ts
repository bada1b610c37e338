import { afterEach, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../define.js';
import { EVENTS } from '../constants.js';
import type { AddToCartEvent } from '../events.js';
import { axeViolations } from '../test-axe-audit.js';
import { testProduct } from '../test-products.js';
import type { ProductCard } from './product-card.js';
import { jacket } from './test-variant-products.js';
import type { VariantChangeEvent } from './variant-change-event.js';

async function mount(setup: (card: ProductCard) => void): Promise<ProductCard> {
  const card = document.createElement('live-shop-product-card');
  card.locale = 'en-US';
  setup(card);
  document.body.append(card);
  await card.updateComplete;
  return card;
}

const query = <E extends Element = HTMLElement>(card: ProductCard, selector: string): E | null => card.shadowRoot?.querySelector<E>(selector) ?? null;
const text = (card: ProductCard, part: string) => query(card, `[part="${part}"]`)?.textContent?.trim() ?? null;

function select(card: ProductCard, label: string): HTMLSelectElement {
  const labelElement = [...(card.shadowRoot?.querySelectorAll('label') ?? [])].find((candidate) => candidate.textContent?.trim() === label);
  const control = labelElement?.control;
  if (!(control instanceof HTMLSelectElement)) throw new Error(`no select labelled ${label}`);
  return control;
}

afterEach(() => document.body.replaceChildren());

test('one labelled select per option; a value no available variant has is disabled, an unavailable one is marked', async () => {
  const card = await mount((card) => {
    card.product = jacket();
  });
  const size = select(card, 'Size');
  const color = select(card, 'Color');
  expect([...size.options].map((option) => [option.textContent, option.disabled])).toEqual([
    ['S', false],
    ['M', false],
    ['L (Sold out)', true],
  ]);
  expect(size.value).toBe('S');
  expect([...color.options].map((option) => option.textContent)).toEqual(['Black', 'Olive (unavailable)']);
});

test('choosing updates price, compare-at price, image, stock badge and what Add to cart sends', async () => {
  const card = await mount((card) => {
    card.product = jacket();
  });
  expect(text(card, 'price')).toBe('$100.00');
  expect(text(card, 'compare-at-price')).toContain('$150.00');
  expect(text(card, 'stock')).toBe('Only 3 left');
  expect(query<HTMLImageElement>(card, '[part="image"]')?.src).toBe('https://cdn.example.com/jacket.jpg');

  const changes: VariantChangeEvent[] = [];
  document.addEventListener(EVENTS.variantChange, (event) => changes.push(event));
  // Olive is not made in S: choosing it moves Size to the available M.
  await userEvent.selectOptions(select(card, 'Color'), 'Olive');
  await card.updateComplete;
  expect(card.variantId).toBe('m-olive');
  expect(changes.map((event) => event.detail.variantId)).toEqual(['m-olive']);
  expect(select(card, 'Size').value).toBe('M');
  expect(select(card, 'Color').value).toBe('Olive');
  expect(text(card, 'price')).toBe('$90.00');
  expect(query(card, '[part="compare-at-price"]')).toBeNull();
  expect(text(card, 'stock')).toBe('Only 1 left');
  expect(query<HTMLImageElement>(card, '[part="image"]')?.src).toBe('https://cdn.example.com/jacket-olive.jpg');

  const added: AddToCartEvent[] = [];
  document.addEventListener(EVENTS.addToCart, (event) => {
    added.push(event);
    event.preventDefault();
  }, { once: true });
  query<HTMLButtonElement>(card, '[part="button"]')?.click();
  expect(added[0]?.detail.variantId).toBe('m-olive');

  // By keyboard: focus the select and pick another size.
  select(card, 'Size').focus();
  await userEvent.selectOptions(select(card, 'Size'), 'S');
  await card.updateComplete;
  expect(card.variantId).toBe('s-black');
});

test('the stock badge: few left at or below the threshold, sold out, or nothing', async () => {
  const card = await mount((card) => {
    card.product = jacket();
    card.variantId = 'm-black';
  });
  expect(query(card, '[part="stock"]')).toBeNull();
  card.lowStockThreshold = 20;
  await card.updateComplete;
  expect(text(card, 'stock')).toBe('Only 20 left');
  card.variantId = 'l-black';
  card.strings = { soldOut: 'Épuisé', fewLeft: 'Plus que {count}' };
  await card.updateComplete;
  expect(text(card, 'stock')).toBe('Épuisé');
  expect(query<HTMLButtonElement>(card, '[part="button"]')?.disabled).toBe(true);
});

test('no picker for a product without options; with more than two options it stays in the sheet', async () => {
  const plain = await mount((card) => {
    card.product = testProduct();
  });
  expect(query(plain, '[part="variant-picker"]')).toBeNull();
  const three = jacket();
  three.variants = three.variants.map((variant, index) => ({ ...variant, selectedOptions: [...(variant.selectedOptions ?? []), { name: 'Fit', value: index % 2 ? 'Slim' : 'Regular' }] }));
  const card = await mount((card) => {
    card.product = three;
  });
  expect(query(card, '[part="variant-picker"]')).toBeNull();
  await card.showDetails();
  const details = query(card, 'live-shop-product-details');
  expect(details?.shadowRoot?.querySelectorAll('fieldset')).toHaveLength(3);
});

test('--live-shop-card-picker-display: none keeps the picker out of a compact card', async () => {
  const card = await mount((card) => {
    card.product = jacket();
    card.style.setProperty('--live-shop-card-picker-display', 'none');
  });
  const picker = query(card, '.inline-picker');
  expect(picker && getComputedStyle(picker).display).toBe('none');
});

test('option names and values with markup are text', async () => {
  const markup = '<img src=x onerror="window.__liveShopXss=3">';
  const product = jacket();
  product.variants = product.variants.map((variant) => ({
    ...variant,
    selectedOptions: variant.selectedOptions?.map((option) => ({ name: `${option.name}${markup}`, value: `${option.value}${markup}` })),
  }));
  const card = await mount((card) => {
    card.product = product;
  });
  expect(query(card, 'label')?.textContent).toBe(`Size${markup}`);
  expect(select(card, `Size${markup}`).options[0]?.textContent).toBe(`S${markup}`);
  expect(card.shadowRoot?.querySelectorAll('img')).toHaveLength(1);
  expect((window as { __liveShopXss?: number }).__liveShopXss).toBeUndefined();
});

test('Details opens the sheet as a modal; Escape closes it and focus returns to the button', async () => {
  const card = await mount((card) => {
    card.product = jacket();
  });
  const details = query<HTMLButtonElement>(card, '[part="details-button"]');
  expect(details?.textContent?.trim()).toBe('Details');
  details?.focus();
  await userEvent.click(details!);
  // The sheet's code loads on the first press.
  await expect.poll(() => query(card, 'live-shop-product-details')?.shadowRoot?.querySelector('dialog')?.open).toBe(true);
  const sheet = query(card, 'live-shop-product-details');
  const dialog = sheet?.shadowRoot?.querySelector('dialog');
  expect(dialog?.matches(':modal')).toBe(true);
  await userEvent.keyboard('{Escape}');
  await expect.poll(() => dialog?.open).toBe(false);
  expect(card.shadowRoot?.activeElement).toBe(details);

  // The sheet's choice carries over to the card.
  await card.showDetails();
  const olive = [...(sheet?.shadowRoot?.querySelectorAll('input') ?? [])].find((input) => input.value === 'Olive');
  await userEvent.click(olive!);
  await card.updateComplete;
  expect(card.variantId).toBe('m-olive');
  expect(text(card, 'price')).toBe('$90.00');
});

test('no accessibility violations with the picker and stock badge', async () => {
  const card = await mount((card) => {
    card.product = jacket();
  });
  expect(await axeViolations(card)).toEqual([]);
});
