import type { Offer } from '@live-shop/protocol';
import { EVENTS } from '../constants.js';

export interface OfferEndDetail {
  /** The offer whose end time (`endsAt`, on the relay's clock) has passed. */
  offer: Offer;
}

/**
 * An offer's countdown reached its end. Fired once per offer and end time, when the
 * element shows "Offer ended"; the player may remove the element then or wait for the
 * producer's `offer.end`. A notice, not a request: not cancelable.
 */
export class OfferEndEvent extends Event {
  readonly detail: OfferEndDetail;
  constructor(detail: OfferEndDetail) {
    super(EVENTS.offerEnd, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

interface OfferEventMap {
  [EVENTS.offerEnd]: OfferEndEvent;
}

declare global {
  interface HTMLElementEventMap extends OfferEventMap {}
  interface DocumentEventMap extends OfferEventMap {}
}
