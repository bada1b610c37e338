import type { Money, Variant } from '@live-shop/protocol';
import { html, nothing, type TemplateResult } from 'lit';
import { formatMoney, isHigherPrice } from '../money.js';
import { fill, type CardStrings } from '../strings.js';

/** Badges "Only N left" at or below this quantity, unless the element says otherwise. */
export const DEFAULT_LOW_STOCK_THRESHOLD = 5;

/** The price, and the compare-at price struck through when it is higher. */
export function renderPrices(
  price: Money,
  compareAt: Money | null,
  locale: string | undefined,
  strings: CardStrings,
  after: TemplateResult | typeof nothing = nothing,
): TemplateResult {
  return html`<p class="prices">
    <span part="price" class="price">${formatMoney(price, locale)}</span>
    ${isHigherPrice(compareAt, price)
      ? html`<s part="compare-at-price" class="compare-at-price"
          ><span class="visually-hidden">${strings.compareAtPrice} </span>${formatMoney(compareAt, locale)}</s
        >`
      : nothing}
    ${after}
  </p>`;
}

/** The stock badge text for a variant: sold out, few left (at or below `threshold`), or none. */
export function stockLabel(
  variant: Variant | undefined,
  soldOut: boolean,
  threshold: number,
  strings: CardStrings,
  locale: string | undefined,
): string | undefined {
  if (soldOut) return strings.soldOut;
  const quantity = variant?.quantityAvailable;
  if (quantity === undefined || quantity === null || quantity <= 0 || quantity > threshold) return undefined;
  return fill(strings.fewLeft, { count: formatCount(quantity, locale) });
}

export function renderStock(label: string | undefined, soldOut: boolean): TemplateResult | typeof nothing {
  return label === undefined ? nothing : html`<span part="stock" class="stock ${soldOut ? 'sold-out' : 'few-left'}">${label}</span>`;
}

function formatCount(count: number, locale: string | undefined): string {
  try {
    return new Intl.NumberFormat(locale || undefined).format(count);
  } catch {
    // A malformed locale must not hide the badge.
    return String(count);
  }
}
