import { CLAIMED_VIEWER_ID } from '@live-shop/protocol';

/** The localStorage key of the id that keeps a browser the same viewer across reloads and tabs. */
export const VIEWER_ID_KEY = 'live-shop:viewer-id';

/** The part of `Storage` the viewer id needs; pass your own (or a test's). */
export interface ViewerIdStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Whether the relay accepts `id` as a claimed viewer id (otherwise it gives the socket a random one). */
export function isClaimedViewerId(id: string): boolean {
  return CLAIMED_VIEWER_ID.test(id);
}

/** For a page whose storage is blocked: one id for as long as the page lives. */
let pageViewerId: string | undefined;

/** 128 random bits, base64url: 22 characters the relay accepts. */
export function randomViewerId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** `localStorage`, or undefined where there is none or reading it throws (sandboxed iframes, blocked cookies). */
function pageStorage(): ViewerIdStorage | undefined {
  try {
    return (globalThis as { localStorage?: ViewerIdStorage }).localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The id this browser claims as `auth.viewerId`: kept in storage under
 * {@link VIEWER_ID_KEY}, made on first use. The relay never publishes it (it hashes it
 * with the show), so it is not a secret anyone can read from the chat. Where storage is
 * blocked or full, the id lasts as long as the page.
 */
export function persistentViewerId(storage: ViewerIdStorage | undefined = pageStorage()): string {
  if (storage) {
    try {
      const stored = storage.getItem(VIEWER_ID_KEY);
      if (stored !== null && isClaimedViewerId(stored)) return stored;
      const id = randomViewerId();
      storage.setItem(VIEWER_ID_KEY, id);
      return id;
    } catch {
      // Storage that throws (Safari's private mode when full, a blocked origin): fall through.
    }
  }
  return (pageViewerId ??= randomViewerId());
}
