/** Registers `<live-shop-product-details>` (loaded by a card the first time a viewer opens a product's details). */
import { TAGS } from '../constants.js';
import { defineElement } from '../define-element.js';
import { ProductDetails } from '../details/product-details.js';

defineElement(TAGS.productDetails, ProductDetails);
