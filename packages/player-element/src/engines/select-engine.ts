import { ENGINES } from '../constants.js';
import { playerError, type PlayerError } from '../errors.js';
import type { EngineContext, PlayerEngine, VideoRequest } from './engine.js';
import { playlistUrl } from './playlist-url.js';

/** Thrown when no engine can play the request; carries the error to show. */
export class EngineUnavailableError extends Error {
  readonly playerError: PlayerError;
  constructor(error: PlayerError) {
    super(error.message);
    this.playerError = error;
  }
}

/** Media Source Extensions (or Safari's ManagedMediaSource), which hls.js needs. */
export function hasMediaSource(): boolean {
  return 'MediaSource' in globalThis || 'ManagedMediaSource' in globalThis;
}

/**
 * Picks and loads the engine for a request. Each engine is a separate dynamic import, so
 * the element's chunk holds no video code and a page pays only for the engine it uses:
 * - `engine="mux-player"`: @mux/mux-player, for a playback id or any HLS `src`;
 * - otherwise hls.js when Media Source Extensions exist (playback ids through stream.mux.com);
 * - otherwise the browser's native HLS.
 */
export async function createEngine(request: VideoRequest, context: EngineContext): Promise<PlayerEngine> {
  if (request.engine === ENGINES.muxPlayer && (request.playbackId || request.src)) {
    const { MuxEngine } = await import('./mux-engine.js');
    return MuxEngine.create(request.src ? { src: request.src } : { playbackId: request.playbackId as string }, context);
  }
  const url = playlistUrl(request);
  if (url === undefined) throw new EngineUnavailableError(playerError('no-video'));
  if (request.engine !== ENGINES.native && hasMediaSource()) {
    const { HlsEngine } = await import('./hls-engine.js');
    return new HlsEngine(url, context);
  }
  if (context.video.canPlayType('application/vnd.apple.mpegurl') !== '') {
    const { NativeHlsEngine } = await import('./native-engine.js');
    return new NativeHlsEngine(url, context);
  }
  throw new EngineUnavailableError(playerError('stream-unsupported'));
}
