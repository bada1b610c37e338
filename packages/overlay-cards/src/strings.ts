/**
 * Every piece of text the cards show. Set a partial object on the element's `strings`
 * property to translate or reword; anything left out keeps its English default.
 */
export interface CardStrings {
  addToCart: string;
  buy: string;
  soldOut: string;
  /** Read before the struck-through price by screen readers. */
  compareAtPrice: string;
  /** Announced when a product appears; `{title}` is replaced by the product title. */
  nowShowing: string;
  /** The stock badge when few are left; `{count}` is the quantity available. */
  fewLeft: string;
  /** Beside an option value no available variant has with the other options chosen. */
  unavailable: string;
  /** The button that opens the details sheet. */
  details: string;
  /** The details sheet's close button. */
  close: string;
  previousImage: string;
  nextImage: string;
  /** The gallery's position, and each thumbnail's name; `{index}` and `{count}`. */
  imageOf: string;
}

export const defaultStrings: Readonly<CardStrings> = Object.freeze({
  addToCart: 'Add to cart',
  buy: 'Buy',
  soldOut: 'Sold out',
  compareAtPrice: 'Original price:',
  nowShowing: 'Now showing: {title}',
  fewLeft: 'Only {count} left',
  unavailable: 'unavailable',
  details: 'Details',
  close: 'Close',
  previousImage: 'Previous image',
  nextImage: 'Next image',
  imageOf: 'Image {index} of {count}',
});

export function withDefaults(strings: Partial<CardStrings> | undefined): CardStrings {
  return strings ? { ...defaultStrings, ...strings } : defaultStrings;
}

/**
 * Fills `{name}` placeholders of a string template. A function replacer, so that text
 * containing `$&` or `$'` (which String.replace treats as patterns) stays as written.
 */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}
