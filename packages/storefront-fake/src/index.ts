/**
 * @live-shop/storefront-fake: a local fake of Shopify's Storefront GraphQL API for the
 * demo and the tests, answering from Shopify's published schema with real validation
 * and real cart state. Node only.
 *
 * @packageDocumentation
 */
export { startStorefrontFake } from './server.js';
export type { StorefrontFake, StorefrontFakeOptions } from './server.js';
export { createStorefrontFakeHandler } from './handler.js';
export type { StorefrontFakeHandler, StorefrontFakeHandlerOptions } from './handler.js';
export { catalogFromProducts } from './catalog.js';
export type { Catalog, CatalogImage, CatalogProduct, CatalogVariant } from './catalog.js';
export { storefrontApiVersion, storefrontSchema } from './schema.js';
export { faultKinds } from './state.js';
export type { CartSnapshot, FaultKind, FaultOptions, LoggedRequest, PendingFault, RequestLog, StorefrontFakeControls, StorefrontFakeState } from './state.js';
export type { CartErrorCode, CartWarningCode } from './carts.js';
