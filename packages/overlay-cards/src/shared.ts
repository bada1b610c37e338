/**
 * The constants and helpers other packages use at run time (`@live-shop/overlay-cards/shared`),
 * without the package index: importing the index would bring every element's module into
 * the importer's chunk, where the player loads most of them only when a show needs them.
 */
export { EVENTS, TAGS } from './constants.js';
export { defineElement } from './define-element.js';
export { formatMoney, isHigherPrice } from './money.js';
export { shownProducts } from './highlight-stack/shown-products.js';
export { visuallyHidden } from './shared-styles.js';
export { fill } from './strings.js';
export {
  CARD_PARTS,
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
} from './parts.js';
