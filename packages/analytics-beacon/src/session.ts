/**
 * A random opaque id of 32 hex digits. `crypto.getRandomValues` rather than `randomUUID`,
 * which exists only in secure contexts, and not every brand page is https.
 */
export function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The viewer's session id for `show` in this tab, kept in sessionStorage so that a reload
 * keeps it; with `forget`, removes it instead (consent withdrawn: nothing of the viewer
 * stays). Storage can be unavailable (blocked cookies, sandboxed iframes, a full quota):
 * the id then lives as long as the beacon, which only splits the session on reload.
 */
export function storedSession(show: string, forget?: boolean): string {
  const key = `live-shop:session:${show}`;
  let id = '';
  try {
    if (forget) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, (id = sessionStorage.getItem(key) || randomId()));
  } catch {
    // Blocked or full: the id below is kept in memory only.
  }
  return id || randomId();
}
