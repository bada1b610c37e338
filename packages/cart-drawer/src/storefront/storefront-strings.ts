/**
 * What the Storefront adapter tells the viewer: its `CommerceError` messages and its cart
 * warnings. Shopify's own messages are in English and name things the viewer never saw
 * (gids, field paths), so the adapter writes its own from the warning's code and the
 * quantity the store set. Pass a partial object as the adapter's `strings` to translate or
 * reword; anything left out keeps its English default. `{title}` is replaced by the product
 * title (or `item` when the adapter does not know it), `{quantity}` and `{minimum}` by numbers.
 */
export interface StorefrontStrings {
  /** The store had less stock than asked for and lowered the line's quantity. */
  notEnoughStock: string;
  /** A sold-out item was not added. */
  soldOutNotAdded: string;
  /** A line's item sold out, so the store took the line out of the cart. */
  soldOutRemoved: string;
  /** `{title}` when the product's title is not known. */
  item: string;
  /** Throttled, 5xx or unreachable after every retry. */
  unavailable: string;
  /** The store refused the request for a reason the viewer cannot fix (a user error). */
  refused: string;
  /** The store refused the shop's access token, or does not know the API version. */
  misconfigured: string;
  merchandiseNotFound: string;
  lineNotFound: string;
  /** The cart was gone when the viewer changed a line (carts expire after days unused). */
  cartExpired: string;
  invalidQuantity: string;
  emptyCart: string;
}

export const defaultStorefrontStrings: Readonly<StorefrontStrings> = Object.freeze({
  notEnoughStock: 'Only {quantity} left, so the quantity is now {quantity}.',
  soldOutNotAdded: '{title} is sold out, so it was not added.',
  soldOutRemoved: '{title} is sold out, so it was removed from your cart.',
  item: 'This item',
  unavailable: 'The store is not answering right now; your cart is safe. Try again in a moment.',
  refused: "The store couldn't make this change; refresh the page, then try again.",
  misconfigured: "This shop's cart is not set up correctly yet; please tell the shop.",
  merchandiseNotFound: 'This product is no longer on sale here; refresh the page to see what is.',
  lineNotFound: 'That item is no longer in your cart (it was changed elsewhere); the cart now shows what is in it.',
  cartExpired: 'Your cart had expired, so it is empty now; add the items again.',
  invalidQuantity: 'The quantity must be a whole number of at least {minimum}; enter another quantity.',
  emptyCart: 'Your cart is empty; add something before checking out.',
});

export function withStorefrontDefaults(strings: Partial<StorefrontStrings> | undefined): StorefrontStrings {
  return strings ? { ...defaultStorefrontStrings, ...strings } : defaultStorefrontStrings;
}

/** Replaces each `{name}` in `template` with `values[name]`; unknown names stay as written. */
export function fillIn(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}
