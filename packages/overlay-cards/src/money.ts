import type { Money } from '@live-shop/protocol';

// Building a NumberFormat is far slower than using one; a show re-renders the same few
// currencies over and over.
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string | undefined, currency: string): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    } catch {
      // A malformed `locale` attribute must not hide the price: use the browser's locale.
      format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    }
    formats.set(key, format);
  }
  return format;
}

/**
 * Formats money for a locale. The amount stays a decimal string all the way (Intl
 * formats decimal strings exactly), so "19.99" never becomes 19.989999….
 */
export function formatMoney(money: Money, locale?: string): string {
  return numberFormat(locale || undefined, money.currencyCode).format(money.amount as Intl.StringNumericLiteral);
}

/** True when `compareAt` is a higher price in the same currency, i.e. worth striking through. */
export function isHigherPrice(compareAt: Money | null | undefined, price: Money): compareAt is Money {
  return !!compareAt && compareAt.currencyCode === price.currencyCode && Number(compareAt.amount) > Number(price.amount);
}
