/**
 * Exact decimal arithmetic on money amounts as Shopify writes them ("19.99", "1000"):
 * digits in a bigint and the number of them after the point, so that 3 × 19.99 − 5.00 is
 * 54.97 and never 54.969999999999999.
 */
export interface Decimal {
  /** The amount × 10^scale. */
  units: bigint;
  /** Digits after the point. */
  scale: number;
}

/** At most 15 digits before the point and 6 after: money, not arbitrary numbers. */
const DECIMAL_TEXT = /^(-?)(\d{1,15})(?:\.(\d{1,6}))?$/;

export const ZERO: Decimal = { units: 0n, scale: 0 };

/** The decimal a string such as "19.99" or "-5" holds, or undefined when it holds none. */
export function parseDecimal(text: unknown): Decimal | undefined {
  if (typeof text !== 'string') return undefined;
  const match = DECIMAL_TEXT.exec(text);
  if (!match) return undefined;
  const [, sign, whole, fraction = ''] = match;
  const units = BigInt(`${whole}${fraction}`);
  return { units: sign === '-' ? -units : units, scale: fraction.length };
}

function rescale(value: Decimal, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

export function addDecimals(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

export function subtractDecimals(a: Decimal, b: Decimal): Decimal {
  return addDecimals(a, { units: -b.units, scale: b.scale });
}

/** `value` × a whole number (a quantity). */
export function multiplyDecimal(value: Decimal, times: number): Decimal {
  return { units: value.units * BigInt(times), scale: value.scale };
}

/** The decimal as text with its scale's digits after the point: "54.97", "3000", "-0.50". */
export function formatDecimal(value: Decimal): string {
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, '0');
  const whole = digits.slice(0, digits.length - value.scale);
  const fraction = digits.slice(digits.length - value.scale);
  return `${negative ? '-' : ''}${whole}${value.scale > 0 ? `.${fraction}` : ''}`;
}
