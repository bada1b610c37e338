import type { Product } from '@live-shop/protocol';
import { parseCents } from './money.js';

/** An image as the catalog lists it; `url` may be relative (resolved against `imageOrigin`). */
export interface CatalogImage {
  url: string;
  altText: string | null;
  width: number | null;
  height: number | null;
}

/** A variant with its stock and price: the state `setStock` and `setPrice` change. */
export interface CatalogVariant {
  id: string;
  productId: string;
  title: string;
  availableForSale: boolean;
  /** null: inventory not tracked, any quantity can be bought. */
  quantityAvailable: number | null;
  priceCents: number;
  compareAtPriceCents: number | null;
  selectedOptions: { name: string; value: string }[];
  image: CatalogImage | null;
}

export interface CatalogProduct {
  id: string;
  handle: string;
  title: string;
  description: string;
  vendor: string;
  images: CatalogImage[];
  /** The product page on the brand's store (`onlineStoreUrl`). */
  url: string | null;
  variantIds: string[];
}

/** The fake's catalog: products and variants by id, in one currency. */
export interface Catalog {
  currencyCode: string;
  products: Map<string, CatalogProduct>;
  variants: Map<string, CatalogVariant>;
}

const PRODUCT_GID = /^gid:\/\/shopify\/Product\/\d+$/;
const VARIANT_GID = /^gid:\/\/shopify\/ProductVariant\/\d+$/;

/**
 * Builds the fake's catalog from products in the protocol's shape (`catalog.set`'s
 * products, e.g. `examples/demo/catalog/products.json`). Ids must be Shopify gids, since
 * clients send them back as `merchandiseId`s; a product with no variants gets none (it
 * cannot be added to a cart, as on Shopify every product has at least one).
 */
export function catalogFromProducts(products: readonly Product[]): Catalog {
  const catalog: Catalog = { currencyCode: products[0]?.price.currencyCode ?? 'USD', products: new Map(), variants: new Map() };
  for (const product of products) {
    const where = `Product ${JSON.stringify(product.id)}`;
    if (!PRODUCT_GID.test(product.id)) throw new Error(`${where}: the id must be a Shopify gid like "gid://shopify/Product/123".`);
    if (catalog.products.has(product.id)) throw new Error(`${where} is listed twice; give each product its own id.`);
    const currency = (code: string) => {
      if (code !== catalog.currencyCode) {
        throw new Error(`${where} is priced in ${code} but the catalog in ${catalog.currencyCode}; a cart has one currency, so list every price in it.`);
      }
    };
    currency(product.price.currencyCode);
    const images = product.images.map((image) => ({
      url: image.url,
      altText: image.altText ?? null,
      width: image.width ?? null,
      height: image.height ?? null,
    }));
    for (const variant of product.variants) {
      const variantWhere = `Variant ${JSON.stringify(variant.id)} of ${where}`;
      if (!VARIANT_GID.test(variant.id)) throw new Error(`${variantWhere}: the id must be a Shopify gid like "gid://shopify/ProductVariant/123".`);
      if (catalog.variants.has(variant.id)) throw new Error(`${variantWhere} is listed twice; give each variant its own id.`);
      const price = variant.price ?? product.price;
      currency(price.currencyCode);
      const compareAt = variant.price ? variant.compareAtPrice : (variant.compareAtPrice ?? product.compareAtPrice);
      if (compareAt) currency(compareAt.currencyCode);
      catalog.variants.set(variant.id, {
        id: variant.id,
        productId: product.id,
        title: variant.title,
        availableForSale: variant.availableForSale,
        quantityAvailable: variant.quantityAvailable ?? null,
        priceCents: parseCents(price.amount),
        compareAtPriceCents: compareAt ? parseCents(compareAt.amount) : null,
        selectedOptions: variant.selectedOptions?.map(({ name, value }) => ({ name, value })) ?? [],
        image: variant.image
          ? { url: variant.image.url, altText: variant.image.altText ?? null, width: variant.image.width ?? null, height: variant.image.height ?? null }
          : null,
      });
    }
    catalog.products.set(product.id, {
      id: product.id,
      handle: product.handle,
      title: product.title,
      description: product.description ?? '',
      vendor: product.vendor ?? '',
      images,
      url: product.url ?? null,
      variantIds: product.variants.map((variant) => variant.id),
    });
  }
  return catalog;
}

/** A deep copy, so that `reset()` can restore the seeded stock and prices. */
export function cloneCatalog(catalog: Catalog): Catalog {
  return {
    currencyCode: catalog.currencyCode,
    products: new Map([...catalog.products].map(([id, product]) => [id, { ...product, images: product.images.map((image) => ({ ...image })), variantIds: [...product.variantIds] }])),
    variants: new Map(
      [...catalog.variants].map(([id, variant]) => [
        id,
        { ...variant, selectedOptions: variant.selectedOptions.map((option) => ({ ...option })), image: variant.image ? { ...variant.image } : null },
      ]),
    ),
  };
}

/** How many of a variant a cart may hold: 0 when it is not for sale, Infinity when stock is not tracked. */
export function stockLimit(variant: CatalogVariant): number {
  if (!variant.availableForSale) return 0;
  return variant.quantityAvailable === null ? Number.POSITIVE_INFINITY : Math.max(0, variant.quantityAvailable);
}
