import type { Product } from '@live-shop/protocol';
import { EVENTS } from '../constants.js';

export interface VariantChangeDetail {
  product: Product;
  /** The variant the viewer chose; Add to cart now sends it. */
  variantId: string;
}

/**
 * A viewer chose another variant in a card's or the details sheet's picker. A notice (not
 * cancelable): the card already shows the variant's price, image and stock.
 */
export class VariantChangeEvent extends Event {
  readonly detail: VariantChangeDetail;
  constructor(detail: VariantChangeDetail) {
    super(EVENTS.variantChange, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    [EVENTS.variantChange]: VariantChangeEvent;
  }
  interface DocumentEventMap {
    [EVENTS.variantChange]: VariantChangeEvent;
  }
}
