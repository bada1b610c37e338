import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadLoop } from './assets.js';
import { liveSlots, livePlaylist, recordingSlots, segmentDurationMs, vodPlaylist, type LiveWindow } from './playlist.js';

export interface LiveSimulatorOptions {
  /** The stream's start, epoch ms (slot 0's capture time). Default: one minute ago, on a slot boundary. */
  epochMs?: number;
  /** How many segments the live playlist keeps (the DVR window). Default 150 (5 minutes). */
  windowSegments?: number;
  /** The clock, epoch ms. Default `Date.now`. */
  now?: () => number;
  /** Where the handler is mounted. Default `/hls`. */
  basePath?: string;
}

export interface LiveSimulator {
  readonly epochMs: number;
  readonly windowSegments: number;
  /** Serves the simulator's URLs; returns false (and writes nothing) for any other URL. */
  handle(request: IncomingMessage, response: ServerResponse): boolean;
  /** The live playlist's URL on a server at `origin`. */
  liveUrl(origin: string): string;
  /** The recording's URL on a server at `origin` (default: from the epoch to now). */
  vodUrl(origin: string, recording?: { startPdt: number; durationMs: number }): string;
}

/** The longest recording a VOD playlist lists. */
const MAX_RECORDING_MS = 30 * 60_000;
/** Segments just out of the window stay downloadable: a client may still be fetching them. */
const GRACE_SEGMENTS = 10;

const PLAYLIST_HEADERS = {
  'content-type': 'application/vnd.apple.mpegurl',
  'cache-control': 'no-cache',
  'access-control-allow-origin': '*',
};
const SEGMENT_HEADERS = {
  'content-type': 'video/mp2t',
  'cache-control': 'public, max-age=86400, immutable',
  'access-control-allow-origin': '*',
};

/**
 * A live HLS stream from a few committed segments, with program date times that follow
 * the wall clock: what a real encoder pushing to a CDN looks like to a player, without
 * ffmpeg or a network.
 */
export function createLiveSimulator(options: LiveSimulatorOptions = {}): LiveSimulator {
  const now = options.now ?? Date.now;
  const loop = loadLoop();
  const epochMs = options.epochMs ?? Math.floor((now() - 60_000) / segmentDurationMs) * segmentDurationMs;
  const window: LiveWindow = { epochMs, loopLength: loop.segments.length, windowSegments: options.windowSegments ?? 150 };
  if (!Number.isInteger(window.windowSegments) || window.windowSegments < 3) {
    throw new Error(`windowSegments must be a whole number of at least 3 (HLS players need 3 segments), not ${window.windowSegments}.`);
  }
  const basePath = (options.basePath ?? '/hls').replace(/\/$/, '');

  const send = (response: ServerResponse, head: boolean, status: number, headers: Record<string, string>, body: string | Buffer) => {
    response.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
    response.end(head ? undefined : body);
  };
  // Refusals are never cached: a segment that is "not captured yet" exists 2 s later.
  const refuse = (response: ServerResponse, head: boolean, status: 400 | 404, message: string) =>
    send(response, head, status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'access-control-allow-origin': '*' }, `${message}\n`);
  const notFound = (response: ServerResponse, head: boolean, message: string) => refuse(response, head, 404, message);

  const segment = (response: ServerResponse, head: boolean, slot: number, oldest: number) => {
    const newest = liveSlots(window, now()).last;
    if (slot > newest) return notFound(response, head, `Segment ${slot} is not captured yet; the newest is ${newest}.`);
    if (slot < oldest) return notFound(response, head, `Segment ${slot} has left the window; reload the playlist.`);
    send(response, head, 200, SEGMENT_HEADERS, loop.segments[slot % loop.segments.length] as Buffer);
  };

  return {
    epochMs,
    windowSegments: window.windowSegments,
    liveUrl: (origin) => `${origin}${basePath}/live.m3u8`,
    vodUrl: (origin, recording) =>
      recording ? `${origin}${basePath}/vod.m3u8?start=${recording.startPdt}&duration=${recording.durationMs}` : `${origin}${basePath}/vod.m3u8`,
    handle(request, response) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      const url = new URL(request.url ?? '/', 'http://simulator.invalid');
      if (!url.pathname.startsWith(`${basePath}/`)) return false;
      const path = url.pathname.slice(basePath.length);
      const head = request.method === 'HEAD';

      if (path === '/live.m3u8') {
        send(response, head, 200, PLAYLIST_HEADERS, livePlaylist(window, now()));
        return true;
      }
      if (path === '/vod.m3u8') {
        const start = Number(url.searchParams.get('start') ?? epochMs);
        const duration = Number(url.searchParams.get('duration') ?? now() - start);
        if (!Number.isFinite(start) || !Number.isFinite(duration) || duration <= 0) {
          refuse(response, head, 400, 'start and duration must be numbers (epoch ms, ms), e.g. vod.m3u8?start=1700000000000&duration=60000.');
          return true;
        }
        const recording = recordingSlots(window, start, Math.min(duration, MAX_RECORDING_MS), now());
        if (!recording) notFound(response, head, 'Nothing was recorded in that window yet.');
        else send(response, head, 200, PLAYLIST_HEADERS, vodPlaylist(window, recording));
        return true;
      }
      const match = /^\/(live|vod)\/seg-(\d{1,12})\.ts$/.exec(path);
      if (match) {
        const slot = Number(match[2]);
        const oldest = match[1] === 'live' ? liveSlots(window, now()).first - GRACE_SEGMENTS : 0;
        segment(response, head, slot, oldest);
        return true;
      }
      return false;
    },
  };
}
