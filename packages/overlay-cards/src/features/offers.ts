/** Registers `<live-shop-offer>` (loaded once the show starts an offer). */
import { TAGS } from '../constants.js';
import { defineElement } from '../define-element.js';
import { OfferCard } from '../offers/offer.js';

defineElement(TAGS.offer, OfferCard);
