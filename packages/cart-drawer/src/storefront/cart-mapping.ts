import type { Image, Money } from '@live-shop/protocol';
import type { Cart, CartAttribute, CartLine, CartWarning } from '../commerce-adapter.js';
import { CommerceError } from '../commerce-error.js';
import { CART_WARNINGS } from '../constants.js';
import { sumMoney, zeroMoney } from '../money.js';
import type { ShopifyAttribute, ShopifyCart, ShopifyCartLine, ShopifyCartUserError, ShopifyCartWarning, ShopifyImage, ShopifyMoney } from './shopify-types.js';
import { fillIn, type StorefrontStrings } from './storefront-strings.js';

/** Shopify's title for the one variant of a product without options. */
const DEFAULT_VARIANT_TITLE = 'Default Title';

/** The amount written with its currency's digits ("20.0" → "20.00"), as the in-memory cart writes it. */
export function toMoney(money: ShopifyMoney): Money {
  return sumMoney([{ amount: money.amount, currencyCode: money.currencyCode }], money.currencyCode);
}

export function toImage(image: ShopifyImage): Image {
  return {
    url: image.url,
    ...(image.altText ? { altText: image.altText } : {}),
    ...(image.width != null ? { width: image.width } : {}),
    ...(image.height != null ? { height: image.height } : {}),
  };
}

export function toAttributes(attributes: readonly ShopifyAttribute[]): CartAttribute[] {
  return attributes.map(({ key, value }) => ({ key, value: value ?? '' }));
}

function toLine(line: ShopifyCartLine): CartLine {
  const merchandise = line.merchandise;
  const variantTitle = merchandise.title && merchandise.title !== DEFAULT_VARIANT_TITLE ? merchandise.title : '';
  return {
    id: line.id,
    merchandiseId: merchandise.id ?? '',
    productId: merchandise.product?.id ?? '',
    title: merchandise.product?.title ?? merchandise.title ?? '',
    variantTitle,
    ...(merchandise.selectedOptions ? { selectedOptions: merchandise.selectedOptions.map(({ name, value }) => ({ name, value })) } : {}),
    ...(merchandise.image ? { image: toImage(merchandise.image) } : {}),
    quantity: line.quantity,
    price: toMoney(line.cost.amountPerQuantity),
    lineTotal: toMoney(line.cost.totalAmount),
    attributes: toAttributes(line.attributes),
  };
}

/** The cart before the store has made one: nothing in it, zero in `currencyCode`. */
export function emptyCart(currencyCode: string): Cart {
  return { id: '', lines: [], totalQuantity: 0, subtotal: zeroMoney(currencyCode), total: zeroMoney(currencyCode), warnings: [] };
}

/**
 * Shopify's cart as the adapter's `Cart`, field by field. `warnings` are the mutation's;
 * `previous` is the cart before it, where a line the store took out can still be found
 * (to name its product in the warning).
 */
export function toCart(cart: ShopifyCart, warnings: readonly ShopifyCartWarning[], strings: StorefrontStrings, previous?: Cart): Cart {
  const lines = cart.lines.nodes.map(toLine);
  return {
    id: cart.id,
    lines,
    totalQuantity: cart.totalQuantity,
    subtotal: toMoney(cart.cost.subtotalAmount),
    total: toMoney(cart.cost.totalAmount),
    checkoutUrl: cart.checkoutUrl,
    warnings: warnings.map((warning) => toWarning(warning, lines, strings, previous?.lines ?? [])),
  };
}

/**
 * A warning in the viewer's words. Shopify's `target` is the line it is about, or the
 * merchandise when no line holds it (an item that was not added); `lineId` is set only
 * when that line is still in the cart, so the drawer shows the warning beside it.
 */
export function toWarning(warning: ShopifyCartWarning, lines: readonly CartLine[], strings: StorefrontStrings, previousLines: readonly CartLine[] = []): CartWarning {
  const line = lines.find((candidate) => candidate.id === warning.target);
  const known = line ?? previousLines.find((candidate) => candidate.id === warning.target || candidate.merchandiseId === warning.target);
  const title = known?.title || strings.item;
  const lineId = line ? { lineId: line.id } : {};
  switch (warning.code) {
    case CART_WARNINGS.notEnoughStock:
      if (line) return { ...lineId, code: warning.code, message: fillIn(strings.notEnoughStock, { quantity: line.quantity, title }) };
      break;
    case CART_WARNINGS.outOfStock: {
      // A line id that is no longer in the cart: the store took the line out; else it was never added.
      const removed = !line && (previousLines.some((candidate) => candidate.id === warning.target) || warning.target.startsWith('gid://shopify/CartLine/'));
      return { ...lineId, code: warning.code, message: fillIn(removed ? strings.soldOutRemoved : strings.soldOutNotAdded, { title }) };
    }
  }
  // Other codes (discounts, delivery) are rare in a live show's cart: Shopify's own sentence.
  return { ...lineId, code: warning.code, message: warning.message };
}

/**
 * A mutation's user errors as one `CommerceError` with a message for the viewer; Shopify's
 * own errors are kept as `cause` for the developer. The code says which part was refused
 * where that is clear from the field (as the in-memory cart's codes), else `invalid_request`.
 */
export function userErrorsToError(userErrors: readonly ShopifyCartUserError[], strings: StorefrontStrings): CommerceError {
  const fields = userErrors.map((error) => error.field ?? []);
  const has = (name: string) => fields.some((field) => field.includes(name));
  const cause = { userErrors };
  if (has('merchandiseId')) return new CommerceError('merchandise_not_found', strings.merchandiseNotFound, { cause });
  if (has('lineIds') || fields.some((field) => field[0] === 'lines' && field.at(-1) === 'id')) {
    return new CommerceError('line_not_found', strings.lineNotFound, { cause });
  }
  if (has('quantity')) return new CommerceError('invalid_quantity', strings.invalidQuantity, { cause });
  return new CommerceError('invalid_request', strings.refused, { cause });
}

/** Whether the store answered that the cart itself does not exist (any more). */
export function isCartGone(payload: { cart: ShopifyCart | null; userErrors: readonly ShopifyCartUserError[] }): boolean {
  return payload.cart === null && payload.userErrors.some((error) => error.field?.[0] === 'cartId');
}
