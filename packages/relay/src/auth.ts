import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import { RelayError } from './errors.js';

/** Who a token is for. Producers run the show; moderators look after chat; viewers watch. */
export const ROLES = ['producer', 'moderator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The verified claims of a relay token. */
export interface TokenClaims {
  show: string;
  role: Role;
  /** Expiry, epoch seconds (JWT `exp`). */
  exp: number;
  /** Issue time, epoch seconds (JWT `iat`). */
  iat: number;
}

/** What `POST /v1/shows/:id/tokens` returns. */
export interface IssuedToken {
  token: string;
  role: Role;
  show: string;
  /** When the token stops working, epoch ms. */
  expiresAt: number;
}

export const TOKEN_ISSUER = 'live-shop-relay';
export const TOKEN_AUDIENCE = 'live-shop';
/** How long a token lives when the request does not say: 12 hours, a long show day. */
export const DEFAULT_TOKEN_SECONDS = 12 * 60 * 60;
export const MAX_TOKEN_SECONDS = 30 * 24 * 60 * 60;

const MIN_SECRET_BYTES = 32;

/** Turns the `signingSecret` option into key bytes, or makes a random key. */
export function signingKey(secret: string | Uint8Array | undefined): Uint8Array {
  if (secret === undefined) return new Uint8Array(randomBytes(MIN_SECRET_BYTES));
  const key = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  if (key.byteLength < MIN_SECRET_BYTES) {
    throw new Error(`signingSecret is ${key.byteLength} bytes but must be at least ${MIN_SECRET_BYTES}; generate one with \`openssl rand -base64 32\`.`);
  }
  return key;
}

/**
 * Signs and verifies relay tokens: JWT HS256 carrying the show and the role. Every relay
 * node of one deployment must share the signing secret.
 */
export class TokenService {
  readonly #key: Uint8Array;
  readonly #now: () => number;

  constructor(key: Uint8Array, now: () => number) {
    this.#key = key;
    this.#now = now;
  }

  async issue(show: string, role: Role, expiresInSeconds = DEFAULT_TOKEN_SECONDS): Promise<IssuedToken> {
    const iat = Math.floor(this.#now() / 1000);
    const exp = iat + expiresInSeconds;
    const token = await new SignJWT({ show, role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.#key);
    return { token, role, show, expiresAt: exp * 1000 };
  }

  /** The token's claims; a missing, malformed, forged or expired token is a 401 RelayError. */
  async verify(token: string): Promise<TokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.#key, {
        algorithms: ['HS256'],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        requiredClaims: ['exp', 'iat'],
        currentDate: new Date(this.#now()),
      });
      const { show, role, exp, iat } = payload;
      if (typeof show !== 'string' || !isRole(role) || exp === undefined || iat === undefined) throw new joseErrors.JWTInvalid('claims');
      return { show, role, exp, iat };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) {
        throw new RelayError(401, 'token_expired', 'The token has expired; request a new one with POST /v1/shows/:id/tokens.');
      }
      throw new RelayError(401, 'invalid_token', 'The token is not a valid relay token; request one with POST /v1/shows/:id/tokens and send it unchanged.');
    }
  }
}

/** A 403 unless the token is for `show`. */
export function requireShow(claims: TokenClaims, show: string): void {
  if (claims.show !== show) {
    const wanted = show.slice(0, 80);
    throw new RelayError(403, 'wrong_show', `This token is for show "${claims.show}", not "${wanted}"; request a token for show "${wanted}".`);
  }
}

/** A 403 unless the token's role is one of `allowed`. */
export function requireRole(claims: TokenClaims, allowed: readonly Role[]): void {
  if (!allowed.includes(claims.role)) {
    throw new RelayError(403, 'forbidden_role', `A ${claims.role} token cannot do this; use a ${allowed.join(' or ')} token for this show.`);
  }
}

/** The token of an `Authorization: Bearer <token>` header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** Checks the admin key in constant time (comparing digests keeps lengths equal). */
export function adminKeyCheck(adminKey: string): (header: string | undefined) => void {
  const expected = createHash('sha256').update(adminKey).digest();
  return (header) => {
    const given = bearerToken(header);
    if (given === undefined) {
      throw new RelayError(401, 'missing_admin_key', 'This endpoint needs the admin key; send it as "Authorization: Bearer <admin key>".');
    }
    if (!timingSafeEqual(createHash('sha256').update(given).digest(), expected)) {
      throw new RelayError(401, 'invalid_admin_key', 'The admin key is wrong; use the key the relay was started with (LIVE_SHOP_ADMIN_KEY).');
    }
  };
}

/** Reads the producer-side token of a request: 401 when it is missing or not valid. */
export async function verifyBearer(tokens: TokenService, header: string | undefined): Promise<TokenClaims> {
  const token = bearerToken(header);
  if (token === undefined) {
    throw new RelayError(401, 'missing_token', 'This endpoint needs a token; send "Authorization: Bearer <token>" with a token from POST /v1/shows/:id/tokens.');
  }
  return tokens.verify(token);
}
