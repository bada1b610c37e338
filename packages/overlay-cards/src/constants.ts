/**
 * Every tag and event name this package uses, in one place (as media-chrome does), so a
 * host page, the player and the docs never spell one differently.
 */
export const TAGS = {
  productCard: 'live-shop-product-card',
  highlights: 'live-shop-highlights',
  offer: 'live-shop-offer',
  statusScreen: 'live-shop-status-screen',
} as const;

export const EVENTS = {
  /** A viewer asked to add a product to the cart; cancelable so the host page can take over. */
  addToCart: 'live-shop-add-to-cart',
  /** A viewer asked to buy through the product's payment link; cancelable. */
  checkout: 'live-shop-checkout',
  /** An offer's countdown reached its end time (on the relay's clock); a notice, not cancelable. */
  offerEnd: 'live-shop-offer-end',
  /** A viewer asked to be reminded of a scheduled show; cancelable (the host page confirms it itself). */
  remindMe: 'live-shop-remind-me',
  /** A viewer asked to watch the replay of an ended show; cancelable (the player switches to replay). */
  watchReplay: 'live-shop-watch-replay',
} as const;
