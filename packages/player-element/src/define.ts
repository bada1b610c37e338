/**
 * Registers <live-shop> and the overlay elements it renders. The only module of this
 * package with side effects; the script-tag loader imports it on demand.
 */
import '@live-shop/overlay-cards/define';
import { defineElement } from '@live-shop/overlay-cards';
import { TAG } from './constants.js';
import { LiveShopElement } from './live-shop.js';

defineElement(TAG, LiveShopElement);
