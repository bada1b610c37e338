import * as v from 'valibot';

/** A non-empty id such as a product, variant, offer or poll id. */
export const Id = v.pipe(
  v.string('must be a string id'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(200, 'must be at most 200 characters'),
);

/** Plain text shown to viewers; rendered as text, never as markup. */
export const text = (max: number) =>
  v.pipe(v.string('must be text'), v.maxLength(max, `must be at most ${max} characters`));

export const nonEmptyText = (max: number) => v.pipe(text(max), v.minLength(1, 'must not be empty'));

/** Epoch milliseconds (a program date time or a wall-clock time). */
export const EpochMs = v.pipe(
  v.number('must be a number of epoch milliseconds'),
  v.integer('must be a whole number of epoch milliseconds'),
  v.minValue(0, 'must not be negative'),
);

export const Count = v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(0, 'must not be negative'));

/**
 * An absolute http(s) URL. Any other scheme (javascript:, data:, file:…) is refused at
 * the edge so that no viewer ever follows one.
 */
export const HttpUrl = v.pipe(
  v.string('must be a URL string'),
  v.maxLength(2048, 'must be at most 2048 characters'),
  v.check(isHttpUrl, 'must be an absolute http:// or https:// URL'),
);

// The WHATWG URL parser exists in every runtime we support; the protocol package is built
// without DOM or Node typings so that it cannot depend on either.
const WhatwgUrl = (globalThis as unknown as { URL: new (input: string) => { protocol: string } }).URL;

export function isHttpUrl(value: string): boolean {
  try {
    const url = new WhatwgUrl(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** An absolute https: URL: the only kind a viewer is sent to for paying. */
export function isHttpsUrl(value: string): boolean {
  try {
    return new WhatwgUrl(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Money as the Shopify Storefront API gives it: a decimal string and an ISO 4217 code. */
export const Money = v.object({
  amount: v.pipe(
    v.string('must be a decimal string like "19.99"'),
    v.regex(/^-?\d{1,12}(\.\d{1,4})?$/, 'must be a decimal string like "19.99"'),
  ),
  currencyCode: v.pipe(v.string('must be a currency code like "USD"'), v.regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code like "USD"')),
});
export type Money = v.InferOutput<typeof Money>;
