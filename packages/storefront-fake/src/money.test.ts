import { describe, expect, it } from 'vitest';
import { formatDecimal, parseCents } from './money.js';

describe('money', () => {
  it('parses decimal strings into exact cents', () => {
    expect(['19.99', '5', '189.0', '0.5', '1.2300', '-3.10'].map(parseCents)).toEqual([1999, 500, 18900, 50, 123, -310]);
    expect(() => parseCents('1.005')).toThrow(/fractions of a cent/);
    expect(() => parseCents('1,00')).toThrow(/not a decimal/);
  });

  it('formats cents as the Storefront API writes a Decimal', () => {
    expect([5997, 18900, 1050, 5, 0, -310].map(formatDecimal)).toEqual(['59.97', '189.0', '10.5', '0.05', '0.0', '-3.1']);
    expect(formatDecimal(3 * parseCents('19.99'))).toBe('59.97');
  });
});
