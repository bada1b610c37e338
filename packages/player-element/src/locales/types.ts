import type { CartLocale } from '@live-shop/cart-drawer';
import type { OverlayLocale } from '@live-shop/overlay-cards';
import type { ErrorCode } from '../errors.js';
import type { MiniPlayerStrings } from '../mini-player/strings.js';
import type { PlayerStrings } from '../strings.js';

/**
 * The keys of {@link PlayerStrings} that hold `<live-shop>`'s own text (a string, or forms
 * by plural category like `cartButton`), rather than another element's strings.
 */
export type PlayerTextKey = {
  [K in keyof PlayerStrings]-?: PlayerStrings[K] extends string | PlayerStrings['cartButton'] ? K : never;
}[keyof PlayerStrings];

/** `<live-shop>`'s own text, complete: every message of ERROR_MESSAGES and every mini-player string. */
export type PlayerOwnStrings = Pick<PlayerStrings, PlayerTextKey> & {
  errors: Record<ErrorCode, string>;
  miniPlayer: MiniPlayerStrings;
};

/**
 * One language's text for everything `<live-shop>` shows, complete: a key left out is a
 * compile error. `player` is the player's own `strings`; `overlay` holds each overlay
 * element's strings under its key in `strings`; `cart` holds the drawer's strings and the
 * Storefront adapter's messages.
 */
export interface PlayerLocale {
  player: PlayerOwnStrings;
  overlay: OverlayLocale;
  cart: CartLocale;
}
