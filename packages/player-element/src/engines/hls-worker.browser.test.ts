import { expect, inject, test } from 'vitest';
import '../define.js';
import { EVENTS } from '../constants.js';
import type { LiveShopElement } from '../live-shop.js';
import { nextEvent } from '../test-helpers.js';

const origin = inject('simulatorOrigin');

// hls.js demuxes and remuxes every segment; on the page's main thread that is a long task
// per segment on a slow device (bench/long-tasks.mjs saw 50–85 ms ones), which the chat and
// the cards then wait behind. The player plays hls.js' build that does it in a Web Worker.
test("hls.js transmuxes the stream in a Web Worker, off the page's main thread", async () => {
  const NativeWorker = window.Worker;
  const started: string[] = [];
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      started.push(String(url));
    }
  };
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
    warn(...args);
  };
  const player = document.createElement('live-shop') as LiveShopElement;
  try {
    player.style.width = '640px';
    player.src = `${origin}/hls/live.m3u8`;
    const ready = nextEvent(player, EVENTS.ready, 20_000);
    document.body.append(player);
    await ready;
    const first = player.currentPdt ?? Number.NaN;
    await expect.poll(() => player.currentPdt ?? Number.NaN, { timeout: 5_000, interval: 50 }).toBeGreaterThan(first + 1_000);
    // One worker, started from hls.js' own code (a blob: URL, so a CDN-hosted SDK needs no
    // worker file of the page's origin), and no fallback to the main thread.
    expect(started).toEqual([expect.stringMatching(/^blob:/)]);
    expect(warnings.filter((warning) => /worker/i.test(warning))).toEqual([]);
  } finally {
    player.remove();
    window.Worker = NativeWorker;
    console.warn = warn;
  }
});
