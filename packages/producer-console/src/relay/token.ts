/**
 * The producer token: where the console keeps it, and what it can tell about one before
 * the relay checks it. The relay signs tokens (JWT HS256); the console cannot verify the
 * signature, so it only reads the claims to explain an obvious mistake (a token of
 * another show, a viewer token, an expired one) in words, and lets the relay's socket
 * handshake verify the rest.
 */

export interface TokenClaims {
  show?: unknown;
  role?: unknown;
  /** Expiry, epoch seconds. */
  exp?: unknown;
}

function storageKey(show: string): string {
  return `live-shop-console:token:${show}`;
}

/**
 * sessionStorage: the token lasts as long as the tab (a reload keeps it, a closed tab
 * forgets it) and is never sent anywhere but in the Authorization header.
 */
export function loadToken(show: string): string | undefined {
  try {
    return sessionStorage.getItem(storageKey(show)) ?? undefined;
  } catch {
    return undefined; // storage disabled: the producer pastes the token again after a reload
  }
}

export function saveToken(show: string, token: string): void {
  try {
    sessionStorage.setItem(storageKey(show), token);
  } catch {
    // storage disabled: the token still works for this page
  }
}

export function forgetToken(show: string): void {
  try {
    sessionStorage.removeItem(storageKey(show));
  } catch {
    // nothing stored
  }
}

/**
 * Reads `#token=…` from a URL fragment (a fragment never reaches the server or the
 * Referer header), and returns the fragment without it.
 */
export function tokenFromFragment(hash: string): { token: string | undefined; rest: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token')?.trim() || undefined;
  params.delete('token');
  const rest = params.toString();
  return { token, rest: rest ? `#${rest}` : '' };
}

function decodeBase64Url(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const binary = atob(base64);
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** The claims of a JWT, unverified, or undefined when it is not one. */
export function readClaims(token: string): TokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const claims: unknown = JSON.parse(decodeBase64Url(parts[1]));
    return typeof claims === 'object' && claims !== null ? (claims as TokenClaims) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What is obviously wrong with a token for this show, in one sentence that says what to
 * do, or undefined when it may be right (then the relay decides).
 */
export function tokenProblem(token: string, show: string, now: number): string | undefined {
  if (token.trim() === '') return 'Paste a producer token for this show; the relay issues one with POST /v1/shows/:id/tokens and the admin key.';
  const claims = readClaims(token.trim());
  if (!claims) return 'This is not a relay token (it should look like xxxxx.yyyyy.zzzzz); paste the token exactly as the relay issued it.';
  if (typeof claims.show === 'string' && claims.show !== show) {
    return `This token is for show "${claims.show.slice(0, 80)}", not "${show}"; paste a producer token for show "${show}".`;
  }
  if (typeof claims.role === 'string' && claims.role !== 'producer') {
    return `This is a ${claims.role.slice(0, 20)} token; the console needs a producer token for show "${show}".`;
  }
  if (typeof claims.exp === 'number' && claims.exp * 1000 <= now) {
    return 'This token has expired; request a new producer token with POST /v1/shows/:id/tokens.';
  }
  return undefined;
}
