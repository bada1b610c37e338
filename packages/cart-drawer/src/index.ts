export { CartDrawer } from './cart-drawer/cart-drawer.js';
export type { CheckoutTarget } from './cart-drawer/cart-drawer.js';
export type {
  Cart,
  CartAttribute,
  CartLine,
  CartLineInput,
  CartLineUpdate,
  CartListener,
  CartWarning,
  CommerceAdapter,
} from './commerce-adapter.js';
export { CommerceError } from './commerce-error.js';
export type { CommerceErrorCode, CommerceErrorOptions } from './commerce-error.js';
export { CART_WARNINGS, EVENTS, TAGS } from './constants.js';
export {
  CartAfterHideEvent,
  CartAfterShowEvent,
  CartChangeEvent,
  CartCheckoutEvent,
  CartHideEvent,
  CartShowEvent,
} from './events.js';
export type { CartDetail, CartHideDetail, CartHideReason } from './events.js';
export { HostCartAdapter, toCart } from './host-cart-adapter.js';
export type { HostCart, HostCartHandlers, HostCartLine } from './host-cart-adapter.js';
export { httpsUrl } from './https-url.js';
export type { CartLocale } from './locales/types.js';
export { MemoryCartAdapter } from './memory-cart-adapter.js';
export type { MemoryCartOptions } from './memory-cart-adapter.js';
export { addMoney, currencyDigits, multiplyMoney, sumMoney, zeroMoney } from './money.js';
export { CLIENT_REFERENCE_MAX, clientReferenceId, paymentLinkUrl } from './payment-link.js';
export type { PaymentLinkAttribution } from './payment-link.js';
export { defaultStrings } from './strings.js';
export type { CartStrings } from './strings.js';
export { VERSION } from './version.js';
// The Shopify cart's code lives at `@live-shop/cart-drawer/storefront` only, loaded when a
// page sells from a Shopify store: re-exported from here, esbuild's code splitting puts it
// (and Shopify's client) in the chunk every page loads with the cart. Its types are here.
export type {
  CartStorage,
  RetryOptions,
  StorefrontCartAdapter,
  StorefrontCartAdapterOptions,
  StorefrontClient,
  StorefrontClientOptions,
  StorefrontStrings,
} from './storefront/index.js';
