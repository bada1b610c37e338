import { ENGINES } from '../constants.js';
import { playerError } from '../errors.js';
import type { EngineContext, PdtRange, PlayerEngine } from './engine.js';

/** Safari's non-standard date of media time 0 (from EXT-X-PROGRAM-DATE-TIME); not in lib.dom. */
interface VideoWithStartDate extends HTMLVideoElement {
  getStartDate?: () => Date;
}

/**
 * The browser's own HLS, used only where Media Source Extensions are missing (iPhone
 * Safari before ManagedMediaSource). Dates come from Safari's getStartDate(), which is
 * precise only while the stream has no discontinuity; hls.js is preferred everywhere else.
 */
export class NativeHlsEngine implements PlayerEngine {
  readonly kind = ENGINES.native;
  readonly video: VideoWithStartDate;
  readonly #context: EngineContext;
  #startMs = Number.NaN;

  constructor(url: string, context: EngineContext) {
    this.#context = context;
    this.video = context.video;
    context.container.replaceChildren(this.video);
    this.video.addEventListener('error', this.#onError);
    this.video.addEventListener('loadedmetadata', this.#readStartDate);
    this.video.src = url;
  }

  pdtAt(mediaTime: number): number | undefined {
    // The start date is read once per load (it is a new Date each call).
    if (Number.isNaN(this.#startMs)) this.#readStartDate();
    return Number.isNaN(this.#startMs) ? undefined : this.#startMs + mediaTime * 1000;
  }

  mediaTimeAt(pdt: number): number | undefined {
    if (Number.isNaN(this.#startMs)) this.#readStartDate();
    return nativeMediaTimeAt(this.video, Number.isNaN(this.#startMs) ? undefined : this.#startMs, pdt);
  }

  seekableRange(): PdtRange | undefined {
    if (Number.isNaN(this.#startMs)) this.#readStartDate();
    return nativeSeekableRange(this.video, Number.isNaN(this.#startMs) ? undefined : this.#startMs);
  }

  destroy(): void {
    this.video.removeEventListener('error', this.#onError);
    this.video.removeEventListener('loadedmetadata', this.#readStartDate);
    this.video.removeAttribute('src');
    this.video.load();
  }

  #readStartDate = (): void => {
    this.#startMs = this.video.getStartDate?.().getTime() ?? Number.NaN;
  };

  #onError = (): void => {
    const code = this.video.error?.code === MediaError.MEDIA_ERR_NETWORK ? 'stream-network' : 'stream-media';
    this.#context.onError(playerError(code));
  };
}

/**
 * The seekable dates of a video whose media time 0 is dated `startMs` (Safari's native HLS,
 * where `video.seekable` is the DVR window or the recording).
 */
export function nativeSeekableRange(video: HTMLVideoElement, startMs: number | undefined): PdtRange | undefined {
  const seekable = video.seekable;
  if (startMs === undefined || seekable.length === 0) return undefined;
  return { startPdt: startMs + seekable.start(0) * 1000, endPdt: startMs + seekable.end(seekable.length - 1) * 1000 };
}

/** The media time of `pdt` on such a video, if it is seekable. */
export function nativeMediaTimeAt(video: HTMLVideoElement, startMs: number | undefined, pdt: number): number | undefined {
  const range = nativeSeekableRange(video, startMs);
  if (startMs === undefined || !range || !(pdt >= range.startPdt && pdt <= range.endPdt)) return undefined;
  return (pdt - startMs) / 1000;
}
