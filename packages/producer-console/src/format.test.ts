import { expect, test } from 'vitest';
import { formatCountdown, formatLatency, parseAmount, parseCount } from './format.js';

test('parses prices as decimal strings, never floats', () => {
  expect(parseAmount('149')).toBe('149');
  expect(parseAmount(' 149,50 ')).toBe('149.50');
  expect(parseAmount('0.1')).toBe('0.1');
  for (const bad of ['', '-5', '1e3', '12.34567', 'abc', '1.2.3']) expect(parseAmount(bad)).toBeUndefined();
});

test('parses counts', () => {
  expect(parseCount('0')).toBe(0);
  expect(parseCount(' 25 ')).toBe(25);
  for (const bad of ['', '-1', '2.5', 'x']) expect(parseCount(bad)).toBeUndefined();
});

test('formats countdowns and latency', () => {
  expect(formatCountdown(125_000)).toBe('2:05');
  expect(formatCountdown(124_001)).toBe('2:05');
  expect(formatCountdown(3_725_000)).toBe('1:02:05');
  expect(formatCountdown(-5)).toBe('0:00');
  expect(formatLatency(6_240)).toBe('6.2 s');
});
