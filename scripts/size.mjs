#!/usr/bin/env node
// Checks the script-tag build against the size budgets of docs/design.md ("Quality bars"),
// by load path: what a page loads before its first card (the core), then what each part
// of a show adds when the show uses it (a lazy chunk group: chat, polls, the cart…). Sizes
// are gzip -9 of the chunks a path needs, counted once. Run after `pnpm build`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundleDir = join(root, 'packages/player-element/dist/bundle');
const metaPath = join(bundleDir, 'meta.json');
if (!existsSync(metaPath)) {
  console.error('No browser bundle found: run `npm run build` (or `npm test`, which builds first), then run this again.');
  process.exit(1);
}

const KB = 1024;
const LOADER = 'packages/player-element/src/loader.ts';
// The core: the loader, the element with the cards, and the live event source.
const CORE = [LOADER, 'packages/player-element/src/define.ts', 'packages/player-element/src/sources/relay-source.ts'];
const budgets = {
  loader: 5 * KB, // what a brand pastes
  core: 55 * KB,
  // Each lazy group, on top of the core.
  feature: 10 * KB,
  cart: 20 * KB,
};
// Lazy entries measured as one group (the cart: the drawer and, with a Shopify store, its adapter).
const groups = {
  cart: ['packages/cart-drawer/dist/define.js', 'packages/cart-drawer/dist/storefront/index.js'],
};
// Video engines load when a video plays and are measured by the first-frame bench.
const isEngine = (entry) => entry.includes('/engines/');

const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
const outputs = meta.outputs;
const gzipped = new Map();
const gzip = (file) => {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(join(root, file)), { level: 9 }).length);
  return gzipped.get(file);
};
const chunkOf = new Map(Object.entries(outputs).filter(([, output]) => output.entryPoint).map(([file, output]) => [output.entryPoint, file]));

/** The chunks `file` needs before it runs (static imports), added to `into`. */
function closure(file, into = new Set()) {
  if (into.has(file)) return into;
  into.add(file);
  for (const imported of outputs[file].imports) if (imported.kind === 'import-statement') closure(imported.path, into);
  return into;
}
const sizeOf = (files, except = new Set()) => [...files].filter((file) => !except.has(file)).reduce((sum, file) => sum + gzip(file), 0);

const core = new Set();
for (const entry of CORE) {
  const file = chunkOf.get(entry);
  if (!file) throw new Error(`The build has no chunk for ${entry}; was scripts/build-browser.mjs changed?`);
  closure(file, core);
}
const rows = [
  { name: 'loader (what a brand pastes)', size: gzip(chunkOf.get(LOADER)), budget: budgets.loader },
  { name: 'core: element, cards, live relay client, protocol', size: sizeOf(core), budget: budgets.core },
];
const grouped = new Set(Object.values(groups).flat());
for (const [name, entries] of Object.entries(groups)) {
  const files = new Set();
  for (const entry of entries) if (chunkOf.has(entry)) closure(chunkOf.get(entry), files);
  rows.push({ name: `+ ${name} (lazy)`, size: sizeOf(files, core), budget: budgets[name] });
}
for (const [entry, file] of [...chunkOf].sort()) {
  if (CORE.includes(entry) || grouped.has(entry) || isEngine(entry)) continue;
  const name = entry.replace(/^packages\//, '').replace(/\/(src|dist)\//, '/').replace(/\.(ts|js)$/, '');
  rows.push({ name: `+ ${name} (lazy)`, size: sizeOf(closure(file), core), budget: budgets.feature });
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
console.log('\nBrowser bundle by load path, gzip -9:');
let failed = false;
for (const row of rows) {
  const ok = row.size <= row.budget;
  failed ||= !ok;
  console.log(`  ${ok ? 'ok  ' : 'OVER'} ${row.name.padEnd(56)} ${kb(row.size).padStart(9)} of ${kb(row.budget)}`);
}
for (const [entry, file] of chunkOf) if (isEngine(entry)) console.log(`       ${`video engine: ${entry.split('/').pop()}`.padEnd(56)} ${kb(sizeOf(closure(file), core)).padStart(9)} (lazy, when a video plays)`);
if (failed) {
  console.error('\nA size budget is exceeded: find what grew with packages/player-element/dist/bundle/meta.json (esbuild metafile), then shrink it or lazy-load it.');
  process.exit(1);
}
