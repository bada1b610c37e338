import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, TokenService, adminKeyCheck, bearerToken, requireRole, requireShow, signingKey } from './auth.js';
import { RelayError } from './errors.js';
import { SIGNING_SECRET, START, TestClock } from './testing/relay-fixture.js';

const key = signingKey(SIGNING_SECRET);

async function rejection(promise: Promise<unknown>): Promise<RelayError> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason);
  if (!(error instanceof RelayError)) throw new Error(`expected a RelayError, got ${String(error)}`);
  return error;
}

function thrown(action: () => void): RelayError {
  try {
    action();
  } catch (error) {
    if (error instanceof RelayError) return error;
    throw error;
  }
  throw new Error('expected a RelayError');
}

describe('TokenService', () => {
  it('issues a token whose claims verify', async () => {
    const clock = new TestClock();
    const tokens = new TokenService(key, clock.now);
    const issued = await tokens.issue('demo', 'producer', 600);
    expect(issued).toMatchObject({ role: 'producer', show: 'demo', expiresAt: START + 600_000 });
    expect(await tokens.verify(issued.token)).toEqual({ show: 'demo', role: 'producer', iat: START / 1000, exp: START / 1000 + 600 });
  });

  it('refuses an expired token, by the injected clock', async () => {
    const clock = new TestClock();
    const tokens = new TokenService(key, clock.now);
    const { token } = await tokens.issue('demo', 'viewer', 60);
    clock.advance(59_000);
    await expect(tokens.verify(token)).resolves.toMatchObject({ role: 'viewer' });
    clock.advance(1_000);
    const error = await rejection(tokens.verify(token));
    expect(error).toMatchObject({ statusCode: 401, code: 'token_expired' });
    expect(error.message).toContain('POST /v1/shows/:id/tokens');
  });

  it('refuses a token signed with another secret, garbage, and tokens of another issuer', async () => {
    const tokens = new TokenService(key, Date.now);
    const other = new TokenService(signingKey('another-secret-that-is-32-bytes-long'), Date.now);
    const foreign = await new SignJWT({ show: 'demo', role: 'producer' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('someone-else')
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(key);
    const badRole = await new SignJWT({ show: 'demo', role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(key);
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"show":"demo","role":"producer"}').toString('base64url')}.`;
    for (const token of [(await other.issue('demo', 'producer')).token, 'not-a-jwt', foreign, badRole, unsigned]) {
      expect(await rejection(tokens.verify(token))).toMatchObject({ statusCode: 401, code: 'invalid_token' });
    }
  });
});

describe('token checks', () => {
  const claims = { show: 'demo', role: 'viewer' as const, iat: 0, exp: 1 };

  it('refuses a token of another show and names the right one', () => {
    const error = thrown(() => requireShow(claims, 'other'));
    expect(error).toMatchObject({ statusCode: 403, code: 'wrong_show' });
    expect(error.message).toBe('This token is for show "demo", not "other"; request a token for show "other".');
  });

  it('refuses a role that may not act', () => {
    expect(thrown(() => requireRole(claims, ['producer']))).toMatchObject({ statusCode: 403, code: 'forbidden_role' });
    expect(() => requireRole(claims, ['viewer'])).not.toThrow();
  });

  it('reads bearer tokens', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer  abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });

  it('checks the admin key', () => {
    const check = adminKeyCheck('secret');
    expect(() => check('Bearer secret')).not.toThrow();
    expect(thrown(() => check(undefined))).toMatchObject({ statusCode: 401, code: 'missing_admin_key' });
    expect(thrown(() => check('Bearer wrong'))).toMatchObject({ statusCode: 401, code: 'invalid_admin_key' });
  });

  it('refuses a short signing secret and makes a random one when absent', () => {
    expect(() => signingKey('short')).toThrow(/at least 32/);
    expect(signingKey(undefined)).toHaveLength(32);
    expect(signingKey(new Uint8Array(40))).toHaveLength(40);
  });
});
