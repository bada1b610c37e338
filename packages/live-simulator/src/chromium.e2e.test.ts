import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';
import { loadLoop } from './assets.js';
import { createLiveSimulator, segmentDurationMs } from './index.js';

// The simulator's stream in Debian's Chromium through hls.js, the engine the SDK plays
// plain HLS with: the codecs decode through MSE, the live stream plays across a loop
// wrap (an EXT-X-DISCONTINUITY) without stalling, and the date of the playhead follows
// the wall clock without jumps. Waits on conditions, never on fixed sleeps.
//
// hls.js is borrowed from @live-shop/player-element (the exact copy the SDK ships): this
// package declares no dependencies of its own. playwright-core comes from the root.
const fromPlayer = createRequire(new URL('../../player-element/package.json', import.meta.url));
const hlsScript = readFileSync(fromPlayer.resolve('hls.js/dist/hls.min.js'));

/** Runs in the page: plays `?src=` with hls.js and records what the checks below read. */
const probePage = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
<video muted autoplay playsinline width="640" height="360"></video>
<script src="/hls.min.js"></script>
<script>
  const params = new URLSearchParams(location.search);
  const video = document.querySelector('video');
  const hls = new Hls();
  const probe = (window.probe = {
    supported: MediaSource.isTypeSupported(params.get('codecs')),
    fatal: [], frags: [], samples: [], ended: false, firstPdt: null, endList: false, audioBytes: 0, videoFrames: 0,
  });
  hls.on(Hls.Events.ERROR, (_event, data) => { if (data.fatal) probe.fatal.push(data.type + ': ' + data.details); });
  hls.on(Hls.Events.LEVEL_LOADED, (_event, data) => {
    probe.firstPdt ??= data.details.fragments[0]?.programDateTime ?? null;
    probe.endList = !data.details.live;
  });
  hls.on(Hls.Events.FRAG_CHANGED, (_event, data) => probe.frags.push({ sn: data.frag.sn, cc: data.frag.cc }));
  video.addEventListener('ended', () => { probe.ended = true; });
  video.addEventListener('playing', () => { video.playbackRate = Number(params.get('rate') ?? 1); });
  hls.loadSource(params.get('src'));
  hls.attachMedia(video);
  setInterval(() => {
    if (video.currentTime === 0) return;
    probe.samples.push({ wall: Date.now(), media: video.currentTime, pdt: hls.playingDate?.getTime() ?? null });
    probe.audioBytes = video.webkitAudioDecodedByteCount;
    probe.videoFrames = video.getVideoPlaybackQuality().totalVideoFrames;
  }, 250);
</script>`;

interface Sample {
  wall: number;
  media: number;
  pdt: number | null;
}

interface Probe {
  supported: boolean;
  fatal: string[];
  frags: { sn: number; cc: number }[];
  samples: Sample[];
  ended: boolean;
  firstPdt: number | null;
  endList: boolean;
  audioBytes: number;
  videoFrames: number;
}

const simulator = createLiveSimulator();
let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (simulator.handle(request, response)) return;
    const path = new URL(request.url ?? '/', 'http://probe.invalid').pathname;
    if (path === '/hls.min.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(hlsScript);
    else if (path === '/probe') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(probePage);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The test server did not get a TCP port.');
  origin = `http://127.0.0.1:${address.port}`;
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

async function openProbe(src: string, rate = 1): Promise<Page> {
  const page = await browser.newPage();
  const query = new URLSearchParams({ src, rate: String(rate), codecs: `video/mp4; codecs="${loadLoop().codecs}"` });
  await page.goto(`${origin}/probe?${query}`);
  return page;
}

const readProbe = async (page: Page): Promise<Probe> => (await page.evaluate('window.probe')) as Probe;

/** Largest disagreement, in ms, between how far the date moved and how far the media moved. */
function largestDateJump(samples: Sample[]): number {
  let largest = 0;
  for (let index = 1; index < samples.length; index++) {
    const [before, after] = [samples[index - 1]!, samples[index]!];
    if (before.pdt === null || after.pdt === null) continue;
    largest = Math.max(largest, Math.abs(after.pdt - before.pdt - (after.media - before.media) * 1000));
  }
  return largest;
}

/** Longest wall-clock time, in ms, during which the playhead did not move. */
function longestFreeze(samples: Sample[]): number {
  let longest = 0;
  let since: number | undefined;
  for (let index = 1; index < samples.length; index++) {
    const [before, after] = [samples[index - 1]!, samples[index]!];
    if (after.media === before.media) since ??= before.wall;
    else since = undefined;
    if (since !== undefined) longest = Math.max(longest, after.wall - since);
  }
  return longest;
}

describe('the simulator in Chromium with hls.js', () => {
  it('plays the live stream across a loop wrap, its dates following the wall clock', async () => {
    const page = await openProbe(simulator.liveUrl(origin));
    // 20 s of media, which always crosses one wrap of the 16 s loop.
    await page.waitForFunction(
      'window.probe.samples.length > 1 && window.probe.samples.at(-1).media - window.probe.samples[0].media >= 20 || window.probe.fatal.length > 0',
      undefined,
      { timeout: 40_000, polling: 250 },
    );
    const probe = await readProbe(page);
    await page.close();

    expect(probe.supported, 'H.264 Main + AAC-LC through MSE').toBe(true);
    expect(probe.fatal).toEqual([]);
    expect(probe.videoFrames).toBeGreaterThan(500);
    expect(probe.audioBytes).toBeGreaterThan(0);
    expect(new Set(probe.frags.map((frag) => frag.cc)).size, 'crossed a discontinuity').toBeGreaterThan(1);

    const samples = probe.samples;
    const [first, last] = [samples[0]!, samples.at(-1)!];
    expect((last.media - first.media) / ((last.wall - first.wall) / 1000), 'playback rate').toBeGreaterThan(0.9);
    expect(longestFreeze(samples), 'longest freeze (ms)').toBeLessThan(1000);

    for (const sample of samples) {
      expect(sample.pdt).not.toBeNull();
      // A live viewer is a few segments behind the newest complete one.
      expect(sample.wall - sample.pdt!).toBeGreaterThan(segmentDurationMs);
      expect(sample.wall - sample.pdt!).toBeLessThan(12_000);
    }
    // Less than two frames: audio that started before its video (B-frames, AAC priming)
    // made this ~50-65 ms at every fragment boundary.
    expect(largestDateJump(samples), 'largest date jump (ms)').toBeLessThan(40);
    expect((last.pdt! - first.pdt!) / (last.wall - first.wall), 'date rate').toBeGreaterThan(0.9);
    expect((last.pdt! - first.pdt!) / (last.wall - first.wall), 'date rate').toBeLessThan(1.1);
  });

  it('plays the recording to its end, keeping the date of its first frame', async () => {
    // Slots 6-9: the loop wraps at slot 8. Played at 4× to keep the test short.
    const startPdt = simulator.epochMs + 6 * segmentDurationMs;
    const page = await openProbe(simulator.vodUrl(origin, { startPdt, durationMs: 4 * segmentDurationMs }), 4);
    await page.waitForFunction('window.probe.ended || window.probe.fatal.length > 0', undefined, { timeout: 20_000, polling: 100 });
    const probe = await readProbe(page);
    await page.close();

    expect(probe.fatal).toEqual([]);
    expect(probe.ended).toBe(true);
    expect(probe.endList).toBe(true);
    expect(probe.firstPdt).toBe(startPdt);
    expect(probe.frags.map((frag) => [frag.sn, frag.cc])).toEqual([
      [6, 0],
      [7, 0],
      [8, 1],
      [9, 1],
    ]);
    expect(largestDateJump(probe.samples), 'largest date jump (ms)').toBeLessThan(40);
  });
});
