/**
 * Money as exact integer cents: a cart total is a sum of products of prices and
 * quantities, and floating point would turn 3 × 19.99 into 59.970000000000006.
 */

/** Parses a decimal string like "19.99", "189.0" or "5" into cents; throws if it has fractions of a cent. */
export function parseCents(amount: string): number {
  const match = /^(-?)(\d{1,12})(?:\.(\d{1,4}))?$/.exec(amount);
  if (!match) throw new RangeError(`"${amount}" is not a decimal amount; write it like "19.99".`);
  const [, sign, whole, fraction = ''] = match as unknown as [string, string, string, string | undefined];
  if (/[1-9]/.test(fraction.slice(2))) {
    throw new RangeError(`"${amount}" has fractions of a cent; the storefront fake keeps money in whole cents.`);
  }
  const cents = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  return sign === '-' ? -cents : cents;
}

/**
 * Formats cents the way the Storefront API writes a `Decimal`: no trailing zeros but at
 * least one decimal place ("189.0", "10.5", "59.97"), as Ruby's BigDecimal prints it.
 * Clients must format money themselves (Intl.NumberFormat), never print it raw.
 */
export function formatDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new Error(`${cents} is not a whole number of cents.`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const fraction = String(abs % 100).padStart(2, '0').replace(/0$/, '');
  return `${sign}${whole}.${fraction || '0'}`;
}

/** A `MoneyV2` object. */
export interface MoneyV2 {
  amount: string;
  currencyCode: string;
}

export function moneyV2(cents: number, currencyCode: string): MoneyV2 {
  return { amount: formatDecimal(cents), currencyCode };
}
