/** Registers the product shelf and the moments bar (loaded once the show has products). */
import { TAGS } from '../constants.js';
import { defineElement } from '../define-element.js';
import { MomentsBar } from '../moments-bar/moments-bar.js';
import { ProductShelf } from '../shelf/shelf.js';

defineElement(TAGS.shelf, ProductShelf);
defineElement(TAGS.momentsBar, MomentsBar);
