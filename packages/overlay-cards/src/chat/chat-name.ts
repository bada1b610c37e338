import { AUTHOR_NAME_MAX } from '@live-shop/protocol';

/** Where the viewer's chat name is remembered, for every show on the site. */
export const CHAT_NAME_STORAGE_KEY = 'live-shop:chat-name';

/** A name as the relay takes it (trimmed, one line, at most AUTHOR_NAME_MAX); '' when unusable. */
export function cleanName(name: string): string {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  return trimmed.length <= AUTHOR_NAME_MAX ? trimmed : trimmed.slice(0, AUTHOR_NAME_MAX).trim();
}

// localStorage throws where storage is blocked (sandboxed iframes, some privacy modes);
// the chat then asks again on the next visit, and works all the same.
export function loadChatName(): string {
  try {
    return cleanName(localStorage.getItem(CHAT_NAME_STORAGE_KEY) ?? '');
  } catch {
    return '';
  }
}

export function saveChatName(name: string): void {
  try {
    localStorage.setItem(CHAT_NAME_STORAGE_KEY, name);
  } catch {
    // See loadChatName.
  }
}
