import { expect, test } from 'vitest';
import { localeProblems } from '../../../overlay-cards/src/locales/test-locale-check.js';
import { ERROR_MESSAGES } from '../errors.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { LOCALE_LANGUAGES, loadLocale } from './index.js';

test.each([
  ['fr', fr],
  ['es', es],
  ['ar', ar],
])('the %s player locale translates every English string, with the same placeholders', (language, locale) => {
  expect(localeProblems(en, locale, language)).toEqual([]);
});

test('the English player locale has every error message and only the player’s own text', () => {
  expect(Object.keys(en.player.errors).sort()).toEqual(Object.keys(ERROR_MESSAGES).sort());
  expect(en.player).toMatchObject({ connecting: 'Connecting…', cartButton: { one: 'Cart, {count} item' } });
  expect(en.player).not.toHaveProperty('cards');
  expect(en.player).not.toHaveProperty('cart');
});

test('loadLocale picks the language by its subtag, in any case', async () => {
  expect(await loadLocale('fr')).toBe(fr);
  expect(await loadLocale('fr-CA')).toBe(fr);
  expect(await loadLocale('es-MX')).toBe(es);
  expect(await loadLocale('es_419')).toBe(es);
  expect(await loadLocale('ar-EG')).toBe(ar);
  expect(await loadLocale('AR')).toBe(ar);
  expect(await loadLocale(' fr-FR ')).toBe(fr);
  expect(LOCALE_LANGUAGES).toEqual(['fr', 'es', 'ar']);
});

test('loadLocale gives undefined for English, a language that does not ship, and no language', async () => {
  for (const tag of ['en', 'en-US', 'de-DE', 'frr', 'fra', '', '-fr', 'x-fr']) expect(await loadLocale(tag)).toBeUndefined();
});
