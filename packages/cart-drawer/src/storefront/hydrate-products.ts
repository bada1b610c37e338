import type { Product, Variant } from '@live-shop/protocol';
import { toImage, toMoney } from './cart-mapping.js';
import { PRODUCTS_QUERY } from './queries.js';
import type { ShopifyProductNode, ShopifyVariant } from './shopify-types.js';
import type { StorefrontClient } from './storefront-client.js';

/** Shopify answers at most 250 ids per `nodes` request. */
const PAGE = 250;
const PRODUCT_GID = 'gid://shopify/Product/';

/**
 * The products with what the store says now merged in: each variant's price, compare-at
 * price, availability, stock, title, options and image, and the product's price and
 * compare-at price (those of its cheapest variant for sale). Products the store does not
 * know (or whose id is not a Shopify product gid) are returned as given. Call it when the
 * show loads and again on `stock.update` / `price.update` events.
 */
export async function hydrateProducts(client: StorefrontClient, products: readonly Product[]): Promise<Product[]> {
  const ids = [...new Set(products.map((product) => product.id).filter((id) => id.startsWith(PRODUCT_GID)))];
  const found = new Map<string, Required<ShopifyProductNode>>();
  for (let start = 0; start < ids.length; start += PAGE) {
    // partial: a token without the inventory scope gets `quantityAvailable` null with an error, and the rest.
    const data = await client.request<{ nodes: (ShopifyProductNode | null)[] }>(PRODUCTS_QUERY, { ids: ids.slice(start, start + PAGE) }, { partial: true });
    for (const node of data.nodes ?? []) if (node?.id && node.variants) found.set(node.id, { id: node.id, variants: node.variants });
  }
  return products.map((product) => {
    const node = found.get(product.id);
    return node ? mergeProduct(product, node.variants.nodes) : product;
  });
}

/**
 * `product` with the store's variants merged in. A product that lists variants keeps that
 * list and order (a show may offer only some), each updated from the store, and one the
 * store no longer has is marked sold out; a product that lists none gets the store's.
 */
export function mergeProduct(product: Product, storeVariants: readonly ShopifyVariant[]): Product {
  const byId = new Map(storeVariants.map((variant) => [variant.id, variant]));
  const variants: Variant[] =
    product.variants.length > 0
      ? product.variants.map((given) => {
          const current = byId.get(given.id);
          return current ? mergeVariant(given, current) : { ...given, availableForSale: false, quantityAvailable: 0 };
        })
      : storeVariants.map((variant) => mergeVariant(undefined, variant));
  const lead = cheapest(variants.filter((variant) => variant.availableForSale)) ?? cheapest(variants);
  if (!lead?.price) return { ...product, variants };
  return { ...product, price: lead.price, compareAtPrice: lead.compareAtPrice ?? null, variants };
}

function mergeVariant(given: Variant | undefined, current: ShopifyVariant): Variant {
  return {
    ...given,
    id: current.id,
    title: current.title,
    availableForSale: current.availableForSale,
    // Shopify gives a negative number for oversold stock: none left.
    quantityAvailable: current.quantityAvailable === null ? null : Math.max(0, current.quantityAvailable),
    price: toMoney(current.price),
    compareAtPrice: current.compareAtPrice ? toMoney(current.compareAtPrice) : null,
    selectedOptions: current.selectedOptions.map(({ name, value }) => ({ name, value })),
    ...(current.image ? { image: toImage(current.image) } : {}),
  };
}

/** The variant with the lowest price (the first of equals); prices are compared as numbers, only to order them. */
function cheapest(variants: readonly Variant[]): Variant | undefined {
  let best: Variant | undefined;
  for (const variant of variants) {
    if (variant.price && (!best?.price || Number(variant.price.amount) < Number(best.price.amount))) best = variant;
  }
  return best;
}
