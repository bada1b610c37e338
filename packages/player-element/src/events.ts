import type { ShowState } from '@live-shop/protocol';
import { EVENTS, type EngineKind } from './constants.js';
import type { PlayerError } from './errors.js';

const options = { bubbles: true, composed: true } as const;

/** The first frame with a known program date time is on screen. */
export class ReadyEvent extends Event {
  readonly detail: { engine: EngineKind };
  constructor(detail: { engine: EngineKind }) {
    super(EVENTS.ready, options);
    this.detail = detail;
  }
}

/** The show state on screen changed. */
export class StateChangeEvent extends Event {
  readonly detail: ShowState;
  constructor(state: ShowState) {
    super(EVENTS.stateChange, options);
    this.detail = state;
  }
}

export interface ProductShownDetail {
  productId: string;
  /** The moment the producer meant (the highlight event's pdt), epoch ms. */
  pdt: number;
  /** The pdt of the frame on which the card was shown; framePdt − pdt is the sync error. */
  framePdt: number;
}

/** A product highlight became visible. */
export class ProductShownEvent extends Event {
  readonly detail: ProductShownDetail;
  constructor(detail: ProductShownDetail) {
    super(EVENTS.productShown, options);
    this.detail = detail;
  }
}

/** Something failed; `detail.message` can be shown to viewers as is. */
export class PlayerErrorEvent extends Event {
  readonly detail: PlayerError;
  constructor(detail: PlayerError) {
    super(EVENTS.error, options);
    this.detail = detail;
  }
}

interface LiveShopPlayerEventMap {
  [EVENTS.ready]: ReadyEvent;
  [EVENTS.stateChange]: StateChangeEvent;
  [EVENTS.productShown]: ProductShownEvent;
  [EVENTS.error]: PlayerErrorEvent;
}

// Both maps: the events are composed and bubble, and host pages often listen on document.
declare global {
  interface HTMLElementEventMap extends LiveShopPlayerEventMap {}
  interface DocumentEventMap extends LiveShopPlayerEventMap {}
}
