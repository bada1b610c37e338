/** Registers `<live-shop-status-screen>` (loaded when the show is not live: scheduled, ended, replay). */
import { TAGS } from '../constants.js';
import { defineElement } from '../define-element.js';
import { StatusScreen } from '../status/status-screen.js';

defineElement(TAGS.statusScreen, StatusScreen);
