/**
 * @live-shop/producer-console: the browser app that runs a show. The relay serves its
 * build at /console/; these exports are its parts, without side effects (define.ts
 * registers the tags, main.ts starts the app on the page).
 *
 * @packageDocumentation
 */
export { ActivityLog } from './activity/activity-log.js';
export type { ActivityEntry } from './activity/activity-log.js';
export { CatalogPanel, NUMBERED_PRODUCTS } from './catalog/catalog-panel.js';
export { ChatPanel } from './chat/chat-panel.js';
export { ConsoleApp } from './console-app/console-app.js';
export type { FeedFactory } from './console-app/console-app.js';
export { ACTIVITY_KEPT, DEFAULT_PREVIEW_SRC, EVENTS, TAGS } from './constants.js';
export { ActionRequestEvent, RetryEvent, SignInEvent, actionRequest } from './events.js';
export type { ActionRequest } from './events.js';
export { formatClock, formatCountdown, formatLatency, parseAmount, parseCount } from './format.js';
export { OfferPanel } from './offers/offer-panel.js';
export { MAX_OPTIONS, MIN_OPTIONS, PollPanel } from './polls/poll-panel.js';
export { PreviewPanel } from './preview/preview-panel.js';
export { RelayApi, RelayApiError } from './relay/relay-api.js';
export type { ShowApi, ShowInfo } from './relay/relay-api.js';
export { SocketShowFeed } from './relay/show-feed.js';
export type { FeedListener, FeedStatus, ShowFeed } from './relay/show-feed.js';
export { forgetToken, loadToken, readClaims, saveToken, tokenFromFragment, tokenProblem } from './relay/token.js';
export { SHORTCUT_HELP, isTypingTarget, shortcutFor } from './shortcuts.js';
export type { Shortcut } from './shortcuts.js';
export { SignInForm } from './sign-in/sign-in-form.js';
export { END_CONFIRM_MS, StatusPanel } from './status/status-panel.js';
export { StockPanel } from './stock/stock-panel.js';
export { VERSION } from './version.js';
