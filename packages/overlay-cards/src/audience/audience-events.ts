import { EVENTS } from '../constants.js';

export interface ReactDetail {
  /** The reaction kind, e.g. "heart". */
  kind: string;
}

export interface VoteDetail {
  pollId: string;
  optionId: string;
}

/**
 * A viewer pressed a reaction. `<live-shop>` sends it to the relay. Cancelable: cancel it
 * to keep the reaction from being shown as sent (the element then shows nothing of it).
 */
export class ReactEvent extends Event {
  readonly detail: ReactDetail;
  constructor(detail: ReactDetail) {
    super(EVENTS.react, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

/**
 * A viewer voted in a poll. `<live-shop>` sends the vote and sets the poll's
 * `votedOptionId` (counted) or `error` (refused). Cancelable: cancel it to handle the vote
 * yourself; the poll then waits for you to set one of those.
 */
export class VoteEvent extends Event {
  readonly detail: VoteDetail;
  constructor(detail: VoteDetail) {
    super(EVENTS.vote, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

interface LiveShopAudienceEventMap {
  [EVENTS.react]: ReactEvent;
  [EVENTS.vote]: VoteEvent;
}

// Both maps: the events are composed and bubble, and host pages often listen on document.
declare global {
  interface HTMLElementEventMap extends LiveShopAudienceEventMap {}
  interface DocumentEventMap extends LiveShopAudienceEventMap {}
}
