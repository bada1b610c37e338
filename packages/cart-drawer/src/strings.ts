/**
 * Every piece of text the cart shows. Set a partial object on the element's `strings`
 * property to translate or reword; anything left out keeps its English default. `{title}`
 * is replaced by the product title, `{price}` by a formatted price.
 *
 * Messages from the store (warnings, errors) come from the adapter and are shown as given.
 */
export interface CartStrings {
  /** The dialog's heading and accessible name. */
  title: string;
  close: string;
  empty: string;
  loading: string;
  /** The accessible name of the progress bar shown while a change is being saved. */
  updating: string;
  subtotal: string;
  total: string;
  checkout: string;
  /** The remove button's visible text. */
  remove: string;
  /** The remove button's accessible name. */
  removeLine: string;
  quantity: string;
  decrease: string;
  increase: string;
  /** The unit price, shown when a line holds more than one. */
  each: string;
  retry: string;
  /** Shown when an adapter call fails with an error that is not a CommerceError. */
  error: string;
  /** Shown when the cart is changed before an adapter is set. */
  noAdapter: string;
}

export const defaultStrings: Readonly<CartStrings> = Object.freeze({
  title: 'Your cart',
  close: 'Close cart',
  empty: 'Your cart is empty.',
  loading: 'Loading your cart…',
  updating: 'Updating your cart',
  subtotal: 'Subtotal',
  total: 'Total',
  checkout: 'Checkout',
  remove: 'Remove',
  removeLine: 'Remove {title}',
  quantity: 'Quantity of {title}',
  decrease: 'Decrease quantity of {title}',
  increase: 'Increase quantity of {title}',
  each: '{price} each',
  retry: 'Try again',
  error: "Your cart couldn't be updated; check your connection, then try again.",
  noAdapter: "This cart can't be changed yet; refresh the page, then try again.",
});

export function withDefaults(strings: Partial<CartStrings> | undefined): CartStrings {
  return strings ? { ...defaultStrings, ...strings } : defaultStrings;
}
