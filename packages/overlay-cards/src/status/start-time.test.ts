import { expect, test } from 'vitest';
import { formatStartTime, relativeStart } from './start-time.js';

const now = Date.UTC(2026, 10, 22, 9, 0, 0); // Sunday 22 November 2026, 09:00 UTC
const minute = 60_000;
const hour = 60 * minute;

test('the start time per locale and time zone', () => {
  const startsAt = Date.UTC(2026, 11, 3, 18, 30);
  expect(formatStartTime(startsAt, 'en-US', 'UTC').replace(/\s/g, ' ')).toBe('Thursday, December 3, 2026 at 6:30 PM');
  expect(formatStartTime(startsAt, 'de-DE', 'Europe/Berlin')).toBe('Donnerstag, 3. Dezember 2026 um 19:30');
  expect(formatStartTime(startsAt, 'fr-FR', 'UTC')).toBe('jeudi 3 décembre 2026 à 18:30');
  // A malformed locale or time zone still shows a time.
  expect(formatStartTime(startsAt, 'not a locale!', 'Mars/Olympus')).toMatch(/2026/);
});

test('how far away: calendar days from a day away, then hours, minutes, seconds', () => {
  expect(relativeStart(now, now + 3 * 24 * hour, 'en-US', 'UTC')).toBe('in 3 days');
  expect(relativeStart(now, now + 2 * hour, 'en-US', 'UTC')).toBe('in 2 hours');
  expect(relativeStart(now, now + 5 * minute, 'en-US', 'UTC')).toBe('in 5 minutes');
  expect(relativeStart(now, now + 30_500, 'en-US', 'UTC')).toBe('in 31 seconds');
  expect(relativeStart(now, now, 'en-US', 'UTC')).toBe('');
  expect(relativeStart(now, now - hour, 'en-US', 'UTC')).toBe('');
});

test('"tomorrow" is the next calendar day in the time zone, not 24 hours', () => {
  // 09:00 UTC Sunday to 10:00 UTC Monday.
  expect(relativeStart(now, now + 25 * hour, 'en-US', 'UTC')).toBe('tomorrow');
  // 09:00 UTC Sunday to 08:00 UTC Tuesday: under 48 hours, two calendar days.
  expect(relativeStart(now, now + 47 * hour, 'en-US', 'UTC')).toBe('in 2 days');
  // 15:00 UTC Monday is tomorrow in UTC, but in Auckland (UTC+13, now 22:00 Sunday there)
  // it is 04:00 Tuesday: two calendar days away.
  expect(relativeStart(now, now + 30 * hour, 'en-US', 'UTC')).toBe('tomorrow');
  expect(relativeStart(now, now + 30 * hour, 'en-US', 'Pacific/Auckland')).toBe('in 2 days');
});

test('translated by Intl', () => {
  expect(relativeStart(now, now + 3 * 24 * hour, 'de-DE', 'UTC')).toBe('in 3 Tagen');
  expect(relativeStart(now, now + 25 * hour, 'fr-FR', 'UTC')).toBe('demain');
  expect(relativeStart(now, now + 2 * hour, 'ar', 'UTC')).toMatch(/ساعت/);
});
