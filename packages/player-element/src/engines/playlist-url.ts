import { MUX_STREAM_ORIGIN } from '../constants.js';
import type { VideoRequest } from './engine.js';

/** The playlist a request plays through hls.js or native HLS. */
export function playlistUrl(request: VideoRequest): string | undefined {
  if (request.src) return request.src;
  if (request.playbackId) return `${MUX_STREAM_ORIGIN}/${encodeURIComponent(request.playbackId)}.m3u8`;
  return undefined;
}
