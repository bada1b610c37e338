import type { Money } from '@live-shop/protocol';
import { CommerceError } from './commerce-error.js';

/**
 * Cart arithmetic on Money decimal strings, exact: an amount is parsed into an integer
 * count of its smallest written unit (a bigint, since 12 integer digits and 4 decimals
 * overflow a double's integers) and a scale, so 0.1 + 0.2 is 0.30, never 0.30000000000000004.
 */
interface Decimal {
  /** The amount × 10^scale. */
  units: bigint;
  /** How many decimal places `units` has. */
  scale: number;
}

const AMOUNT = /^(-?)(\d+)(?:\.(\d+))?$/;

function parseAmount(amount: string): Decimal {
  const match = AMOUNT.exec(amount);
  if (!match) {
    throw new CommerceError('invalid_money', `The price "${amount}" is not a number, so the cart total can't be worked out; please tell the shop.`);
  }
  const [, sign = '', whole = '0', fraction = ''] = match;
  const units = BigInt(whole + fraction);
  return { units: sign === '-' ? -units : units, scale: fraction.length };
}

function rescale(decimal: Decimal, scale: number): bigint {
  return decimal.units * 10n ** BigInt(scale - decimal.scale);
}

const digitsByCurrency = new Map<string, number>();

/** The currency's minor-unit digits per ISO 4217 as Intl knows them: USD 2, JPY 0, KWD 3. */
export function currencyDigits(currencyCode: string): number {
  let digits = digitsByCurrency.get(currencyCode);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency: currencyCode }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2; // not a currency Intl knows: the most common case
    }
    digitsByCurrency.set(currencyCode, digits);
  }
  return digits;
}

/**
 * Writes `units` / 10^scale with the currency's digits ("10.00", "1500", "1.375"). Digits
 * beyond the currency's are kept when they are not zero: a total is never rounded here.
 */
function toAmount(units: bigint, scale: number, currencyCode: string): string {
  const digits = currencyDigits(currencyCode);
  let value = units;
  let places = scale;
  // Drop trailing zeros down to the currency's digits, then pad up to them.
  while (places > digits && value % 10n === 0n) {
    value /= 10n;
    places -= 1;
  }
  if (places < digits) {
    value *= 10n ** BigInt(digits - places);
    places = digits;
  }
  const negative = value < 0n;
  const text = (negative ? -value : value).toString().padStart(places + 1, '0');
  const whole = text.slice(0, text.length - places);
  const fraction = text.slice(text.length - places);
  return `${negative ? '-' : ''}${whole}${places > 0 ? `.${fraction}` : ''}`;
}

/** Zero in a currency, written with its digits ("0.00", "0", "0.000"). */
export function zeroMoney(currencyCode: string): Money {
  return { amount: toAmount(0n, 0, currencyCode), currencyCode };
}

/** The sum of amounts in one currency; an empty list sums to zero in `currencyCode`. */
export function sumMoney(amounts: readonly Money[], currencyCode: string): Money {
  const decimals = amounts.map((money) => {
    if (money.currencyCode !== currencyCode) {
      throw new CommerceError(
        'currency_mismatch',
        `This item is priced in ${money.currencyCode} but the cart is in ${currencyCode}, so they can't be added up; check out first, then add it.`,
      );
    }
    return parseAmount(money.amount);
  });
  const scale = Math.max(0, ...decimals.map((decimal) => decimal.scale));
  const units = decimals.reduce((sum, decimal) => sum + rescale(decimal, scale), 0n);
  return { amount: toAmount(units, scale, currencyCode), currencyCode };
}

export function addMoney(a: Money, b: Money): Money {
  return sumMoney([a, b], a.currencyCode);
}

/** `money` × a whole `quantity`. */
export function multiplyMoney(money: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity)) {
    throw new CommerceError('invalid_quantity', `The quantity ${quantity} is not a whole number; enter a whole number.`);
  }
  const decimal = parseAmount(money.amount);
  return { amount: toAmount(decimal.units * BigInt(quantity), decimal.scale, money.currencyCode), currencyCode: money.currencyCode };
}
