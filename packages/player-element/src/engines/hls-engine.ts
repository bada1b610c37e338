import Hls, { ErrorTypes, Events, type ErrorData } from 'hls.js';
import { ENGINES } from '../constants.js';
import { playerError } from '../errors.js';
import type { EngineContext, PdtRange, PlayerEngine } from './engine.js';
import { FragmentPdtLookup } from './fragment-pdt.js';
import { hlsConfig, takePreloadedStream } from './stream-preload.js';

export { preloadStream } from './stream-preload.js';

/**
 * Plays HLS through hls.js and Media Source Extensions: the engine for any `src` and, by
 * default, for Mux playback ids too (through their stream.mux.com playlist). Loaded only
 * when a stream is to be played.
 */
export class HlsEngine implements PlayerEngine {
  readonly kind = ENGINES.hls;
  readonly video: HTMLVideoElement;
  readonly #hls: Hls;
  readonly #lookup = new FragmentPdtLookup();
  readonly #context: EngineContext;
  #recoveredMediaError = false;

  constructor(url: string, context: EngineContext) {
    this.#context = context;
    this.video = context.video;
    context.container.replaceChildren(this.video);
    // The stream the script-tag loader already plays into this video, else a new one.
    const preloaded = takePreloadedStream(url, context.mode, this.video);
    this.#hls = preloaded ?? new Hls(hlsConfig(context.mode));
    this.#hls.on(Events.ERROR, this.#onError);
    if (!preloaded) {
      this.#hls.loadSource(url);
      this.#hls.attachMedia(this.video);
    }
  }

  pdtAt(mediaTime: number): number | undefined {
    return this.#lookup.pdtAt(this.#hls, mediaTime);
  }

  mediaTimeAt(pdt: number): number | undefined {
    return this.#lookup.mediaTimeAt(this.#hls, pdt);
  }

  seekableRange(): PdtRange | undefined {
    return this.#lookup.pdtRange(this.#hls);
  }

  destroy(): void {
    this.#hls.off(Events.ERROR, this.#onError);
    this.#hls.destroy();
  }

  #onError = (_event: Events.ERROR, data: ErrorData): void => {
    // Non-fatal errors are retried by hls.js itself (load policies); only fatal ones end playback.
    if (!data.fatal) return;
    if (data.type === ErrorTypes.MEDIA_ERROR && !this.#recoveredMediaError) {
      // hls.js' documented recovery: detach and re-attach the media once.
      this.#recoveredMediaError = true;
      this.#hls.recoverMediaError();
      return;
    }
    const code = data.type === ErrorTypes.NETWORK_ERROR ? 'stream-network' : data.type === ErrorTypes.MEDIA_ERROR ? 'stream-media' : 'stream-unsupported';
    console.warn(`[live-shop] hls.js fatal ${data.type}: ${data.details}`, data.error);
    this.#context.onError(playerError(code));
  };
}
