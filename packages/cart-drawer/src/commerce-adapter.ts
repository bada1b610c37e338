import type { Image, Money, Product } from '@live-shop/protocol';

/**
 * The shapes below follow Shopify's Storefront API cart (`Cart`, `CartLine`,
 * `CartLineInput`, `CartLineUpdateInput`, `CartWarning`) closely enough that a Storefront
 * adapter maps them field by field: https://shopify.dev/docs/api/storefront/latest/objects/Cart
 */

/** A key/value note on a cart line (Shopify's `AttributeInput`), e.g. the moment that sold it. */
export interface CartAttribute {
  key: string;
  value: string;
}

/** What to add: Shopify's `CartLineInput`. */
export interface CartLineInput {
  /** The variant to buy (Shopify: the ProductVariant gid). */
  merchandiseId: string;
  /** A whole number, at least 1. */
  quantity: number;
  attributes?: CartAttribute[];
}

/** A new quantity for a line: Shopify's `CartLineUpdateInput`. Quantity 0 removes the line. */
export interface CartLineUpdate {
  id: string;
  quantity: number;
}

/**
 * Something the store changed on its own while applying a request, e.g. less stock than
 * asked for (Shopify's `CartWarning`; `lineId` is its `target`). Warnings describe the
 * most recent change only.
 */
export interface CartWarning {
  /** The line it is about; none when it is about the cart (e.g. an item that was not added). */
  lineId?: string;
  /** A stable code, e.g. `MERCHANDISE_NOT_ENOUGH_STOCK` (see `CART_WARNINGS`). */
  code: string;
  /** For the viewer: what happened, in one sentence. */
  message: string;
}

export interface CartLine {
  id: string;
  merchandiseId: string;
  productId: string;
  /** The product title. */
  title: string;
  /** The variant's title, e.g. "M / Blue"; empty for a product without options. */
  variantTitle: string;
  /** The variant's options, e.g. Size M and Colour Blue, when the adapter knows them. */
  selectedOptions?: { name: string; value: string }[];
  image?: Image;
  quantity: number;
  /** The price of one. */
  price: Money;
  /** `price` × `quantity`, after any line discount. */
  lineTotal: Money;
  attributes: CartAttribute[];
}

export interface Cart {
  /** The store's cart id; empty while the store has not created the cart yet. */
  id: string;
  lines: CartLine[];
  /** The sum of the lines' quantities. */
  totalQuantity: number;
  /** The sum of the line totals, before taxes, shipping and cart discounts. */
  subtotal: Money;
  /** What the viewer pays, as far as the store knows before checkout. */
  total: Money;
  /** Where checkout happens, when the store gives one with the cart. */
  checkoutUrl?: string;
  warnings: CartWarning[];
}

export type CartListener = (cart: Cart) => void;

/**
 * Where a cart lives: a Shopify store, the host site's own cart, or memory. Every method
 * that changes the cart resolves to the cart after the change. A failure rejects with a
 * `CommerceError` whose message can be shown to the viewer as it is.
 */
export interface CommerceAdapter {
  /** The current cart (an empty one when there is none yet). */
  getCart(): Promise<Cart>;
  /** Adds lines; a second add of the same merchandise (and attributes) adds to its line. */
  addLines(lines: readonly CartLineInput[]): Promise<Cart>;
  /** Sets the quantities of lines; quantity 0 removes the line. */
  updateLines(lines: readonly CartLineUpdate[]): Promise<Cart>;
  removeLines(lineIds: readonly string[]): Promise<Cart>;
  /** Where to send the viewer to pay for this cart. The caller opens https: URLs only. */
  checkout(): Promise<{ url: string }>;
  /**
   * Calls `listener` with the new cart whenever it changes, including changes made
   * elsewhere (another tab, the host page's own cart). Returns the unsubscribe function.
   */
  subscribe(listener: CartListener): () => void;
  /**
   * The show's products with what the store says now (price, compare-at price, variants,
   * availability, stock) merged in; products it does not know come back as given. Only
   * adapters of a store have it (the Shopify one).
   */
  hydrateProducts?(products: readonly Product[]): Promise<Product[]>;
}
