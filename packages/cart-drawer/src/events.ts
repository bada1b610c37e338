import type { Cart } from './commerce-adapter.js';
import { EVENTS } from './constants.js';

/** What asked the cart to close. */
export type CartHideReason = 'escape' | 'close-button' | 'overlay' | 'method';

export interface CartHideDetail {
  reason: CartHideReason;
}

export interface CartDetail {
  cart: Cart;
}

const bubbling = { bubbles: true, composed: true } as const;

/** The cart starts to open. */
export class CartShowEvent extends Event {
  constructor() {
    super(EVENTS.show, bubbling);
  }
}

/** The cart is open and its opening animation has finished. */
export class CartAfterShowEvent extends Event {
  constructor() {
    super(EVENTS.afterShow, bubbling);
  }
}

/**
 * Something asked the cart to close: the Esc key, the close button, a click on the
 * overlay, or `hide()`. Cancel it (`preventDefault()`) to keep the cart open. When the
 * browser closes the dialog itself (it lets a page refuse Esc only a few times after each
 * user gesture, so a page cannot trap the viewer), the event is not cancelable.
 */
export class CartHideEvent extends Event {
  readonly detail: CartHideDetail;
  constructor(detail: CartHideDetail, options: { cancelable?: boolean } = {}) {
    super(EVENTS.hide, { ...bubbling, cancelable: options.cancelable ?? true });
    this.detail = detail;
  }
}

/** The cart is closed and focus is back where it was before it opened. */
export class CartAfterHideEvent extends Event {
  constructor() {
    super(EVENTS.afterHide, bubbling);
  }
}

/**
 * A viewer pressed Checkout. Cancel it to run checkout yourself; otherwise the adapter's
 * checkout URL opens (https: only).
 */
export class CartCheckoutEvent extends Event {
  readonly detail: CartDetail;
  constructor(detail: CartDetail) {
    super(EVENTS.checkout, { ...bubbling, cancelable: true });
    this.detail = detail;
  }
}

/**
 * The cart changed through its adapter: a viewer's change, or one the adapter reported
 * (another tab, the host page). Not fired for `setCart()`, so a host page that pushes its
 * cart in and listens to this event never loops.
 */
export class CartChangeEvent extends Event {
  readonly detail: CartDetail;
  constructor(detail: CartDetail) {
    super(EVENTS.change, bubbling);
    this.detail = detail;
  }
}

interface LiveShopCartEventMap {
  [EVENTS.show]: CartShowEvent;
  [EVENTS.afterShow]: CartAfterShowEvent;
  [EVENTS.hide]: CartHideEvent;
  [EVENTS.afterHide]: CartAfterHideEvent;
  [EVENTS.checkout]: CartCheckoutEvent;
  [EVENTS.change]: CartChangeEvent;
}

// Both maps: the events are composed and bubble, and host pages often listen on document.
declare global {
  interface HTMLElementEventMap extends LiveShopCartEventMap {}
  interface DocumentEventMap extends LiveShopCartEventMap {}
}
