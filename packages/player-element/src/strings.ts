import type { CartStrings, StorefrontStrings } from '@live-shop/cart-drawer';
import type { CardStrings, ChatStrings, OfferStrings, PollStrings, ReactionsStrings, ShelfStrings, StatusStrings, ViewerCountStrings } from '@live-shop/overlay-cards';
import type { ErrorCode } from './errors.js';
import type { MiniPlayerStrings } from './mini-player/strings.js';

/**
 * The text <live-shop> shows. Set a partial object on `strings` to translate or reword;
 * anything left out keeps its English default.
 */
export interface PlayerStrings {
  connecting: string;
  live: string;
  replay: string;
  reconnecting: string;
  /** Messages by error code (see ERROR_MESSAGES for the defaults). */
  errors: Partial<Record<ErrorCode, string>> & Record<string, string | undefined>;
  /** Text of the product cards. */
  cards: Partial<CardStrings>;
  /** Text of the cart drawer. */
  cart: Partial<CartStrings>;
  /** Messages of the Shopify cart (stock warnings, the store not answering; see defaultStorefrontStrings). */
  storefront: Partial<StorefrontStrings>;
  /**
   * The cart button's accessible name by plural category (Intl.PluralRules of the
   * player's locale: zero, one, two, few, many, other); `{count}` is the item count.
   */
  cartButton: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
  /** Text of the mini-player (see defaultMiniPlayerStrings). */
  miniPlayer: Partial<MiniPlayerStrings>;
  /** Text of the show's elements (each element's own strings; see overlay-cards). */
  chat: Partial<ChatStrings>;
  shelf: Partial<ShelfStrings>;
  momentsBar: Partial<ShelfStrings>;
  poll: Partial<PollStrings>;
  reactions: Partial<ReactionsStrings>;
  viewerCount: Partial<ViewerCountStrings>;
  offer: Partial<OfferStrings>;
  status: Partial<StatusStrings>;
  /** The panel under the video and its tabs. */
  panelLabel: string;
  chatTab: string;
  shelfTab: string;
}

export const defaultPlayerStrings: Readonly<PlayerStrings> = Object.freeze({
  connecting: 'Connecting…',
  live: 'Live',
  replay: 'Replay',
  reconnecting: 'Reconnecting…',
  errors: {},
  cards: {},
  cart: {},
  storefront: {},
  cartButton: { one: 'Cart, {count} item', other: 'Cart, {count} items' },
  miniPlayer: {},
  chat: {},
  shelf: {},
  momentsBar: {},
  poll: {},
  reactions: {},
  viewerCount: {},
  offer: {},
  status: {},
  panelLabel: 'Products and chat',
  chatTab: 'Chat',
  shelfTab: 'Products',
});
