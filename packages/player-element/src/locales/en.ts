import { en as cart } from '@live-shop/cart-drawer/locales/en';
import { en as overlay } from '@live-shop/overlay-cards/locales/en';
import { ERROR_MESSAGES } from '../errors.js';
import { defaultMiniPlayerStrings } from '../mini-player/strings.js';
import { defaultPlayerStrings, type PlayerStrings } from '../strings.js';
import type { PlayerLocale, PlayerTextKey } from './types.js';

export type { PlayerLocale, PlayerOwnStrings } from './types.js';

/** The strings that are a string or plural forms: the rule of {@link PlayerTextKey}, at run time. */
function ownText(strings: PlayerStrings): Pick<PlayerStrings, PlayerTextKey> {
  const text = Object.entries(strings).filter(([, value]) => typeof value === 'string' || 'other' in value);
  // Object.fromEntries cannot say which keys the filter kept; the type above says it.
  return Object.fromEntries(text) as Pick<PlayerStrings, PlayerTextKey>;
}

/** The English defaults as one locale: what the translations are checked against. */
export const en: PlayerLocale = {
  player: { ...ownText(defaultPlayerStrings), errors: ERROR_MESSAGES, miniPlayer: defaultMiniPlayerStrings },
  overlay,
  cart,
};
