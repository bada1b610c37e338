import type { CountText } from '../audience/audience-format.js';

/**
 * Every piece of text `<live-shop-chat>` shows or announces. Set a partial object on the
 * element's `strings` property to translate or reword; anything left out keeps its English
 * default. `{name}`-style placeholders are filled in as text; a {@link CountText} may
 * be one string or one per plural category of the locale.
 */
export interface ChatStrings {
  /** Names the whole chat (a region landmark). */
  chat: string;
  /** Names the list of messages. */
  messages: string;
  /** Shown in an empty chat. */
  noMessages: string;
  /** The label above the pinned message. */
  pinned: string;
  /** The badge of a producer's messages. */
  host: string;
  /** The badge of a moderator's messages. */
  moderator: string;
  /** The button that jumps to the newest messages; `{count}`: how many came in below. */
  newMessages: CountText;
  /** The label of the message field (read by screen readers). */
  messageLabel: string;
  messagePlaceholder: string;
  send: string;
  /** The Send button while a message is on its way. */
  sending: string;
  /** Announced to screen readers when the viewer's message was sent. */
  sent: string;
  /** Shown and announced when a send failed without a message from the relay. */
  sendFailed: string;
  /** Shown near the length limit; `{count}`. */
  charactersLeft: CountText;
  /** Shown instead of the message field when the chat is closed. */
  closed: string;
  /** The label of the name field, asked before the first message. */
  nameLabel: string;
  /** Explains the name field. */
  nameHint: string;
  saveName: string;
  cancel: string;
  /** Shown when the name is left empty. */
  nameRequired: string;
  /** Beside the message field once a name is set; `{name}`. */
  chattingAs: string;
  changeName: string;
  /** Beside the author of the viewer's own messages (screen readers read it after the name). */
  you: string;
  /** Under the message field while slow mode makes the viewer wait; `{count}`: seconds left. Announced once, when the wait starts. */
  sendAgainIn: CountText;
}

export const defaultChatStrings: Readonly<ChatStrings> = Object.freeze({
  chat: 'Chat',
  messages: 'Chat messages',
  noMessages: 'No messages yet. Say hello!',
  pinned: 'Pinned',
  host: 'Host',
  moderator: 'Moderator',
  newMessages: { one: '{count} new message', other: '{count} new messages' },
  messageLabel: 'Message',
  messagePlaceholder: 'Say something…',
  send: 'Send',
  sending: 'Sending…',
  sent: 'Message sent',
  sendFailed: 'Your message was not sent. Check your connection and send it again.',
  charactersLeft: { one: '{count} character left', other: '{count} characters left' },
  closed: 'The chat is closed.',
  nameLabel: 'Your name in the chat',
  nameHint: 'Everyone watching sees it next to your messages.',
  saveName: 'Start chatting',
  cancel: 'Cancel',
  nameRequired: 'Enter a name to chat under.',
  chattingAs: 'Chatting as {name}',
  changeName: 'Change name',
  you: 'You',
  sendAgainIn: { one: 'You can send again in {count} second', other: 'You can send again in {count} seconds' },
});

export function withChatDefaults(strings: Partial<ChatStrings> | undefined): ChatStrings {
  return strings ? { ...defaultChatStrings, ...strings } : defaultChatStrings;
}
