/** Registers `<live-shop-chat>` (loaded by `<live-shop>` once the show has a chat). */
import { LiveChat } from '../chat/chat.js';
import { TAGS } from '../constants.js';
import { defineElement } from '../define-element.js';

defineElement(TAGS.chat, LiveChat);
