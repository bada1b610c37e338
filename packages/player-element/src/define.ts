/**
 * Registers <live-shop> and the overlay elements every show needs (the cards); the others
 * (chat, audience, offers, status screens, shelf) load when a show uses them. The only
 * module of this package with side effects; the script-tag loader imports it on demand.
 */
import '@live-shop/overlay-cards/features/core';
import { defineElement } from '@live-shop/overlay-cards/shared';
import { TAG } from './constants.js';
import { LiveShopElement } from './live-shop.js';

defineElement(TAG, LiveShopElement);
