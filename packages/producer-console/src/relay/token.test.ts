import { describe, expect, test } from 'vitest';
import { readClaims, tokenFromFragment, tokenProblem } from './token.js';

function token(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.sig`;
}

const now = Date.UTC(2025, 0, 1);
const exp = now / 1000 + 600;

describe('tokenFromFragment', () => {
  test('takes the token out of the fragment and keeps the rest', () => {
    expect(tokenFromFragment('#token=abc.def.ghi')).toEqual({ token: 'abc.def.ghi', rest: '' });
    expect(tokenFromFragment('#panel=offers&token=abc')).toEqual({ token: 'abc', rest: '#panel=offers' });
    expect(tokenFromFragment('')).toEqual({ token: undefined, rest: '' });
  });
});

describe('tokenProblem', () => {
  test('accepts a producer token of the show', () => {
    expect(tokenProblem(token({ show: 'demo', role: 'producer', exp }), 'demo', now)).toBeUndefined();
  });

  test('explains the obvious mistakes in one sentence that says what to do', () => {
    expect(tokenProblem('', 'demo', now)).toMatch(/^Paste a producer token/);
    expect(tokenProblem('hello', 'demo', now)).toMatch(/not a relay token.*paste the token exactly/);
    expect(tokenProblem(token({ show: 'other', role: 'producer', exp }), 'demo', now)).toBe(
      'This token is for show "other", not "demo"; paste a producer token for show "demo".',
    );
    expect(tokenProblem(token({ show: 'demo', role: 'viewer', exp }), 'demo', now)).toMatch(/viewer token; the console needs a producer token/);
    expect(tokenProblem(token({ show: 'demo', role: 'producer', exp: now / 1000 - 1 }), 'demo', now)).toMatch(/expired/);
  });

  test('reads UTF-8 claims', () => {
    expect(readClaims(token({ show: 'démo-✓' }))?.show).toBe('démo-✓');
  });
});
