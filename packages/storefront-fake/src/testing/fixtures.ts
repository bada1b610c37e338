import type { Product } from '@live-shop/protocol';
import { createStorefrontApiClient, type StorefrontApiClient } from '@shopify/storefront-api-client';
import type { StorefrontFake } from '../server.js';

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });

export const ids = {
  mugProduct: 'gid://shopify/Product/1001',
  mug: 'gid://shopify/ProductVariant/2001',
  socksProduct: 'gid://shopify/Product/1002',
  socks: 'gid://shopify/ProductVariant/2002',
  cap: 'gid://shopify/ProductVariant/2003',
  sticker: 'gid://shopify/ProductVariant/2004',
  jacketProduct: 'gid://shopify/Product/1005',
  jacketS: 'gid://shopify/ProductVariant/2005',
  jacketM: 'gid://shopify/ProductVariant/2006',
};

/** A small catalog with the cases the tests need: a 19.99 price, markup in a title, sold out, untracked stock, options. */
export const testProducts: Product[] = [
  {
    id: ids.mugProduct,
    handle: 'trail-mug',
    title: 'Trail Mug',
    description: 'An enamel mug.',
    vendor: 'Northwind',
    images: [{ url: '/products/trail-mug.svg', altText: 'A blue enamel mug', width: 600, height: 600 }],
    price: usd('19.99'),
    compareAtPrice: usd('24.99'),
    variants: [{ id: ids.mug, title: 'Default Title', availableForSale: true, quantityAvailable: 10, price: usd('19.99'), compareAtPrice: usd('24.99') }],
  },
  {
    id: ids.socksProduct,
    handle: 'script-socks',
    title: '<script>alert("socks")</script> Socks & Co',
    images: [],
    price: usd('5.00'),
    variants: [{ id: ids.socks, title: 'M', availableForSale: true, quantityAvailable: 3, selectedOptions: [{ name: 'Size', value: 'M' }] }],
  },
  {
    id: 'gid://shopify/Product/1003',
    handle: 'sold-out-cap',
    title: 'Sold Out Cap',
    images: [],
    price: usd('30.00'),
    variants: [{ id: ids.cap, title: 'Default Title', availableForSale: false, quantityAvailable: 0 }],
  },
  {
    id: 'gid://shopify/Product/1004',
    handle: 'sticker',
    title: 'Sticker',
    images: [],
    price: usd('1.50'),
    variants: [{ id: ids.sticker, title: 'Default Title', availableForSale: true }],
  },
  {
    id: ids.jacketProduct,
    handle: 'field-jacket',
    title: 'Field Jacket',
    vendor: 'Northwind',
    images: [{ url: '/products/field-jacket.svg', altText: 'An olive jacket' }],
    price: usd('189.00'),
    variants: [
      { id: ids.jacketS, title: 'S', availableForSale: true, quantityAvailable: 2, selectedOptions: [{ name: 'Size', value: 'S' }] },
      { id: ids.jacketM, title: 'M', availableForSale: true, quantityAvailable: 5, selectedOptions: [{ name: 'Size', value: 'M' }] },
    ],
  },
];

/**
 * The real Storefront API client, pointed at the fake: it forces https on `storeDomain`,
 * so its fetch sends `https://<storeDomain>/…` to the fake's origin instead.
 */
export function clientFor(fake: StorefrontFake, publicAccessToken = fake.publicAccessToken, retries = 0): StorefrontApiClient {
  return createStorefrontApiClient({
    storeDomain: fake.storeDomain,
    apiVersion: fake.apiVersion,
    publicAccessToken,
    retries,
    customFetchApi: (url, init) => fetch(url.replace(`https://${fake.storeDomain}`, fake.origin), init),
  });
}

/** The cart fields a real client (the cart drawer) asks for. */
export const CART_FIELDS = `#graphql
  fragment CartFields on Cart {
    id checkoutUrl totalQuantity createdAt updatedAt
    attributes { key value }
    cost { subtotalAmount { amount currencyCode } totalAmount { amount currencyCode } }
    lines(first: 100) {
      nodes {
        id quantity
        attributes { key value }
        cost { totalAmount { amount currencyCode } amountPerQuantity { amount currencyCode } compareAtAmountPerQuantity { amount currencyCode } }
        merchandise {
          ... on ProductVariant {
            id title availableForSale quantityAvailable
            price { amount currencyCode } compareAtPrice { amount currencyCode }
            selectedOptions { name value }
            image { url altText }
            product { id handle title featuredImage { url } }
          }
        }
      }
    }
  }
`;

const PAYLOAD = `cart { ...CartFields } userErrors { field message code } warnings { code message target }`;

export const CART_CREATE = `${CART_FIELDS}
  mutation CartCreate($input: CartInput!) { cartCreate(input: $input) { ${PAYLOAD} } }`;
export const CART_LINES_ADD = `${CART_FIELDS}
  mutation CartLinesAdd($cartId: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $cartId, lines: $lines) { ${PAYLOAD} } }`;
export const CART_LINES_UPDATE = `${CART_FIELDS}
  mutation CartLinesUpdate($cartId: ID!, $lines: [CartLineUpdateInput!]!) { cartLinesUpdate(cartId: $cartId, lines: $lines) { ${PAYLOAD} } }`;
export const CART_LINES_REMOVE = `${CART_FIELDS}
  mutation CartLinesRemove($cartId: ID!, $lineIds: [ID!]!) { cartLinesRemove(cartId: $cartId, lineIds: $lineIds) { ${PAYLOAD} } }`;
export const CART_ATTRIBUTES_UPDATE = `${CART_FIELDS}
  mutation CartAttributesUpdate($cartId: ID!, $attributes: [AttributeInput!]!) { cartAttributesUpdate(cartId: $cartId, attributes: $attributes) { ${PAYLOAD} } }`;
export const CART_QUERY = `${CART_FIELDS}
  query Cart($id: ID!) { cart(id: $id) { ...CartFields } }`;

/** The shapes the tests read back (the subset of CART_FIELDS they look at). */
export interface Money {
  amount: string;
  currencyCode: string;
}
export interface CartLine {
  id: string;
  quantity: number;
  attributes: { key: string; value: string }[];
  cost: { totalAmount: Money; amountPerQuantity: Money; compareAtAmountPerQuantity: Money | null };
  merchandise: { id: string; title: string; image: { url: string } | null; product: { title: string; featuredImage: { url: string } | null } };
}
export interface Cart {
  id: string;
  checkoutUrl: string;
  totalQuantity: number;
  attributes: { key: string; value: string }[];
  cost: { subtotalAmount: Money; totalAmount: Money };
  lines: { nodes: CartLine[] };
}
export interface CartPayload {
  cart: Cart | null;
  userErrors: { field: string[] | null; message: string; code: string }[];
  warnings: { code: string; message: string; target: string }[];
}
