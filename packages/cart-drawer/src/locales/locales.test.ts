import { expect, test } from 'vitest';
// Shared test support (outside this package, so this package's test config has rootDir "..").
import { localeProblems } from '../../../overlay-cards/src/locales/test-locale-check.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';

test.each([
  ['fr', fr],
  ['es', es],
  ['ar', ar],
])('the %s cart locale translates every English string, with the same placeholders', (language, locale) => {
  expect(localeProblems(en, locale, language)).toEqual([]);
});
