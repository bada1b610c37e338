import type { EngineKind, PlayerMode } from '../constants.js';
import type { PlayerError } from '../errors.js';

/** What an engine needs from the element. */
export interface EngineContext {
  /** Where the engine puts what it shows (the element's <video>, or a player around one). */
  container: HTMLElement;
  /** The element's own <video>, for engines that play into one. */
  video: HTMLVideoElement;
  mode: PlayerMode;
  /** Reports an error the engine could not recover from. */
  onError: (error: PlayerError) => void;
}

/** What the page asked to play. */
export interface VideoRequest {
  /** An HLS playlist URL. */
  src?: string | undefined;
  /** A Mux playback id (used when there is no src). */
  playbackId?: string | undefined;
  /** `engine` attribute: "mux-player" plays playback ids through @mux/mux-player. */
  engine?: string | undefined;
}

/** A span of the video, by program date time (epoch ms). */
export interface PdtRange {
  startPdt: number;
  endPdt: number;
}

/**
 * A video engine plays one stream and tells the program date time of any media time.
 * Engines are loaded with dynamic import() so that <live-shop> itself carries none.
 */
export interface PlayerEngine {
  readonly kind: EngineKind;
  /** The <video> whose frames are on screen (requestVideoFrameCallback runs on it). */
  readonly video: HTMLVideoElement;
  /**
   * The program date time (epoch ms) of `mediaTime` (seconds, as in
   * VideoFrameCallbackMetadata.mediaTime or video.currentTime), or undefined while the
   * stream's dates are not known. Called once per frame: must not allocate.
   */
  pdtAt(mediaTime: number): number | undefined;
  /**
   * The inverse of `pdtAt`: the media time (seconds) at which the frame dated `pdt` plays,
   * or undefined when the stream has no such date (outside its playlist) or its dates are
   * not known yet. Exact across discontinuities, where media time and dates part ways.
   */
  mediaTimeAt(pdt: number): number | undefined;
  /**
   * The dates a viewer can seek to now: the live DVR window up to the live edge, or the
   * whole recording; undefined while the stream's dates are not known.
   */
  seekableRange(): PdtRange | undefined;
  /** Stops loading, releases the media element and removes what the engine added. */
  destroy(): void;
}
