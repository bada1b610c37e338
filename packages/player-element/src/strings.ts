import type { CardStrings } from '@live-shop/overlay-cards';
import type { ErrorCode } from './errors.js';

/**
 * The text <live-shop> shows. Set a partial object on `strings` to translate or reword;
 * anything left out keeps its English default.
 */
export interface PlayerStrings {
  connecting: string;
  live: string;
  replay: string;
  reconnecting: string;
  /** Messages by error code (see ERROR_MESSAGES for the defaults). */
  errors: Partial<Record<ErrorCode, string>> & Record<string, string | undefined>;
  /** Text of the product cards. */
  cards: Partial<CardStrings>;
}

export const defaultPlayerStrings: Readonly<PlayerStrings> = Object.freeze({
  connecting: 'Connecting…',
  live: 'Live',
  replay: 'Replay',
  reconnecting: 'Reconnecting…',
  errors: {},
  cards: {},
});
