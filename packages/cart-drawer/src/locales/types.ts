import type { StorefrontStrings } from '../storefront/storefront-strings.js';
import type { CartStrings } from '../strings.js';

/**
 * One language's text for this package, complete: a key left out is a compile error.
 * `cart` is the drawer's `strings`; `storefront` is the Storefront adapter's `strings`.
 */
export interface CartLocale {
  cart: CartStrings;
  storefront: StorefrontStrings;
}
