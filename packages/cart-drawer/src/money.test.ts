import { describe, expect, test } from 'vitest';
import { CommerceError } from './commerce-error.js';
import { formatMoney } from '@live-shop/overlay-cards';
import { addMoney, currencyDigits, multiplyMoney, sumMoney, zeroMoney } from './money.js';

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });

describe('exact arithmetic on decimal strings', () => {
  test('0.1 + 0.2 is 0.30, not 0.30000000000000004', () => {
    expect(addMoney(usd('0.1'), usd('0.2'))).toEqual(usd('0.30'));
    expect(sumMoney([usd('0.10'), usd('0.20'), usd('0.70')], 'USD')).toEqual(usd('1.00'));
  });

  test('sums that drift in floating point stay exact', () => {
    // Added up in doubles, a hundred 19.99s make 1999.0000000000007; the cart must show the exact cents.
    const amounts = Array.from({ length: 100 }, () => usd('19.99'));
    expect(sumMoney(amounts, 'USD')).toEqual(usd('1999.00'));
    expect(multiplyMoney(usd('19.99'), 3)).toEqual(usd('59.97'));
    expect(multiplyMoney(usd('1.005'), 3)).toEqual(usd('3.015')); // more digits than cents are kept, not rounded
  });

  test('amounts beyond a double’s integers stay exact', () => {
    expect(sumMoney([usd('999999999999.99'), usd('0.01')], 'USD')).toEqual(usd('1000000000000.00'));
    expect(multiplyMoney(usd('999999999999.9999'), 1000)).toEqual(usd('999999999999999.90'));
  });

  test('JPY has no minor unit', () => {
    expect(currencyDigits('JPY')).toBe(0);
    // Shopify writes yen as "1500.0".
    expect(multiplyMoney({ amount: '1500.0', currencyCode: 'JPY' }, 3)).toEqual({ amount: '4500', currencyCode: 'JPY' });
    expect(zeroMoney('JPY')).toEqual({ amount: '0', currencyCode: 'JPY' });
  });

  test('KWD has three decimals', () => {
    expect(currencyDigits('KWD')).toBe(3);
    expect(addMoney({ amount: '1.25', currencyCode: 'KWD' }, { amount: '0.125', currencyCode: 'KWD' })).toEqual({ amount: '1.375', currencyCode: 'KWD' });
    expect(multiplyMoney({ amount: '0.1', currencyCode: 'KWD' }, 3)).toEqual({ amount: '0.300', currencyCode: 'KWD' });
  });

  test('negative amounts (discounts) and zero quantities', () => {
    expect(addMoney(usd('10.00'), usd('-2.5'))).toEqual(usd('7.50'));
    expect(addMoney(usd('1.00'), usd('-1.25'))).toEqual(usd('-0.25'));
    expect(multiplyMoney(usd('19.99'), 0)).toEqual(usd('0.00'));
    expect(sumMoney([], 'EUR')).toEqual({ amount: '0.00', currencyCode: 'EUR' });
  });

  test('two currencies are never added together', () => {
    expect(() => addMoney(usd('1.00'), { amount: '1.00', currencyCode: 'EUR' })).toThrow(
      expect.objectContaining({ code: 'currency_mismatch' }),
    );
  });

  test('an amount that is not a decimal string is refused with a CommerceError', () => {
    for (const amount of ['', '1e3', '1,5', '.5', 'NaN', ' 1.00']) {
      expect(() => addMoney(usd(amount), usd('1.00'))).toThrow(CommerceError);
    }
    expect(() => multiplyMoney(usd('1.00'), 1.5)).toThrow(expect.objectContaining({ code: 'invalid_quantity' }));
  });
});

test('formats per locale from the decimal string', () => {
  expect(formatMoney(usd('1234.5'), 'en-US')).toBe('$1,234.50');
  expect(formatMoney({ amount: '1234.50', currencyCode: 'EUR' }, 'de-DE').replace(/\s/g, ' ')).toBe('1.234,50 €');
  expect(formatMoney({ amount: '1500', currencyCode: 'JPY' }, 'ja-JP')).toMatch(/1,500/);
  expect(formatMoney(usd('1.00'), 'not a locale!')).toMatch(/1\.00/);
});
