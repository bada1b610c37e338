/**
 * Registers this package's elements. The only module with side effects: importing the
 * classes from the package's index defines nothing.
 */
import { LivePoll } from './audience/poll/poll.js';
import { LiveReactions } from './audience/reactions/reactions.js';
import { LiveViewerCount } from './audience/viewer-count/viewer-count.js';
import { LiveChat } from './chat/chat.js';
import { TAGS } from './constants.js';
import { defineElement } from './define-element.js';
import { ProductDetails } from './details/product-details.js';
import { HighlightStack } from './highlight-stack/highlight-stack.js';
import { MomentsBar } from './moments-bar/moments-bar.js';
import { OfferCard } from './offers/offer.js';
import { ProductCard } from './product-card/product-card.js';
import { ProductShelf } from './shelf/shelf.js';
import { StatusScreen } from './status/status-screen.js';

defineElement(TAGS.productCard, ProductCard);
defineElement(TAGS.highlights, HighlightStack);
defineElement(TAGS.productDetails, ProductDetails);
defineElement(TAGS.shelf, ProductShelf);
defineElement(TAGS.momentsBar, MomentsBar);
defineElement(TAGS.chat, LiveChat);
defineElement(TAGS.offer, OfferCard);
defineElement(TAGS.statusScreen, StatusScreen);
defineElement(TAGS.reactions, LiveReactions);
defineElement(TAGS.poll, LivePoll);
defineElement(TAGS.viewerCount, LiveViewerCount);
