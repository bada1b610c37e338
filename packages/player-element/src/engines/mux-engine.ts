// Defines <mux-player> (this whole module is itself loaded on demand).
import '@mux/mux-player';
import type * as MuxPlayerModule from '@mux/mux-player';
import { ENGINES } from '../constants.js';
import { playerError } from '../errors.js';
import type { EngineContext, PdtRange, PlayerEngine } from './engine.js';
import { FragmentPdtLookup } from './fragment-pdt.js';
import { nativeMediaTimeAt, nativeSeekableRange } from './native-engine.js';

const MEDIA_WAIT_MS = 5_000;

// @mux/mux-player ships CommonJS-flavoured typings (its package.json has no "type"), so
// under NodeNext its default export appears as `.default.default`; bundlers use its ESM build.
type MuxPlayerElement = InstanceType<typeof MuxPlayerModule.default.default>;

/**
 * Plays a Mux playback id through @mux/mux-player, with Mux's controls and player
 * features. Chosen only with `engine="mux-player"`: mux-player costs a long task of
 * ~300 ms before the first frame (DESIGN.md, quality bars), while the same playback id
 * plays through hls.js from stream.mux.com without it, so hls.js is the default.
 */
export class MuxEngine implements PlayerEngine {
  readonly kind = ENGINES.muxPlayer;
  readonly #player: MuxPlayerElement;
  readonly #lookup = new FragmentPdtLookup();
  readonly #context: EngineContext;
  #video: HTMLVideoElement | undefined;

  /** Creates the player and waits until its inner <video> exists. */
  static async create(stream: { playbackId: string } | { src: string }, context: EngineContext): Promise<MuxEngine> {
    const engine = new MuxEngine(stream, context);
    try {
      engine.#video = await engine.#innerVideo();
    } catch (error) {
      engine.destroy();
      throw error;
    }
    return engine;
  }

  private constructor(stream: { playbackId: string } | { src: string }, context: EngineContext) {
    this.#context = context;
    // Created here, not by a template, so nothing references the tag before its import ran.
    const player = document.createElement('mux-player') as MuxPlayerElement;
    player.streamType = context.mode === 'replay' ? 'on-demand' : 'live';
    player.autoplay = context.video.autoplay;
    player.muted = context.video.muted;
    // Viewing analytics go to the site's own collector (the `beacon` attribute), not to Mux Data.
    player.disableTracking = true;
    // A playback id plays from Mux; any other HLS URL plays as given (and is how the
    // engine is tested against the local live simulator).
    if ('src' in stream) player.src = stream.src;
    else player.playbackId = stream.playbackId;
    player.style.width = player.style.height = '100%';
    player.addEventListener('error', this.#onError);
    this.#player = player;
    context.container.replaceChildren(player);
  }

  get video(): HTMLVideoElement {
    // create() has set it; the fallback only serves a destroyed engine.
    return this.#video ?? this.#context.video;
  }

  pdtAt(mediaTime: number): number | undefined {
    const hls = this.#player._hls;
    if (hls) return this.#lookup.pdtAt(hls, mediaTime);
    // Native HLS (Safari): mux-player exposes the stream's start date.
    const start = this.#startMs();
    return start === undefined ? undefined : start + mediaTime * 1000;
  }

  #startMs(): number | undefined {
    const start = this.#player.getStartDate()?.getTime();
    return start === undefined || Number.isNaN(start) ? undefined : start;
  }

  mediaTimeAt(pdt: number): number | undefined {
    const hls = this.#player._hls;
    if (hls) return this.#lookup.mediaTimeAt(hls, pdt);
    return nativeMediaTimeAt(this.video, this.#startMs(), pdt);
  }

  seekableRange(): PdtRange | undefined {
    const hls = this.#player._hls;
    if (hls) return this.#lookup.pdtRange(hls);
    return nativeSeekableRange(this.video, this.#startMs());
  }

  destroy(): void {
    this.#player.removeEventListener('error', this.#onError);
    this.#player.remove();
  }

  async #innerVideo(): Promise<HTMLVideoElement> {
    const deadline = performance.now() + MEDIA_WAIT_MS;
    for (;;) {
      const video = this.#player.media?.nativeEl;
      if (video) return video;
      if (performance.now() > deadline) throw new Error('mux-player did not create its video element within 5 s.');
      await new Promise((resolve) => setTimeout(resolve, 16));
    }
  }

  #onError = (): void => {
    this.#context.onError(playerError('stream-network'));
  };
}
