/**
 * Every tag, attribute and event name of <live-shop>, in one module (as media-chrome
 * does), so the element, the loader, the docs and the tests never disagree.
 */
export const TAG = 'live-shop';

export const EVENTS = {
  /** The first frame with a known program date time is on screen. */
  ready: 'live-shop-ready',
  /** The show state changed (detail: the new ShowState). */
  stateChange: 'live-shop-state-change',
  /** A product highlight became visible (detail: productId, pdt, framePdt). */
  productShown: 'live-shop-product-shown',
  /** Something failed; detail.message is written for viewers. */
  error: 'live-shop-error',
} as const;

/** `engine` attribute values: which video engine plays the stream. */
export const ENGINES = {
  hls: 'hls.js',
  native: 'native',
  muxPlayer: 'mux-player',
} as const;

export type EngineKind = (typeof ENGINES)[keyof typeof ENGINES];

export type PlayerMode = 'live' | 'replay';

/** Where a Mux playback id streams from when played through hls.js. */
export const MUX_STREAM_ORIGIN = 'https://stream.mux.com';
