import { expect, test } from 'vitest';
import { defaultShelfStrings } from '../shelf/shelf-strings.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { localeProblems } from './test-locale-check.js';

test.each([
  ['fr', fr],
  ['es', es],
  ['ar', ar],
])('the %s overlay locale translates every English string, with the same placeholders', (language, locale) => {
  expect(localeProblems(en, locale, language)).toEqual([]);
});

test('the shelf and the moments bar parts hold every shelf string between them', () => {
  expect(Object.keys({ ...en.shelf, ...en.momentsBar }).sort()).toEqual(Object.keys(defaultShelfStrings).sort());
});

test('the check finds a missing key, an unknown key, a lost placeholder and a missing plural form', () => {
  const { status: _status, ...withoutStatus } = fr;
  const broken = {
    ...withoutStatus,
    cards: { ...fr.cards, nowShowing: 'À l’écran', typo: 'x' },
    chat: { ...fr.chat, newMessages: { one: '{count} nouveau message', other: '{count} nouveaux messages' } },
    poll: { ...fr.poll, votes: '{count} votes' },
  };
  expect(localeProblems(en, broken, 'fr')).toEqual([
    'cards.typo: not an English key',
    'cards.nowShowing: has no placeholders, English has {title}',
    'chat.newMessages: missing the plural forms many',
    'poll.votes: give one form per plural category of "fr", not one string',
    'status: missing',
  ]);
  // Arabic may say 0, 1 and 2 in words, but not 3.
  const votes = { zero: 'لا أصوات', one: 'صوت واحد', two: 'صوتان', few: 'ثلاثة أصوات', many: '{count} صوتًا', other: '{count} صوت' };
  expect(localeProblems(en.poll.votes, votes, 'ar', 'votes')).toEqual(['votes.few: has no placeholders, English has {count}']);
});
