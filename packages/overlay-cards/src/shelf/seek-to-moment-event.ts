import { EVENTS } from '../constants.js';

export interface SeekToMomentDetail {
  /** The moment to watch: the program date time (epoch ms) of the frame the product was featured on. */
  pdt: number;
  productId: string;
}

/**
 * A viewer asked to watch the moment a product was featured (from the shelf or the
 * moments bar). `<live-shop>` answers with `seekToPdt(detail.pdt)`; cancel the event to
 * handle it yourself.
 */
export class SeekToMomentEvent extends Event {
  readonly detail: SeekToMomentDetail;
  constructor(detail: SeekToMomentDetail) {
    super(EVENTS.seekToMoment, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    [EVENTS.seekToMoment]: SeekToMomentEvent;
  }
  interface DocumentEventMap {
    [EVENTS.seekToMoment]: SeekToMomentEvent;
  }
}
