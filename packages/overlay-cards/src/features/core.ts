/**
 * Registers what every show needs at once: the product card and the stack of highlighted
 * cards. The other elements have entry points of their own (`features/details`, loaded by
 * a card when a viewer opens a product's details; `features/chat`, `features/audience`,
 * `features/offers`, `features/status`, `features/shelf`, which `<live-shop>` loads
 * when the show uses them).
 */
import { TAGS } from '../constants.js';
import { defineElement } from '../define-element.js';
import { HighlightStack } from '../highlight-stack/highlight-stack.js';
import { ProductCard } from '../product-card/product-card.js';

defineElement(TAGS.productCard, ProductCard);
defineElement(TAGS.highlights, HighlightStack);
