import { expect, test } from 'vitest';
import { formatCountdown, secondsLeft } from './countdown.js';
import { msToNextSecond } from './server-clock.js';

test('secondsLeft rounds up and never goes below zero', () => {
  expect(secondsLeft(0, 300_000)).toBe(300);
  expect(secondsLeft(1, 300_000)).toBe(300);
  expect(secondsLeft(1000, 300_000)).toBe(299);
  expect(secondsLeft(299_999, 300_000)).toBe(1);
  expect(secondsLeft(300_000, 300_000)).toBe(0);
  expect(secondsLeft(400_000, 300_000)).toBe(0);
});

test('formatCountdown shows mm:ss, and h:mm:ss from an hour up', () => {
  expect(formatCountdown(299, 'en-US')).toBe('04:59');
  expect(formatCountdown(0, 'en-US')).toBe('00:00');
  expect(formatCountdown(59 * 60 + 59, 'en-US')).toBe('59:59');
  expect(formatCountdown(3600, 'en-US')).toBe('1:00:00');
  expect(formatCountdown(26 * 3600 + 61, 'en-US')).toBe('26:01:01');
  expect(formatCountdown(-5, 'en-US')).toBe('00:00');
});

test('formatCountdown uses the locale digits, and survives a malformed locale', () => {
  expect(formatCountdown(299, 'ar-EG')).toBe('٠٤:٥٩');
  expect(formatCountdown(299, 'not a locale!')).toHaveLength(5);
});

test('msToNextSecond wakes when the seconds left to the target change', () => {
  // 10.25 s before a target: the digits change 250 ms from now (10 s left).
  expect(msToNextSecond(1000, 11_250)).toBe(250);
  expect(msToNextSecond(1250, 11_250)).toBe(1000);
  // After the target, still on its phase (and never 0, so no timer spins).
  expect(msToNextSecond(11_900, 11_250)).toBe(350);
  // No target: the clock's own seconds.
  expect(msToNextSecond(1_700_000_000_123)).toBe(877);
});
