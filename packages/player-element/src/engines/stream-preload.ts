import Hls, { Events, type ErrorData, type HlsConfig } from 'hls.js';
import { ENGINES, type PlayerMode } from '../constants.js';
import type { VideoRequest } from './engine.js';
import { playlistUrl } from './playlist-url.js';

/** How long a started stream waits for its element before it is dropped (a page that changed its mind). */
const UNCLAIMED_MS = 30_000;
/** The longest the loader holds the elements back for the first frame (a slow or hidden stream). */
const FIRST_FRAME_WAIT_MS = 3_000;

interface PreloadedStream {
  url: string;
  mode: PlayerMode;
  video: HTMLVideoElement;
  hls: Hls;
  failed: boolean;
  onError: (event: Events.ERROR, data: ErrorData) => void;
  expiry: ReturnType<typeof setTimeout>;
}

let preloaded: PreloadedStream | undefined;

/**
 * hls.js' settings for a mode: its defaults, but a replay starts at the beginning. Live
 * starts at hls.js' default live sync point (3 target durations behind the edge), which
 * is what the card-to-video sync benchmark assumes.
 */
export function hlsConfig(mode: PlayerMode): Partial<HlsConfig> {
  return { startPosition: mode === 'replay' ? 0 : -1 };
}

/**
 * Starts playing the stream `request` names into `video` before <live-shop> is defined:
 * the script-tag loader calls it as soon as hls.js is in, with a <video> it put in the
 * page, so the first frame waits for neither the element's code nor its first render
 * (bench/first-frame.mjs). The element takes the video and the stream over (see
 * {@link takePreloadedStream}). Nothing is started for requests hls.js would not play
 * (mux-player, native HLS).
 *
 * @returns resolves once the video has presented its first frame, or the stream failed,
 *   or after a few seconds: when the loader goes on with the elements.
 */
export function preloadStream(request: VideoRequest, mode: PlayerMode, video: HTMLVideoElement): Promise<void> {
  const url = playlistUrl(request);
  if (url === undefined || request.engine === ENGINES.native || request.engine === ENGINES.muxPlayer || !Hls.isSupported()) return Promise.resolve();
  drop(preloaded);
  const hls = new Hls(hlsConfig(mode));
  let settle = (): void => undefined;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const stream: PreloadedStream = {
    url,
    mode,
    video,
    hls,
    failed: false,
    // A stream that failed before its element came is not handed over: the engine starts afresh and reports what it meets.
    onError: (_event, data) => {
      if (!data.fatal) return;
      stream.failed = true;
      settle();
    },
    expiry: setTimeout(() => {
      if (preloaded === stream) preloaded = undefined;
      drop(stream);
    }, UNCLAIMED_MS),
  };
  hls.on(Events.ERROR, stream.onError);
  hls.loadSource(url);
  hls.attachMedia(video);
  preloaded = stream;
  // Without requestVideoFrameCallback (older browsers), the time limit stands in for it.
  video.requestVideoFrameCallback?.(() => settle());
  const limit = setTimeout(settle, FIRST_FRAME_WAIT_MS);
  return settled.finally(() => clearTimeout(limit));
}

/**
 * The stream preloaded for `url` in `mode` into `video`, now the caller's to keep and
 * destroy; any other preloaded stream is dropped (the page changed the element's source,
 * or the element is not the one the loader started it for).
 */
export function takePreloadedStream(url: string, mode: PlayerMode, video: HTMLVideoElement): Hls | undefined {
  const stream = preloaded;
  preloaded = undefined;
  if (!stream) return undefined;
  stream.hls.off(Events.ERROR, stream.onError);
  if (stream.url !== url || stream.mode !== mode || stream.video !== video || stream.failed) {
    drop(stream);
    return undefined;
  }
  clearTimeout(stream.expiry);
  return stream.hls;
}

function drop(stream: PreloadedStream | undefined): void {
  if (!stream) return;
  clearTimeout(stream.expiry);
  stream.hls.destroy();
}
