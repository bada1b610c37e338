import { EVENTS } from '../constants.js';

export interface ChatSendDetail {
  /** The message, trimmed; 1–500 characters (CHAT_TEXT_MAX). */
  text: string;
  /** The display name the viewer chose, trimmed; 1–50 characters (AUTHOR_NAME_MAX). */
  name: string;
}

/**
 * A viewer sends a chat message. The chat is then `sending` until a listener answers on
 * the element: `chat.sent()` when the relay took it (the field is cleared), or
 * `chat.failed({code, message})` when it refused it (the text stays, the message is shown).
 * The event's target is the `<live-shop-chat>` to answer.
 */
export class ChatSendEvent extends Event {
  readonly detail: ChatSendDetail;
  constructor(detail: ChatSendDetail) {
    super(EVENTS.chatSend, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

interface LiveShopChatEventMap {
  [EVENTS.chatSend]: ChatSendEvent;
}

// Both maps: the event is composed and bubbles, and host pages often listen on document.
declare global {
  interface HTMLElementEventMap extends LiveShopChatEventMap {}
  interface DocumentEventMap extends LiveShopChatEventMap {}
}
