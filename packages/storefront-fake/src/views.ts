/**
 * The fake's state seen as Storefront API objects. Each view is a plain object with the
 * fields the fake implements; a function field is called with the field's arguments (as
 * graphql-js's default resolver does), so related objects are only built when selected.
 * A field a view does not list is answered with a NOT_IMPLEMENTED error (see root.ts).
 */
import { stockLimit, type Catalog, type CatalogImage, type CatalogProduct, type CatalogVariant } from './catalog.js';
import type { Attribute, CartLineState, CartMutationResult, CartState } from './carts.js';
import type { CartStore } from './carts.js';
import { connection, type ConnectionArgs } from './connection.js';
import { moneyV2 } from './money.js';

/** What every resolver sees: the state and where this request came in. */
export interface ResolveContext {
  catalog: Catalog;
  carts: CartStore;
  /** The fake's origin as the client reached it, e.g. `http://127.0.0.1:4190` (for checkout URLs). */
  origin: string;
  /** Where the handler is mounted on that origin ('' or e.g. '/shopify'). */
  basePath: string;
  /** The origin relative image URLs are resolved against. */
  imageOrigin: string;
  /** When the catalog was seeded: the products' createdAt, updatedAt and publishedAt. */
  seededAt: string;
  storeName: string;
}

type View = Record<string, unknown>;

const attributeByKey = (attributes: readonly Attribute[]) => (args: { key: string }) => attributes.find((attribute) => attribute.key === args.key) ?? null;

/** `metafields(identifiers:)` answers one entry per identifier; the fake has none. */
const noMetafields = {
  metafield: null,
  metafields: (args: { identifiers: unknown[] }) => args.identifiers.map(() => null),
};

export function imageView(image: CatalogImage, context: ResolveContext): View {
  return {
    __typename: 'Image',
    id: null,
    // `transform` is accepted and ignored: the fake serves no resized copies.
    url: () => new URL(image.url, context.imageOrigin).href,
    altText: image.altText,
    width: image.width,
    height: image.height,
    thumbhash: null,
  };
}

export function variantView(variant: CatalogVariant, context: ResolveContext): View {
  const currency = context.catalog.currencyCode;
  const product = context.catalog.products.get(variant.productId);
  // As on Shopify, a variant without its own image falls back to the product's.
  const image = variant.image ?? product?.images[0] ?? null;
  return {
    __typename: 'ProductVariant',
    id: variant.id,
    title: variant.title,
    availableForSale: stockLimit(variant) > 0,
    currentlyNotInStock: false,
    quantityAvailable: variant.quantityAvailable,
    price: moneyV2(variant.priceCents, currency),
    compareAtPrice: variant.compareAtPriceCents === null ? null : moneyV2(variant.compareAtPriceCents, currency),
    selectedOptions: variant.selectedOptions,
    image: () => (image ? imageView(image, context) : null),
    product: () => (product ? productView(product, context) : null),
    sku: null,
    barcode: null,
    requiresShipping: true,
    requiresComponents: false,
    taxable: true,
    weight: null,
    weightUnit: 'KILOGRAMS',
    unitPrice: null,
    unitPriceMeasurement: null,
    quantityRule: { minimum: 1, maximum: null, increment: 1 },
    sellingPlanAllocations: (args: ConnectionArgs) => connection([], args, String),
    ...noMetafields,
  };
}

function variantsOf(product: CatalogProduct, catalog: Catalog): CatalogVariant[] {
  return product.variantIds.flatMap((id) => catalog.variants.get(id) ?? []);
}

export function productAvailable(product: CatalogProduct, catalog: Catalog): boolean {
  return variantsOf(product, catalog).some((variant) => stockLimit(variant) > 0);
}

function matchesOptions(variant: CatalogVariant, selected: readonly { name: string; value: string }[], caseInsensitive: boolean): boolean {
  const same = (a: string, b: string) => (caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b);
  return selected.every((option) => variant.selectedOptions.some((own) => same(own.name, option.name) && same(own.value, option.value)));
}

export function productView(product: CatalogProduct, context: ResolveContext): View {
  const { catalog } = context;
  const variants = () => variantsOf(product, catalog);
  const prices = () => variants().map((variant) => variant.priceCents);
  const compareAts = () => variants().map((variant) => variant.compareAtPriceCents ?? 0);
  const range = (cents: number[]) => ({
    minVariantPrice: moneyV2(cents.length ? Math.min(...cents) : 0, catalog.currencyCode),
    maxVariantPrice: moneyV2(cents.length ? Math.max(...cents) : 0, catalog.currencyCode),
  });
  const pick = (args: { selectedOptions?: { name: string; value: string }[]; caseInsensitiveMatch?: boolean }) =>
    variants().find((variant) => matchesOptions(variant, args.selectedOptions ?? [], args.caseInsensitiveMatch ?? false));
  const options = () => {
    const byName = new Map<string, string[]>();
    for (const variant of variants()) {
      for (const { name, value } of variant.selectedOptions) {
        const values = byName.get(name) ?? byName.set(name, []).get(name)!;
        if (!values.includes(value)) values.push(value);
      }
    }
    return [...byName].map(([name, values]) => ({
      id: `gid://shopify/ProductOption/${encodeURIComponent(product.id)}-${encodeURIComponent(name)}`,
      name,
      optionValues: values.map((value) => ({
        id: `gid://shopify/ProductOptionValue/${encodeURIComponent(product.id)}-${encodeURIComponent(name)}-${encodeURIComponent(value)}`,
        name: value,
        swatch: null,
        firstSelectableVariant: () => {
          const variant = variants().find((candidate) => candidate.selectedOptions.some((option) => option.name === name && option.value === value));
          return variant ? variantView(variant, context) : null;
        },
      })),
    }));
  };
  return {
    __typename: 'Product',
    id: product.id,
    handle: product.handle,
    title: product.title,
    description: (args: { truncateAt?: number | null }) =>
      args.truncateAt != null && product.description.length > args.truncateAt ? `${product.description.slice(0, args.truncateAt)}…` : product.description,
    descriptionHtml: product.description ? `<p>${escapeHtml(product.description)}</p>` : '',
    vendor: product.vendor,
    productType: '',
    tags: [],
    isGiftCard: false,
    requiresSellingPlan: false,
    createdAt: context.seededAt,
    updatedAt: context.seededAt,
    publishedAt: context.seededAt,
    onlineStoreUrl: product.url,
    trackingParameters: null,
    seo: { title: null, description: null },
    availableForSale: () => productAvailable(product, catalog),
    totalInventory: () => variants().reduce((sum, variant) => sum + (variant.quantityAvailable ?? 0), 0),
    featuredImage: () => (product.images[0] ? imageView(product.images[0], context) : null),
    images: (args: ConnectionArgs) => connection(product.images, args, (image) => image.url, (image) => imageView(image, context)),
    variants: (args: ConnectionArgs) => connection(variants(), args, (variant) => variant.id, (variant) => variantView(variant, context)),
    variantsCount: () => ({ count: variants().length, precision: 'EXACT' }),
    priceRange: () => range(prices()),
    compareAtPriceRange: () => range(compareAts()),
    options: (args: { first?: number | null }) => options().slice(0, args.first ?? undefined),
    variantBySelectedOptions: (args: Parameters<typeof pick>[0]) => {
      const variant = pick(args);
      return variant ? variantView(variant, context) : null;
    },
    selectedOrFirstAvailableVariant: (args: Parameters<typeof pick>[0]) => {
      const variant = (args.selectedOptions?.length ? pick(args) : undefined) ?? variants().find((candidate) => stockLimit(candidate) > 0) ?? variants()[0];
      return variant ? variantView(variant, context) : null;
    },
    adjacentVariants: () => [],
    ...noMetafields,
  };
}

function lineView(line: CartLineState, context: ResolveContext): View {
  const variant = context.catalog.variants.get(line.merchandiseId);
  const currency = context.catalog.currencyCode;
  // Prices are read at query time: a cart follows price changes, as Shopify's does.
  const priceCents = variant?.priceCents ?? 0;
  const compareAtCents = variant?.compareAtPriceCents ?? null;
  return {
    __typename: 'CartLine',
    id: line.id,
    quantity: line.quantity,
    attributes: line.attributes,
    attribute: attributeByKey(line.attributes),
    cost: {
      amountPerQuantity: moneyV2(priceCents, currency),
      compareAtAmountPerQuantity: compareAtCents === null ? null : moneyV2(compareAtCents, currency),
      subtotalAmount: moneyV2(priceCents * line.quantity, currency),
      totalAmount: moneyV2(priceCents * line.quantity, currency),
    },
    merchandise: () => (variant ? variantView(variant, context) : null),
    discountAllocations: [],
    sellingPlanAllocation: null,
    parentRelationship: null,
    instructions: { canRemove: true, canUpdateQuantity: true },
  };
}

/** A cart's subtotal in cents, from the catalog's current prices. */
export function cartSubtotalCents(cart: CartState, catalog: Catalog): number {
  return cart.lines.reduce((sum, line) => sum + (catalog.variants.get(line.merchandiseId)?.priceCents ?? 0) * line.quantity, 0);
}

export function checkoutUrl(cart: CartState, context: Pick<ResolveContext, 'origin' | 'basePath'>): string {
  return `${context.origin}${context.basePath}/cart/c/${cart.token}?key=${cart.key}`;
}

export function cartView(cart: CartState, context: ResolveContext): View {
  const currency = context.catalog.currencyCode;
  const subtotal = cartSubtotalCents(cart, context.catalog);
  return {
    __typename: 'Cart',
    id: cart.id,
    checkoutUrl: checkoutUrl(cart, context),
    createdAt: cart.createdAt,
    updatedAt: cart.updatedAt,
    totalQuantity: cart.lines.reduce((sum, line) => sum + line.quantity, 0),
    note: cart.note || null,
    attributes: cart.attributes,
    attribute: attributeByKey(cart.attributes),
    // No taxes, duties, shipping or discounts in the fake: the total is the subtotal.
    cost: {
      subtotalAmount: moneyV2(subtotal, currency),
      totalAmount: moneyV2(subtotal, currency),
      checkoutChargeAmount: moneyV2(subtotal, currency),
      subtotalAmountEstimated: false,
      totalAmountEstimated: false,
    },
    lines: (args: ConnectionArgs) => connection(cart.lines, args, (line) => line.id, (line) => lineView(line, context)),
    buyerIdentity: { ...cart.buyerIdentity, customer: null, purchasingCompany: null, preferences: null },
    discountCodes: [],
    discountAllocations: [],
    appliedGiftCards: [],
    ...noMetafields,
  };
}

export function payloadView(result: CartMutationResult, context: ResolveContext): View {
  return {
    cart: result.cart ? cartView(result.cart, context) : null,
    userErrors: result.userErrors,
    warnings: result.warnings,
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
