// Where hls.js' UMD build is: the script-tag build (scripts/build-browser.mjs) and the tests
// (vitest.config.ts) play it instead of hls.js' ESM build. Only the UMD build carries the
// code of its own Web Worker (it starts a worker from its own source), so with it hls.js
// demuxes and remuxes the stream off the page's main thread, as hls.js does by default; its
// ESM build does that work on the main thread (bench/long-tasks.mjs saw 50–85 ms tasks of
// it) unless given a worker script of the same origin as the page, which a CDN-hosted SDK
// is not. It costs ~7 KB gzip on the video engine chunk. Where a page's CSP refuses blob:
// workers, hls.js falls back to the main thread.
import { createRequire } from 'node:module';

export const HLS_UMD = createRequire(new URL('../packages/player-element/package.json', import.meta.url)).resolve('hls.js');
