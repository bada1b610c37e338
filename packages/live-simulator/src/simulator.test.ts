import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveSimulator } from './simulator.js';

const epochMs = Date.UTC(2026, 10, 21, 12, 0, 0);
let clock = epochMs + 60_000;
const simulator = createLiveSimulator({ epochMs, now: () => clock, windowSegments: 10 });
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (!simulator.handle(request, response)) response.writeHead(418).end('not mine');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the simulator over HTTP', () => {
  it('serves the live playlist, uncached, to any origin', async () => {
    const response = await fetch(simulator.liveUrl(origin));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const text = await response.text();
    expect(text).toContain('#EXT-X-MEDIA-SEQUENCE:20');
    expect(text.trim().split('\n').at(-1)).toBe('live/seg-29.ts');
  });

  it('serves segments of the window as MPEG-TS, and refuses future and expired ones', async () => {
    const segment = await fetch(`${origin}/hls/live/seg-29.ts`);
    expect(segment.status).toBe(200);
    expect(segment.headers.get('content-type')).toBe('video/mp2t');
    const bytes = new Uint8Array(await segment.arrayBuffer());
    expect(bytes[0]).toBe(0x47); // MPEG-TS sync byte
    expect(bytes.length % 188).toBe(0);
    // Slot 29 plays asset 29 mod 8 = 5, the same bytes as slot 5.
    expect(Buffer.from(bytes).equals(Buffer.from(await (await fetch(`${origin}/hls/vod/seg-5.ts`)).arrayBuffer()))).toBe(true);

    const future = await fetch(`${origin}/hls/live/seg-30.ts`);
    expect(future.status).toBe(404);
    expect(await future.text()).toMatch(/not captured yet/);
    expect(future.headers.get('cache-control')).toBe('no-store');
    const expired = await fetch(`${origin}/hls/live/seg-5.ts`);
    expect(expired.status).toBe(404);
    expect(await expired.text()).toMatch(/left the window/);
  });

  it('ignores low-latency HLS query strings', async () => {
    const response = await fetch(`${simulator.liveUrl(origin)}?_HLS_msn=30&_HLS_part=0&_HLS_skip=YES`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('#EXT-X-MEDIA-SEQUENCE:20');
  });

  it('answers HEAD without a body', async () => {
    const response = await fetch(simulator.liveUrl(origin), { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(100);
    expect(await response.text()).toBe('');
  });

  it('serves the recording as VOD, by default from the epoch to now', async () => {
    const text = await (await fetch(simulator.vodUrl(origin))).text();
    expect(text).toContain('#EXT-X-ENDLIST');
    expect(text).toContain(`#EXT-X-PROGRAM-DATE-TIME:${new Date(epochMs).toISOString()}`);
    expect(text.match(/#EXTINF/g)).toHaveLength(30);
    const window = await (await fetch(simulator.vodUrl(origin, { startPdt: epochMs + 10_000, durationMs: 6000 }))).text();
    expect(window.match(/vod\/seg-\d+\.ts/g)).toEqual(['vod/seg-5.ts', 'vod/seg-6.ts', 'vod/seg-7.ts']);
    const bad = await fetch(`${origin}/hls/vod.m3u8?start=soon`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/must be numbers/);
  });

  it('follows the clock', async () => {
    clock += 4000;
    const text = await (await fetch(simulator.liveUrl(origin))).text();
    expect(text.trim().split('\n').at(-1)).toBe('live/seg-31.ts');
  });

  it('leaves other URLs to the caller', async () => {
    for (const path of ['/', '/hls', '/hls/other.m3u8', '/hls/live/seg-x.ts', '/video/live.m3u8']) {
      expect((await fetch(`${origin}${path}`)).status, path).toBe(418);
    }
    expect((await fetch(simulator.liveUrl(origin), { method: 'POST' })).status).toBe(418);
  });

  it('refuses a window too small for a player', () => {
    expect(() => createLiveSimulator({ windowSegments: 2 })).toThrow(/at least 3/);
  });
});
