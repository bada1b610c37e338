/**
 * Error codes are stable (tests and host pages switch on them); messages are for viewers
 * and say what happened and what to do, in one sentence. Override them through the
 * element's `strings.errors`.
 */
export const ERROR_MESSAGES = {
  'no-video': 'This player has no video yet: the page needs a src or playback-id on <live-shop>.',
  'stream-unsupported': 'This browser cannot play the video: try an up-to-date browser.',
  'stream-network': 'The video could not be loaded: check your connection, then reload the page.',
  'stream-media': 'The video could not be decoded: reload the page, or try another browser.',
  'engine-load-failed': 'The player could not be loaded: check your connection, then reload the page.',
  'relay-unreachable': 'Live product updates are unavailable: check your connection; the player keeps trying.',
  'relay-refused': 'Live product updates were refused for this show: reload the page, or ask the site owner to check the show id.',
  'replay-unavailable': 'The products of this replay could not be loaded: check your connection, then reload the page.',
  'show-not-found': 'This show was not found: ask the site owner to check the show id.',
  'cart-unavailable': "Adding to the cart isn't set up on this page: buy from the shop's website.",
  'chat-unavailable': "Chat isn't available here: it works while the show is live.",
  'vote-unavailable': "Voting isn't available here: polls take votes while the show is live.",
  'moment-unavailable': "That moment can't be played here any more: it is outside what this stream keeps.",
  'payment-link-refused': "This product's payment link can't be opened safely: buy from the shop's website.",
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface PlayerError {
  /** A stable code, e.g. "stream-network", or a relay problem code. */
  code: string;
  /** A sentence for viewers: what happened and what to do. */
  message: string;
}

export function playerError(code: ErrorCode, messages: Partial<Record<string, string>> = {}): PlayerError {
  return { code, message: messages[code] ?? ERROR_MESSAGES[code] };
}
