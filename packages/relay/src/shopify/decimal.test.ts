import { describe, expect, it } from 'vitest';
import { addDecimals, formatDecimal, multiplyDecimal, parseDecimal, subtractDecimals, ZERO } from './decimal.js';

function decimal(text: string) {
  const value = parseDecimal(text);
  if (!value) throw new Error(`not a decimal: ${text}`);
  return value;
}

describe('exact decimals', () => {
  it('computes 3 × 19.99 − 5.00 as 54.97, and 3 × 0.10 as 0.30 where floats give 0.30000000000000004', () => {
    expect(formatDecimal(subtractDecimals(multiplyDecimal(decimal('19.99'), 3), decimal('5.00')))).toBe('54.97');
    expect(3 * 0.1).not.toBe(0.3);
    expect(formatDecimal(multiplyDecimal(decimal('0.10'), 3))).toBe('0.30');
  });

  it('keeps the finest scale of its inputs, and whole amounts whole', () => {
    expect(formatDecimal(addDecimals(decimal('0.1'), decimal('0.20')))).toBe('0.30');
    expect(formatDecimal(multiplyDecimal(decimal('1000'), 3))).toBe('3000');
    expect(formatDecimal(addDecimals(decimal('54.97'), decimal('20')))).toBe('74.97');
    expect(formatDecimal(subtractDecimals(decimal('0.05'), decimal('0.50')))).toBe('-0.45');
    expect(formatDecimal(ZERO)).toBe('0');
    expect(formatDecimal(decimal('0.00'))).toBe('0.00');
  });

  it('sums many cents without drift', () => {
    let sum = ZERO;
    for (let index = 0; index < 10_000; index++) sum = addDecimals(sum, decimal('0.01'));
    expect(formatDecimal(sum)).toBe('100.00');
  });

  it.each([['19.99'], ['-5'], ['0'], ['123456789012345.123456']])('reads %s', (text) => {
    expect(formatDecimal(decimal(text))).toBe(text);
  });

  it.each([[''], ['1e3'], ['19,99'], ['.5'], ['5.'], ['+5'], [' 5'], ['NaN'], ['1234567890123456'], ['0.1234567']])('refuses %j', (text) => {
    expect(parseDecimal(text)).toBeUndefined();
  });

  it('refuses what is not a string', () => {
    expect(parseDecimal(19.99)).toBeUndefined();
    expect(parseDecimal(null)).toBeUndefined();
  });
});
