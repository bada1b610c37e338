import { defaultPollStrings, defaultReactionsStrings, defaultViewerCountStrings } from '../audience/audience-strings.js';
import { defaultChatStrings } from '../chat/chat-strings.js';
import { defaultOfferStrings } from '../offers/offer-strings.js';
import { defaultShelfStrings } from '../shelf/shelf-strings.js';
import { defaultStatusStrings } from '../status/status-strings.js';
import { defaultStrings } from '../strings.js';
import type { OverlayLocale } from './types.js';

export type { OverlayLocale } from './types.js';

const { shelfLabel, featured, watchMoment, momentsBar, momentMarker } = defaultShelfStrings;

/** The elements' English defaults as one locale: what the translations are checked against. */
export const en: OverlayLocale = {
  cards: defaultStrings,
  chat: defaultChatStrings,
  poll: defaultPollStrings,
  reactions: defaultReactionsStrings,
  viewerCount: defaultViewerCountStrings,
  offer: defaultOfferStrings,
  status: defaultStatusStrings,
  shelf: { shelfLabel, featured, watchMoment },
  momentsBar: { momentsBar, momentMarker },
};
