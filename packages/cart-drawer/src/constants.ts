/**
 * Every tag and event name this package uses, in one place (as media-chrome does), so a
 * host page, the player and the docs never spell one differently.
 */
export const TAGS = {
  cart: 'live-shop-cart',
} as const;

export const EVENTS = {
  /** The cart starts to open. */
  show: 'live-shop-cart-show',
  /** The cart is open and its opening animation has finished. */
  afterShow: 'live-shop-cart-after-show',
  /** Something asked the cart to close; cancelable. The detail says what asked. */
  hide: 'live-shop-cart-hide',
  /** The cart is closed and focus is back on what opened it. */
  afterHide: 'live-shop-cart-after-hide',
  /**
   * A viewer pressed Checkout; cancelable so the host page can take over. Not
   * `live-shop-checkout`: that name belongs to the product card's Buy button (another
   * detail), and one name typed twice in HTMLElementEventMap does not compile.
   */
  checkout: 'live-shop-cart-checkout',
  /** The cart's contents changed through its adapter (not through setCart()). */
  change: 'live-shop-cart-change',
} as const;

/**
 * Warning codes the in-memory cart gives; the same codes as Shopify's `CartWarningCode`, so
 * a page that reacts to them works with either adapter.
 */
export const CART_WARNINGS = {
  notEnoughStock: 'MERCHANDISE_NOT_ENOUGH_STOCK',
  outOfStock: 'MERCHANDISE_OUT_OF_STOCK',
} as const;
