/**
 * Registers the console's elements, and <live-shop> for the preview. The only module with
 * side effects besides main.ts: importing the classes from the index defines nothing.
 */
import '@live-shop/player-element/define';
import { defineElement } from '@live-shop/overlay-cards';
import { ActivityLog } from './activity/activity-log.js';
import { CatalogPanel } from './catalog/catalog-panel.js';
import { ChatPanel } from './chat/chat-panel.js';
import { ConsoleApp } from './console-app/console-app.js';
import { TAGS } from './constants.js';
import { OfferPanel } from './offers/offer-panel.js';
import { PollPanel } from './polls/poll-panel.js';
import { PreviewPanel } from './preview/preview-panel.js';
import { SignInForm } from './sign-in/sign-in-form.js';
import { StatusPanel } from './status/status-panel.js';
import { StockPanel } from './stock/stock-panel.js';

defineElement(TAGS.signIn, SignInForm);
defineElement(TAGS.preview, PreviewPanel);
defineElement(TAGS.catalog, CatalogPanel);
defineElement(TAGS.offers, OfferPanel);
defineElement(TAGS.stock, StockPanel);
defineElement(TAGS.polls, PollPanel);
defineElement(TAGS.status, StatusPanel);
defineElement(TAGS.chat, ChatPanel);
defineElement(TAGS.activity, ActivityLog);
defineElement(TAGS.app, ConsoleApp);
