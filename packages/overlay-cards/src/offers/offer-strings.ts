import type { Offer } from '@live-shop/protocol';

/**
 * Every piece of text `<live-shop-offer>` shows or announces. Set a partial object on its
 * `strings` property to translate; anything left out keeps its English default. `{name}`
 * placeholders are filled in.
 */
export interface OfferStrings {
  /** The badge of a `price-drop` offer. */
  priceDrop: string;
  /** The badge of a `countdown` offer. */
  countdown: string;
  /** The badge of a `limited-stock` offer. */
  limitedStock: string;
  /** The countdown; `{time}` is "04:59" (or "1:04:59"). */
  endsIn: string;
  /** Shown, and announced, once the offer's end time has passed. */
  ended: string;
  /** Announced once, when a running offer reaches its last minute. */
  oneMinuteLeft: string;
  /** Announced when an offer appears; `{title}` is its title. */
  newOffer: string;
  /** `{count}` is the offer's quantity limit, formatted for the locale. */
  quantityLeft: string;
  /** The label of the discount code. */
  code: string;
  copy: string;
  /** Shown on the copy button, and announced, after the code was copied. */
  copied: string;
  /** Announced when the clipboard is not available and the code was selected instead. */
  copyManually: string;
  /** The button that adds the product to the cart. */
  shop: string;
  /** The button of a product with a payment link. */
  buy: string;
  soldOut: string;
  /** Read before the struck-through price by screen readers. */
  compareAtPrice: string;
}

export const defaultOfferStrings: Readonly<OfferStrings> = Object.freeze({
  priceDrop: 'Price drop',
  countdown: 'Limited time',
  limitedStock: 'Limited stock',
  endsIn: 'Ends in {time}',
  ended: 'Offer ended',
  oneMinuteLeft: 'One minute left on this offer',
  newOffer: 'New offer: {title}',
  quantityLeft: 'Only {count} left',
  code: 'Code',
  copy: 'Copy',
  copied: 'Copied',
  copyManually: 'Code selected: press Ctrl+C (⌘C on a Mac) to copy it',
  shop: 'Shop now',
  buy: 'Buy',
  soldOut: 'Sold out',
  compareAtPrice: 'Original price:',
});

export function withOfferDefaults(strings: Partial<OfferStrings> | undefined): OfferStrings {
  return strings ? { ...defaultOfferStrings, ...strings } : defaultOfferStrings;
}

export function kindLabel(kind: Offer['kind'], strings: OfferStrings): string {
  switch (kind) {
    case 'countdown':
      return strings.countdown;
    case 'limited-stock':
      return strings.limitedStock;
    default:
      return strings.priceDrop;
  }
}
