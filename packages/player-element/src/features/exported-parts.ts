import {
  CHAT_PARTS,
  exportParts,
  HIGHLIGHTS_PARTS,
  MOMENTS_BAR_PARTS,
  OFFER_PARTS,
  POLL_PARTS,
  REACTIONS_PARTS,
  SHELF_PARTS,
  STATUS_PARTS,
  VIEWER_COUNT_PARTS,
} from '@live-shop/overlay-cards/shared';

/** <live-shop-cart>'s parts (its code loads with the cart, so the list is kept here). */
const CART_PARTS = 'panel header title close-button body progress error retry-button loading empty warning line image line-title variant quantity remove-button line-total footer subtotal total checkout-button';

/**
 * The `exportparts` of each element <live-shop> holds, so that a page themes them through
 * the player: `live-shop::part(chat-message)`, `live-shop::part(shelf-card-button)`,
 * `live-shop::part(poll-bar-fill)`. The highlight cards keep their short names
 * (`card-button`), and the stack's own base is `highlights-base`.
 */
export const EXPORTED_PARTS = {
  highlights: `base: highlights-base, ${HIGHLIGHTS_PARTS.split(' ')
    .filter((name) => name !== 'base')
    .join(', ')}`,
  shelf: exportParts('shelf', SHELF_PARTS),
  chat: exportParts('chat', CHAT_PARTS),
  poll: exportParts('poll', POLL_PARTS),
  offer: exportParts('offer', OFFER_PARTS),
  statusScreen: exportParts('status-screen', STATUS_PARTS),
  momentsBar: exportParts('moments-bar', MOMENTS_BAR_PARTS),
  reactions: exportParts('reactions', REACTIONS_PARTS),
  viewerCount: exportParts('viewer-count', VIEWER_COUNT_PARTS),
  cart: exportParts('cart', CART_PARTS),
} as const;
