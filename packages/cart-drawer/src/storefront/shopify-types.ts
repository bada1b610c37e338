/**
 * The parts of Shopify's Storefront API responses the adapter selects (see queries.ts),
 * typed by hand: https://shopify.dev/docs/api/storefront/2026-04/objects/Cart
 */

export interface ShopifyMoney {
  /** A decimal string, e.g. "19.99" or "20.0". */
  amount: string;
  currencyCode: string;
}

export interface ShopifyImage {
  url: string;
  altText: string | null;
  width: number | null;
  height: number | null;
}

export interface ShopifyAttribute {
  key: string;
  value: string | null;
}

export interface ShopifySelectedOption {
  name: string;
  value: string;
}

export interface ShopifyCartLine {
  id: string;
  quantity: number;
  attributes: ShopifyAttribute[];
  cost: { amountPerQuantity: ShopifyMoney; totalAmount: ShopifyMoney };
  /** A ProductVariant; empty if Shopify ever sells another kind of merchandise. */
  merchandise: {
    id?: string;
    title?: string;
    selectedOptions?: ShopifySelectedOption[];
    image?: ShopifyImage | null;
    product?: { id: string; title: string };
  };
}

export interface ShopifyCart {
  id: string;
  checkoutUrl: string;
  totalQuantity: number;
  updatedAt: string;
  attributes: ShopifyAttribute[];
  cost: { subtotalAmount: ShopifyMoney; totalAmount: ShopifyMoney };
  lines: { nodes: ShopifyCartLine[] };
}

export interface ShopifyCartUserError {
  code: string | null;
  field: string[] | null;
  message: string;
}

export interface ShopifyCartWarning {
  code: string;
  message: string;
  /** The cart line, or the merchandise when no line holds it. */
  target: string;
}

/** What every cart mutation answers. */
export interface ShopifyCartPayload {
  cart: ShopifyCart | null;
  userErrors: ShopifyCartUserError[];
  warnings: ShopifyCartWarning[];
}

export interface ShopifyVariant {
  id: string;
  title: string;
  availableForSale: boolean;
  /** null when inventory is not tracked, or the token may not read it. */
  quantityAvailable: number | null;
  price: ShopifyMoney;
  compareAtPrice: ShopifyMoney | null;
  selectedOptions: ShopifySelectedOption[];
  image: ShopifyImage | null;
}

/** A `nodes(ids:)` entry: a product, null for an unknown id, or `{}` for another type of node. */
export interface ShopifyProductNode {
  id?: string;
  variants?: { nodes: ShopifyVariant[] };
}
