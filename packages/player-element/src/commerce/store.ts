import type { CartAttribute, CommerceAdapter, StorefrontStrings } from '@live-shop/cart-drawer';

/** What `loadStoreAdapter` reads of `<live-shop>`. */
export interface StoreSettings {
  storeDomain: string | undefined;
  storefrontToken: string | undefined;
  storefrontEndpoint: string | undefined;
}

/**
 * The Shopify cart of the element's store, or undefined when it has none. The Storefront
 * client and the adapter load only here, so a page without a store never downloads them.
 * `storefront-endpoint` (resolved against the page, so "/" is the page's origin) sends the
 * client's requests to another origin: a proxy, or the local Storefront fake. `strings` is
 * asked whenever the adapter writes a message, so its messages follow the player's language.
 */
export async function loadStoreAdapter(
  settings: StoreSettings,
  attributes: () => CartAttribute[],
  strings: () => Partial<StorefrontStrings>,
): Promise<CommerceAdapter | undefined> {
  const { storeDomain, storefrontToken, storefrontEndpoint } = settings;
  if (!storeDomain || !storefrontToken) return undefined;
  const { StorefrontCartAdapter } = await import('@live-shop/cart-drawer/storefront');
  return new StorefrontCartAdapter({
    storeDomain,
    publicAccessToken: storefrontToken,
    attributes,
    strings,
    ...(storefrontEndpoint ? { endpoint: new URL(storefrontEndpoint, location.href).origin } : {}),
  });
}
