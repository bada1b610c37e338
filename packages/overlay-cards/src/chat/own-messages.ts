import type { ChatMessage } from '@live-shop/protocol';

/**
 * Which messages are the viewer's own: those whose id the relay acknowledged to this
 * viewer, and every message by the author id those turn out to carry (the relay's id of
 * the viewer: their messages from another tab, or sent before the chat was last shown).
 * Names are never compared: two viewers may choose the same one.
 */
export class OwnMessages {
  #ids: ReadonlySet<string> = new Set();
  /** Kept when the acknowledged messages leave the chat (the state keeps only the latest). */
  readonly #authorIds = new Set<string>();

  /** Takes the acknowledged ids and learns the author id of those among `messages`; `authorId` is the viewer's own when known. */
  update(ids: readonly string[], messages: readonly ChatMessage[], indexById: ReadonlyMap<string, number>, authorId?: string): void {
    this.#ids = new Set(ids);
    if (authorId) this.#authorIds.add(authorId);
    for (const id of ids) {
      const index = indexById.get(id);
      const authorId = index === undefined ? undefined : messages[index]?.author.id;
      if (authorId) this.#authorIds.add(authorId);
    }
  }

  has(message: ChatMessage): boolean {
    const authorId = message.author.id;
    return this.#ids.has(message.messageId) || (authorId !== undefined && this.#authorIds.has(authorId));
  }
}
