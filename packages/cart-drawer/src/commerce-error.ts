/** What went wrong, as a stable code a program can test; the message is for the viewer. */
export type CommerceErrorCode =
  /** A link that is not https: was about to be followed; it was not. */
  | 'unsafe_link'
  /** The product has no payment link, or the cart has no way to check out. */
  | 'checkout_unavailable'
  /** Checkout was asked for with nothing in the cart. */
  | 'empty_cart'
  /** The merchandise (variant) is not in the catalog the adapter knows. */
  | 'merchandise_not_found'
  /** The cart line is not (or no longer) in the cart. */
  | 'line_not_found'
  /** A quantity that is not a whole number in range. */
  | 'invalid_quantity'
  /** A money amount that is not a decimal string. */
  | 'invalid_money'
  /** Money in two currencies was added together. */
  | 'currency_mismatch'
  /** The store refused the request (Shopify `userErrors`). */
  | 'invalid_request'
  /** The store is busy (throttled) or unreachable; trying again later may work. */
  | 'unavailable'
  /** The cart element has no adapter to send a change to. */
  | 'no_adapter';

export interface CommerceErrorOptions {
  /** True when trying the same call again may work (network, throttling, 5xx). */
  retryable?: boolean;
  cause?: unknown;
}

/**
 * An adapter call that failed. `message` is shown to the viewer as it is, so it says in
 * one sentence what happened and what to do; `code` is for programs.
 */
export class CommerceError extends Error {
  override readonly name = 'CommerceError';
  readonly code: CommerceErrorCode;
  readonly retryable: boolean;

  constructor(code: CommerceErrorCode, message: string, options: CommerceErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? false;
  }
}
