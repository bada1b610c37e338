#!/usr/bin/env node
// Bundles the browser code: the script-tag build of the SDK (a tiny loader, which is what
// a brand pastes, and the chunks it imports lazily: the elements, then a video engine only
// when one is needed), and the producer console the relay serves. ESM with code
// splitting, so chunks load relative to their entry's own URL from any CDN.
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds `entry` (name → source) into `outdir`, emptied first, and says what it wrote. */
async function bundle(what, entry, outdir, before = () => {}) {
  rmSync(outdir, { recursive: true, force: true });
  before(outdir);
  const result = await build({
    absWorkingDir: root,
    entryPoints: entry,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome111', 'firefox115', 'safari16'],
    minify: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    // Dev-mode warnings and checks are stripped from production bundles.
    define: { 'process.env.NODE_ENV': '"production"' },
    conditions: ['production'],
    logLevel: 'warning',
  });
  const files = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js')).length;
  console.log(`${what} written to ${outdir.slice(root.length + 1)}/ (${files} files).`);
  return result;
}

const sdkDir = join(root, 'packages/player-element/dist/bundle');
const sdk = await bundle('Browser bundle', { 'live-shop': 'packages/player-element/src/loader.ts' }, sdkDir);
// scripts/size.mjs reads which chunk holds what from here.
writeFileSync(join(sdkDir, 'meta.json'), JSON.stringify(sdk.metafile));

// The producer console: an app page the relay serves at /console/ (it never imports it),
// with the page and stylesheet from its public/.
await bundle('Producer console', { main: 'packages/producer-console/src/main.ts' }, join(root, 'packages/producer-console/dist/console'), (outdir) =>
  cpSync(join(root, 'packages/producer-console/public'), outdir, { recursive: true }),
);
