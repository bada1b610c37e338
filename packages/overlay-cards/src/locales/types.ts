import type { PollStrings, ReactionsStrings, ViewerCountStrings } from '../audience/audience-strings.js';
import type { ChatStrings } from '../chat/chat-strings.js';
import type { OfferStrings } from '../offers/offer-strings.js';
import type { ShelfStrings } from '../shelf/shelf-strings.js';
import type { StatusStrings } from '../status/status-strings.js';
import type { CardStrings } from '../strings.js';

/**
 * One language's text for every element of this package, complete: a key left out is a
 * compile error. Each part is (a part of) an element's own strings type, under the same key
 * as in `<live-shop>`'s `strings`, so a part goes to its element as defaults under the
 * page's own overrides.
 */
export interface OverlayLocale {
  /** The product card, the highlight stack, and the details sheet a card opens; the shelf's cards too. */
  cards: CardStrings;
  chat: ChatStrings;
  poll: PollStrings;
  reactions: ReactionsStrings;
  viewerCount: ViewerCountStrings;
  offer: OfferStrings;
  status: StatusStrings;
  /** The shelf's own text (its cards take `cards`). */
  shelf: Pick<ShelfStrings, 'shelfLabel' | 'featured' | 'watchMoment'>;
  /** The moments bar shares the shelf's strings type but shows only these. */
  momentsBar: Pick<ShelfStrings, 'momentsBar' | 'momentMarker'>;
}
