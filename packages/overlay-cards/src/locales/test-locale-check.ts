/**
 * Test support shared by the locale tests of overlay-cards, cart-drawer and player-element:
 * checks a translation against the English locale it translates.
 */

const PLURAL_CATEGORIES: ReadonlySet<string> = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

/**
 * Plural forms that stand for one number only (CLDR: Arabic zero is n = 0, one is n = 1,
 * two is n = 2), which may say the number in words instead of `{count}`, as "two new
 * messages" is one word in Arabic ("رسالتان").
 */
const SINGLE_NUMBER_FORMS: Readonly<Record<string, readonly string[]>> = { ar: ['zero', 'one', 'two'] };

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}

/** Forms by plural category (`{one, other}`), as a `CountText` or `cartButton` holds them. */
function isPlural(value: unknown): value is Readonly<Record<string, string>> {
  return isObject(value) && 'other' in value && Object.keys(value).every((key) => PLURAL_CATEGORIES.has(key));
}

function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
}

function textProblems(path: string, english: string | Readonly<Record<string, string>>, translated: unknown, language: string): string[] {
  const expected = placeholders(Object.values(typeof english === 'string' ? { other: english } : english).join(' '));
  let forms: [string, unknown][];
  if (typeof translated === 'string') {
    if (typeof english !== 'string') return [`${path}: give one form per plural category of "${language}", not one string`];
    forms = [['', translated]];
  } else if (isPlural(translated)) {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const missing = categories.filter((category) => !(category in translated));
    if (missing.length > 0) return [`${path}: missing the plural forms ${missing.join(', ')}`];
    forms = Object.entries(translated);
  } else {
    return [`${path}: expected a string or plural forms, got ${JSON.stringify(translated)}`];
  }
  const problems: string[] = [];
  for (const [category, text] of forms) {
    const at = category ? `${path}.${category}` : path;
    if (typeof text !== 'string' || text.trim() === '') {
      problems.push(`${at}: empty`);
      continue;
    }
    const found = placeholders(text);
    const saysNumberInWords = SINGLE_NUMBER_FORMS[language]?.includes(category) === true && !found.includes('{count}');
    const wanted = saysNumberInWords ? expected.filter((name) => name !== '{count}') : expected;
    if (found.join() !== wanted.join()) problems.push(`${at}: has ${found.join(' ') || 'no placeholders'}, English has ${expected.join(' ') || 'none'}`);
  }
  return problems;
}

/**
 * What keeps `translation` from standing in for `english`, one line per problem (none when
 * it is complete): a key missing or unknown to English, an empty string, a `{placeholder}`
 * set that differs from the English one, or a plural form the language needs left out.
 */
export function localeProblems(english: unknown, translation: unknown, language: string, path = ''): string[] {
  if (typeof english === 'string' || isPlural(english)) return textProblems(path, english, translation, language);
  if (!isObject(english)) throw new TypeError(`${path}: the English locale holds ${JSON.stringify(english)}`);
  if (!isObject(translation)) return [`${path}: expected an object, got ${JSON.stringify(translation)}`];
  const problems: string[] = [];
  for (const key of Object.keys(translation)) if (!(key in english)) problems.push(`${path}${path ? '.' : ''}${key}: not an English key`);
  for (const [key, value] of Object.entries(english)) {
    const at = `${path}${path ? '.' : ''}${key}`;
    problems.push(...(key in translation ? localeProblems(value, translation[key], language, at) : [`${at}: missing`]));
  }
  return problems;
}

