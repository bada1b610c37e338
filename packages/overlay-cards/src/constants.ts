/**
 * Every tag and event name this package uses, in one place (as media-chrome does), so a
 * host page, the player and the docs never spell one differently.
 */
export const TAGS = {
  productCard: 'live-shop-product-card',
  highlights: 'live-shop-highlights',
} as const;

export const EVENTS = {
  /** A viewer asked to add a product to the cart; cancelable so the host page can take over. */
  addToCart: 'live-shop-add-to-cart',
  /** A viewer asked to buy through the product's payment link; cancelable. */
  checkout: 'live-shop-checkout',
} as const;
