/**
 * The Shopify Storefront API cart, on its own entry point (`@live-shop/cart-drawer/storefront`)
 * so that a page loads it, and Shopify's client with it, only when it sells from a Shopify store.
 */
export { StorefrontCartAdapter, addReachedCart } from './storefront-cart-adapter.js';
export type { StorefrontCartAdapterOptions } from './storefront-cart-adapter.js';
export { StorefrontClient, STOREFRONT_API_VERSION, redirectStoreFetch, storeHost } from './storefront-client.js';
export type { FetchApi, RequestOptions, StorefrontClientOptions } from './storefront-client.js';
export { hydrateProducts, mergeProduct } from './hydrate-products.js';
export { cartStorageKey } from './cart-id-store.js';
export type { CartStorage, SavedCart } from './cart-id-store.js';
export { defaultRetry } from './retry.js';
export type { RetryOptions } from './retry.js';
export { defaultStorefrontStrings } from './storefront-strings.js';
export type { StorefrontStrings } from './storefront-strings.js';
export {
  CART_ATTRIBUTES_UPDATE,
  CART_CREATE,
  CART_FRAGMENT,
  CART_LINES_ADD,
  CART_LINES_REMOVE,
  CART_LINES_UPDATE,
  CART_QUERY,
  PRODUCTS_QUERY,
  STOREFRONT_DOCUMENTS,
} from './queries.js';
