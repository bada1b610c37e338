/**
 * Registers this package's elements. The only module with side effects: importing the
 * classes from the package's index defines nothing.
 */
import { TAGS } from './constants.js';
import { defineElement } from './define-element.js';
import { HighlightStack } from './highlight-stack/highlight-stack.js';
import { ProductCard } from './product-card/product-card.js';

defineElement(TAGS.productCard, ProductCard);
defineElement(TAGS.highlights, HighlightStack);
