/**
 * A random id such as "offer-3f9c2a7e1b4d". `crypto.getRandomValues` rather than
 * `randomUUID`: the console may be served over plain http on a LAN address, which is not
 * a secure context, and randomUUID only exists in secure contexts.
 */
export function randomId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `${prefix}-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
