import type { Product } from '@live-shop/protocol';
import { EVENTS } from './constants.js';

export interface AddToCartDetail {
  product: Product;
  /** The variant to add; undefined only for a product without variants. */
  variantId: string | undefined;
  /** The video moment the card belongs to (the highlight's pdt), for attribution. */
  pdt: number | undefined;
}

export interface CheckoutDetail extends AddToCartDetail {
  /**
   * The https payment link that opens in a new tab unless the event is cancelled. A
   * listener may change it (`<live-shop>` adds the attribution before the page's listeners
   * run); the card still opens only an https: link.
   */
  url: string;
}

/**
 * A viewer pressed "Add to cart". Cancel it (`preventDefault()`) to handle the cart
 * yourself; otherwise the live-shop cart drawer takes it.
 */
export class AddToCartEvent extends Event {
  readonly detail: AddToCartDetail;
  constructor(detail: AddToCartDetail) {
    super(EVENTS.addToCart, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

/**
 * A viewer pressed "Buy" on a product with a payment link. Cancel it to handle checkout
 * yourself; otherwise the link opens in a new tab.
 */
export class CheckoutEvent extends Event {
  readonly detail: CheckoutDetail;
  constructor(detail: CheckoutDetail) {
    super(EVENTS.checkout, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

interface LiveShopCardEventMap {
  [EVENTS.addToCart]: AddToCartEvent;
  [EVENTS.checkout]: CheckoutEvent;
}

// Both maps: the events are composed and bubble, and host pages often listen on document.
declare global {
  interface HTMLElementEventMap extends LiveShopCardEventMap {}
  interface DocumentEventMap extends LiveShopCardEventMap {}
}
