/**
 * Every tag and event name of the console, in one place (as media-chrome does), so the
 * elements, the tests and the docs never spell one differently.
 */
export const TAGS = {
  app: 'live-shop-console',
  signIn: 'live-shop-console-sign-in',
  preview: 'live-shop-console-preview',
  catalog: 'live-shop-console-catalog',
  offers: 'live-shop-console-offers',
  stock: 'live-shop-console-stock',
  polls: 'live-shop-console-polls',
  status: 'live-shop-console-status',
  chat: 'live-shop-console-chat',
  activity: 'live-shop-console-activity',
} as const;

export const EVENTS = {
  /** A panel asks for a show event to be posted (the console stamps it and posts it). */
  action: 'live-shop-console-action',
  /** The chat panel asks for a moderation action (delete, pin, ban, slow mode…). */
  moderate: 'live-shop-console-moderate',
  /** The sign-in form was submitted with a token. */
  signIn: 'live-shop-console-sign-in',
  /** A retry of a failed action was asked for from the activity log. */
  retry: 'live-shop-console-retry',
} as const;

/** The preview's stream when the address gives none: the demo's live simulator. */
export const DEFAULT_PREVIEW_SRC = '/hls/live.m3u8';

/** How many actions the activity log keeps on screen. */
export const ACTIVITY_KEPT = 50;
