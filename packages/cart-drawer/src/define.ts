/**
 * Registers this package's element. The only module with side effects: importing the
 * classes from the package's index defines nothing.
 */
import { CartDrawer } from './cart-drawer/cart-drawer.js';
import { TAGS } from './constants.js';
import { defineElement } from '@live-shop/overlay-cards';

defineElement(TAGS.cart, CartDrawer);
