/**
 * Every tag and event name this package uses, in one place (as media-chrome does), so a
 * host page, the player and the docs never spell one differently.
 */
export const TAGS = {
  productCard: 'live-shop-product-card',
  highlights: 'live-shop-highlights',
  productDetails: 'live-shop-product-details',
  shelf: 'live-shop-shelf',
  momentsBar: 'live-shop-moments-bar',
  chat: 'live-shop-chat',
  offer: 'live-shop-offer',
  statusScreen: 'live-shop-status-screen',
  reactions: 'live-shop-reactions',
  poll: 'live-shop-poll',
  viewerCount: 'live-shop-viewer-count',
} as const;

export const EVENTS = {
  /** A viewer asked to add a product to the cart; cancelable so the host page can take over. */
  addToCart: 'live-shop-add-to-cart',
  /** A viewer asked to buy through the product's payment link; cancelable. */
  checkout: 'live-shop-checkout',
  /** A viewer chose another variant in a picker; a notice, not cancelable. */
  variantChange: 'live-shop-variant-change',
  /** A viewer asked to watch a product's moment (detail: pdt, productId); cancelable, the player seeks there. */
  seekToMoment: 'live-shop-seek-to-moment',
  /** A viewer sends a chat message; the player answers with the chat's sent() or failed(). */
  chatSend: 'live-shop-chat-send',
  /** An offer's countdown reached its end time (on the relay's clock); a notice, not cancelable. */
  offerEnd: 'live-shop-offer-end',
  /** A viewer asked to be reminded of a scheduled show; cancelable (the host page confirms it itself). */
  remindMe: 'live-shop-remind-me',
  /** A viewer asked to watch the replay of an ended show; cancelable (the player switches to replay). */
  watchReplay: 'live-shop-watch-replay',
  /** A viewer pressed a reaction (detail: kind); cancelable, the player sends it. */
  react: 'live-shop-react',
  /** A viewer voted in a poll (detail: pollId, optionId); cancelable, the player sends it and answers on the poll. */
  vote: 'live-shop-vote',
} as const;
