import { fill } from '../strings.js';

/** A text with `{count}` in it, or one per plural category (`{one: '{count} vote', other: '{count} votes'}`). */
export type CountText = string | ({ other: string } & Partial<Record<Intl.LDMLPluralRule, string>>);

// Building an Intl format is far slower than using one, and counts change several times a
// second during a show: one format per locale and style.
const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function cached<T>(formats: Map<string, T>, key: string, locale: string | undefined, create: (locale: string | undefined) => T): T {
  const cacheKey = `${locale ?? ''}|${key}`;
  let format = formats.get(cacheKey);
  if (!format) {
    try {
      format = create(locale || undefined);
    } catch {
      // A malformed `locale` must not hide the numbers: use the browser's locale.
      format = create(undefined);
    }
    formats.set(cacheKey, format);
  }
  return format;
}

const numberOptions = {
  exact: {},
  compact: { notation: 'compact', maximumFractionDigits: 1 },
  percent: { style: 'percent', maximumFractionDigits: 0 },
} satisfies Record<string, Intl.NumberFormatOptions>;

/**
 * A number as the locale writes it: `exact` ("1,234"), `compact` ("1.2K", "1,2 k",
 * "1234" → "1.2K") or `percent` (a fraction: 0.6 → "60%", "60 %").
 */
export function formatNumber(value: number, locale: string | undefined, style: keyof typeof numberOptions = 'exact'): string {
  return cached(numberFormats, style, locale, (tag) => new Intl.NumberFormat(tag, numberOptions[style])).format(value);
}

/**
 * Fills a {@link CountText} for `count`: the plural category of the locale picks the form
 * (`other` when that one is missing), and `{count}` becomes `shown` (the count as
 * formatted for display). Other placeholders come from `values`.
 */
export function fillCount(text: CountText, count: number, shown: string, locale: string | undefined, values: Readonly<Record<string, string>> = {}): string {
  const template =
    typeof text === 'string' ? text : (text[cached(pluralRules, 'cardinal', locale, (tag) => new Intl.PluralRules(tag)).select(count)] ?? text.other);
  return fill(template, { ...values, count: shown });
}
