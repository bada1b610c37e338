#!/usr/bin/env node
// Bundles the browser code: the script-tag build of the SDK (a tiny loader, which is what
// a brand pastes, and the chunks it imports lazily: the elements, then a video engine only
// when one is needed), and the producer console the relay serves. ESM with code
// splitting, so chunks load relative to their entry's own URL from any CDN.
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { cssTemplatesPlugin } from './css-templates.mjs';

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
    plugins: [cssTemplatesPlugin],
  });
  const files = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js')).length;
  console.log(`${what} written to ${outdir.slice(root.length + 1)}/ (${files} files).`);
  return result;
}

const sdkDir = join(root, 'packages/player-element/dist/bundle');
const sdk = await bundle('Browser bundle', { 'live-shop': 'packages/player-element/src/loader.ts' }, sdkDir);
// scripts/size.mjs reads which chunk holds what from here.
writeFileSync(join(sdkDir, 'meta.json'), JSON.stringify(sdk.metafile));
await rebuildLoader(sdk.metafile, sdkDir);

/**
 * Builds the loader again, now that the chunks' names are known, with the list of the
 * chunks each of its lazy imports needs (`__LIVE_SHOP_CHUNKS__`), so that it asks for all
 * of them at once instead of one level of imports per round trip. A build of its own,
 * with those imports pointed at the chunks already written: esbuild's minified names
 * depend on every file of a build, so writing the list into the first build would rename
 * the very chunks it lists.
 */
async function rebuildLoader(metafile, outdir) {
  const { outputs } = metafile;
  const lazy = { engine: 'packages/player-element/src/engines/hls-engine.ts', elements: 'packages/player-element/src/define.ts' };
  const fileOf = (entryPoint) => {
    const file = Object.keys(outputs).find((output) => outputs[output].entryPoint === entryPoint);
    if (!file) throw new Error(`The browser bundle has no chunk for ${entryPoint}: the loader's lazy imports changed, so update rebuildLoader().`);
    return file;
  };
  const closure = (file, into = new Set()) => {
    if (into.has(file)) return into;
    into.add(file);
    for (const imported of outputs[file].imports) if (imported.kind === 'import-statement') closure(imported.path, into);
    return into;
  };
  const fromLoader = (file) => `./${relative(outdir, join(root, file)).split(sep).join('/')}`;
  // Listed as the loader reads them: names in chunks/, without the folder and ".js".
  const chunkName = (file) => {
    const match = /^\.\/chunks\/([\w-]+)\.js$/.exec(fromLoader(file));
    if (!match) throw new Error(`${file} is not a chunk in chunks/, where the loader looks for the chunks it preloads.`);
    return match[1];
  };
  const chunks = Object.fromEntries(Object.entries(lazy).map(([name, entryPoint]) => [name, [...closure(fileOf(entryPoint))].map(chunkName)]));
  const written = new Map(Object.values(lazy).map((entryPoint) => [join(root, entryPoint), fromLoader(fileOf(entryPoint))]));
  await build({
    absWorkingDir: root,
    entryPoints: { 'live-shop': 'packages/player-element/src/loader.ts' },
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome111', 'firefox115', 'safari16'],
    minify: true,
    sourcemap: 'linked',
    define: { 'process.env.NODE_ENV': '"production"', __LIVE_SHOP_CHUNKS__: JSON.stringify(chunks) },
    logLevel: 'warning',
    plugins: [
      {
        name: 'lazy-imports-to-written-chunks',
        setup(loader) {
          loader.onResolve({ filter: /\.js$/, namespace: 'file' }, (args) => {
            if (args.kind !== 'dynamic-import') return undefined;
            const path = written.get(join(args.resolveDir, args.path.replace(/\.js$/, '.ts')));
            if (!path) throw new Error(`The loader imports ${args.path}, which rebuildLoader() does not know: add it to its list.`);
            return { path, external: true };
          });
        },
      },
    ],
  });
}

// The producer console: an app page the relay serves at /console/ (it never imports it),
// with the page and stylesheet from its public/.
await bundle('Producer console', { main: 'packages/producer-console/src/main.ts' }, join(root, 'packages/producer-console/dist/console'), (outdir) =>
  cpSync(join(root, 'packages/producer-console/public'), outdir, { recursive: true }),
);
