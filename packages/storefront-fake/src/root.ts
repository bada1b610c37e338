import { GraphQLError, type GraphQLFieldResolver } from 'graphql';
import type { CatalogProduct } from './catalog.js';
import type { Attribute, CartInput, CartLineInput, CartLineUpdateInput } from './carts.js';
import { connection, type ConnectionArgs } from './connection.js';
import { cartView, payloadView, productAvailable, productView, variantView, type ResolveContext } from './views.js';

/**
 * Resolves a field from the view objects of views.ts: a value is returned, a function is
 * called with the field's arguments. A field no view lists is refused by name, so that a
 * client never mistakes a field the fake lacks for an empty one on the real store.
 */
export const fieldResolver: GraphQLFieldResolver<unknown, ResolveContext> = (source, args, context, info) => {
  if (typeof source === 'object' && source !== null && Object.hasOwn(source, info.fieldName)) {
    const value = (source as Record<string, unknown>)[info.fieldName];
    return typeof value === 'function' ? (value as (args: unknown, context: ResolveContext) => unknown)(args, context) : value;
  }
  throw new GraphQLError(
    `The storefront fake does not implement ${info.parentType.name}.${info.fieldName}; leave it out of the query or add it to packages/storefront-fake.`,
    { extensions: { code: 'NOT_IMPLEMENTED' } },
  );
};

function nodeView(id: string, context: ResolveContext): unknown {
  const product = context.catalog.products.get(id);
  if (product) return productView(product, context);
  const variant = context.catalog.variants.get(id);
  if (variant) return variantView(variant, context);
  const cart = context.carts.get(id);
  return cart ? cartView(cart, context) : null;
}

/**
 * The subset of Shopify's product search syntax the fake understands: words (matched
 * against title, handle, vendor and description) and `title:`, `handle:`, `vendor:`,
 * `id:` and `available_for_sale:` terms, all of which must match.
 */
function matchesSearch(product: CatalogProduct, query: string, available: boolean): boolean {
  const terms = query.match(/(?:[^\s"]+:)?(?:"[^"]*"|[^\s"]+)/g) ?? [];
  return terms.every((term) => {
    const [, field, raw = ''] = /^(?:([a-z_]+):)?(.*)$/i.exec(term) ?? [];
    const value = raw.replace(/^"|"$/g, '').toLowerCase();
    const includes = (text: string) => text.toLowerCase().includes(value.replace(/\*$/, ''));
    switch (field?.toLowerCase()) {
      case 'title':
        return includes(product.title);
      case 'handle':
        return product.handle.toLowerCase() === value;
      case 'vendor':
        return includes(product.vendor);
      case 'id':
        return product.id.endsWith(`/${value}`) || product.id.toLowerCase() === value;
      case 'available_for_sale':
        return String(available) === value;
      case undefined:
        return [product.title, product.handle, product.vendor, product.description].some(includes);
      default:
        return true; // a filter the fake does not model narrows nothing
    }
  });
}

type ProductsArgs = ConnectionArgs & { query?: string | null; sortKey?: string | null };

/** The Query and Mutation root fields the fake implements; any other is refused by fieldResolver. */
export const rootValue = {
  shop: (_args: unknown, context: ResolveContext) => ({
    id: 'gid://shopify/Shop/1',
    name: context.storeName,
    description: null,
    moneyFormat: '${{amount}}',
    primaryDomain: { host: new URL(context.origin).host, url: context.origin, sslEnabled: context.origin.startsWith('https:') },
    brand: null,
  }),

  products: (args: ProductsArgs, context: ResolveContext) => {
    let products = [...context.catalog.products.values()];
    if (args.query) {
      const query = args.query;
      products = products.filter((product) => matchesSearch(product, query, productAvailable(product, context.catalog)));
    }
    const firstPrice = (product: CatalogProduct) => context.catalog.variants.get(product.variantIds[0] ?? '')?.priceCents ?? 0;
    const sorts: Record<string, (a: CatalogProduct, b: CatalogProduct) => number> = {
      TITLE: (a, b) => a.title.localeCompare(b.title),
      VENDOR: (a, b) => a.vendor.localeCompare(b.vendor),
      PRICE: (a, b) => firstPrice(a) - firstPrice(b),
      ID: (a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }),
    };
    const sort = args.sortKey ? sorts[args.sortKey] : undefined;
    if (sort) products.sort(sort);
    return { ...connection(products, args, (product) => product.id, (product) => productView(product, context)), filters: [] };
  },

  product: (args: { id?: string | null; handle?: string | null }, context: ResolveContext) => {
    const product =
      args.id != null
        ? context.catalog.products.get(args.id)
        : [...context.catalog.products.values()].find((candidate) => candidate.handle === args.handle);
    return product ? productView(product, context) : null;
  },

  node: (args: { id: string }, context: ResolveContext) => nodeView(args.id, context),
  nodes: (args: { ids: string[] }, context: ResolveContext) => args.ids.map((id) => nodeView(id, context)),

  cart: (args: { id: string }, context: ResolveContext) => {
    const cart = context.carts.get(args.id);
    return cart ? cartView(cart, context) : null;
  },

  cartCreate: (args: { input?: CartInput | null }, context: ResolveContext) => payloadView(context.carts.create(args.input), context),
  cartLinesAdd: (args: { cartId: string; lines: CartLineInput[] }, context: ResolveContext) =>
    payloadView(context.carts.addLines(args.cartId, args.lines), context),
  cartLinesUpdate: (args: { cartId: string; lines: CartLineUpdateInput[] }, context: ResolveContext) =>
    payloadView(context.carts.updateLines(args.cartId, args.lines), context),
  cartLinesRemove: (args: { cartId: string; lineIds: string[] }, context: ResolveContext) =>
    payloadView(context.carts.removeLines(args.cartId, args.lineIds), context),
  cartAttributesUpdate: (args: { cartId: string; attributes: Attribute[] }, context: ResolveContext) =>
    payloadView(context.carts.updateAttributes(args.cartId, args.attributes), context),
  cartNoteUpdate: (args: { cartId: string; note: string }, context: ResolveContext) => payloadView(context.carts.updateNote(args.cartId, args.note), context),
  cartBuyerIdentityUpdate: (args: { cartId: string; buyerIdentity: Record<string, unknown> }, context: ResolveContext) =>
    payloadView(context.carts.updateBuyerIdentity(args.cartId, args.buyerIdentity), context),
};
