#!/usr/bin/env node
// Prints the gzip size of each browser entry of the script-tag build and fails when a
// budget from docs/ (DESIGN.md "Quality bars") is exceeded. Run after `pnpm build`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
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
const budgets = {
  loader: 5 * KB, // what a brand pastes
  sdk: 45 * KB, // every chunk except the video engines and the cart, all together
  // The cart (drawer, host-site and Shopify adapters, Shopify's client): loaded only on a
  // page that sells through the player, when it has a store or pushes its own cart.
  cart: 20 * KB,
};
// A chunk belongs to a video engine when its code comes from one of these packages; they
// load only when a video plays and are measured separately (see bench/ first-frame).
const enginePackages = ['hls.js', '@mux/', 'media-chrome', 'mux-embed', 'player.style', 'castable-video', 'media-tracks'];
// A chunk belongs to the cart when most of its code comes from these.
const isCartInput = (input) => input.includes('packages/cart-drawer/') || input.includes('node_modules/@shopify/') || input.includes('/node_modules/.pnpm/@shopify+');

const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
const loaderEntry = 'packages/player-element/src/loader.ts';
const gzip = (file) => gzipSync(readFileSync(join(root, file)), { level: 9 }).length;
const rows = [];
let sdk = 0;
let cart = 0;
let loader = 0;
for (const [file, output] of Object.entries(meta.outputs)) {
  if (!file.endsWith('.js')) continue;
  const inputs = Object.keys(output.inputs);
  const engineBytes = inputs
    .filter((input) => enginePackages.some((name) => input.includes(`node_modules/${name}`) || input.includes(`/node_modules/.pnpm/${name.replace('/', '+')}`)))
    .reduce((sum, input) => sum + output.inputs[input].bytesInOutput, 0);
  const isEngine = engineBytes > output.bytes / 2;
  const cartBytes = inputs.filter(isCartInput).reduce((sum, input) => sum + output.inputs[input].bytesInOutput, 0);
  const isCart = !isEngine && cartBytes > output.bytes / 2;
  const size = gzip(file);
  // Dynamic-import chunks have an entryPoint too; the loader is the configured entry.
  const isLoader = output.entryPoint === loaderEntry;
  if (isLoader) loader += size;
  if (isCart) cart += size;
  else if (!isEngine) sdk += size; // the loader counts toward the SDK too
  rows.push({ file: relative(bundleDir, join(root, file)), kind: isLoader ? 'loader' : isEngine ? 'video engine (lazy)' : isCart ? 'cart (lazy)' : 'sdk (lazy)', gzip: size });
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
rows.sort((a, b) => a.kind.localeCompare(b.kind) || b.gzip - a.gzip);
console.log('\nBrowser bundle, gzip -9:');
for (const row of rows) console.log(`  ${row.kind.padEnd(20)} ${kb(row.gzip).padStart(9)}  ${row.file}`);
const checks = [
  ['loader', loader, budgets.loader],
  ['SDK without the video engine and the cart', sdk, budgets.sdk],
  ['cart (drawer, adapters, Shopify client)', cart, budgets.cart],
];
let failed = false;
console.log('');
for (const [name, size, budget] of checks) {
  const ok = size <= budget;
  failed ||= !ok;
  console.log(`  ${ok ? 'ok  ' : 'OVER'} ${name}: ${kb(size)} of ${kb(budget)} budget`);
}
if (failed) {
  console.error('\nA size budget is exceeded: find what grew with packages/player-element/dist/bundle/meta.json (esbuild metafile), then shrink it or lazy-load it.');
  process.exit(1);
}
