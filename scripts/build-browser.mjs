#!/usr/bin/env node
// Bundles the script-tag build of the SDK: a tiny loader (what a brand pastes) and the
// chunks it imports lazily (the elements, then a video engine only when one is needed).
// ESM with code splitting, so chunks load relative to the loader's own URL from any CDN.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'packages/player-element/dist/bundle');
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: { 'live-shop': 'packages/player-element/src/loader.ts' },
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
  // Dev-mode warnings and checks are stripped from the production bundle.
  define: { 'process.env.NODE_ENV': '"production"' },
  conditions: ['production'],
  logLevel: 'warning',
});

writeFileSync(join(outdir, 'meta.json'), JSON.stringify(result.metafile));
console.log(`Browser bundle written to ${outdir.slice(root.length + 1)}/ (${Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js')).length} files).`);

// The producer console: an app page the relay serves at /console/ (it never imports it).
// Same settings; its own output folder, with the page and stylesheet from its public/.
const consoleDir = join(root, 'packages/producer-console/dist/console');
rmSync(consoleDir, { recursive: true, force: true });
cpSync(join(root, 'packages/producer-console/public'), consoleDir, { recursive: true });
const consoleResult = await build({
  absWorkingDir: root,
  entryPoints: { main: 'packages/producer-console/src/main.ts' },
  outdir: consoleDir,
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
  define: { 'process.env.NODE_ENV': '"production"' },
  conditions: ['production'],
  logLevel: 'warning',
});
console.log(`Producer console written to ${consoleDir.slice(root.length + 1)}/ (${Object.keys(consoleResult.metafile.outputs).filter((file) => file.endsWith('.js')).length} files).`);
