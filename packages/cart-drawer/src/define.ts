/**
 * Registers this package's element. The only module with side effects: importing the
 * classes from the package's index defines nothing.
 *
 * It also exports what `<live-shop>` needs once it has a cart (the host site's cart
 * adapter), so that the player's one lazy import brings the drawer and it in one chunk.
 */
import { CartDrawer } from './cart-drawer/cart-drawer.js';
import { TAGS } from './constants.js';
import { defineElement } from '@live-shop/overlay-cards/shared';

defineElement(TAGS.cart, CartDrawer);

export { HostCartAdapter } from './host-cart-adapter.js';
