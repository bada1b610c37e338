import { defaultStorefrontStrings } from '../storefront/storefront-strings.js';
import { defaultStrings } from '../strings.js';
import type { CartLocale } from './types.js';

export type { CartLocale } from './types.js';

/** The English defaults as one locale: what the translations are checked against. */
export const en: CartLocale = { cart: defaultStrings, storefront: defaultStorefrontStrings };
