/**
 * Every GraphQL document the Storefront adapter sends, as constants, so a test can check
 * each one against Shopify's schema (the storefront fake refuses deprecated fields too).
 * Only fields that are not deprecated in the 2026-04 schema:
 * https://shopify.dev/docs/api/storefront/2026-04/objects/Cart
 */

const MONEY = 'amount currencyCode';
const IMAGE = 'url altText width height';

/** What the adapter reads of a cart; `updatedAt` lets other tabs notice a change. */
export const CART_FRAGMENT = `#graphql
fragment LiveShopCart on Cart {
  id
  checkoutUrl
  totalQuantity
  updatedAt
  attributes { key value }
  cost {
    subtotalAmount { ${MONEY} }
    totalAmount { ${MONEY} }
  }
  lines(first: 250) {
    nodes {
      id
      quantity
      attributes { key value }
      cost {
        amountPerQuantity { ${MONEY} }
        totalAmount { ${MONEY} }
      }
      merchandise {
        ... on ProductVariant {
          id
          title
          selectedOptions { name value }
          image { ${IMAGE} }
          product { id title }
        }
      }
    }
  }
}`;

const PAYLOAD = `cart { ...LiveShopCart }
    userErrors { code field message }
    warnings { code message target }`;

export const CART_QUERY = `#graphql
query LiveShopCart($id: ID!) {
  cart(id: $id) { ...LiveShopCart }
}
${CART_FRAGMENT}`;

export const CART_CREATE = `#graphql
mutation LiveShopCartCreate($input: CartInput!) {
  cartCreate(input: $input) {
    ${PAYLOAD}
  }
}
${CART_FRAGMENT}`;

export const CART_LINES_ADD = `#graphql
mutation LiveShopCartLinesAdd($cartId: ID!, $lines: [CartLineInput!]!) {
  cartLinesAdd(cartId: $cartId, lines: $lines) {
    ${PAYLOAD}
  }
}
${CART_FRAGMENT}`;

export const CART_LINES_UPDATE = `#graphql
mutation LiveShopCartLinesUpdate($cartId: ID!, $lines: [CartLineUpdateInput!]!) {
  cartLinesUpdate(cartId: $cartId, lines: $lines) {
    ${PAYLOAD}
  }
}
${CART_FRAGMENT}`;

export const CART_LINES_REMOVE = `#graphql
mutation LiveShopCartLinesRemove($cartId: ID!, $lineIds: [ID!]!) {
  cartLinesRemove(cartId: $cartId, lineIds: $lineIds) {
    ${PAYLOAD}
  }
}
${CART_FRAGMENT}`;

export const CART_ATTRIBUTES_UPDATE = `#graphql
mutation LiveShopCartAttributesUpdate($cartId: ID!, $attributes: [AttributeInput!]!) {
  cartAttributesUpdate(cartId: $cartId, attributes: $attributes) {
    ${PAYLOAD}
  }
}
${CART_FRAGMENT}`;

/** At most 250 ids per request (Shopify's limit for `nodes`). */
export const PRODUCTS_QUERY = `#graphql
query LiveShopProducts($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Product {
      id
      variants(first: 250) {
        nodes {
          id
          title
          availableForSale
          quantityAvailable
          price { ${MONEY} }
          compareAtPrice { ${MONEY} }
          selectedOptions { name value }
          image { ${IMAGE} }
        }
      }
    }
  }
}`;

/** Every document above, by name: what the schema test walks through. */
export const STOREFRONT_DOCUMENTS = {
  CART_QUERY,
  CART_CREATE,
  CART_LINES_ADD,
  CART_LINES_UPDATE,
  CART_LINES_REMOVE,
  CART_ATTRIBUTES_UPDATE,
  PRODUCTS_QUERY,
} as const;
