#!/usr/bin/env node
// The all-in-one local demo: the live simulator (a real live HLS stream), the relay
// (HTTP API + socket.io) and a brand's viewer page with <live-shop>, on one origin, in one
// process. `npm start` at the repository root builds everything and runs this.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { createLiveSimulator } from '@live-shop/live-simulator';
import { startRelay } from '@live-shop/relay';
import { createStorefrontFakeHandler } from '@live-shop/storefront-fake';
import { startAutopilot } from './autopilot.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const bundleDir = join(here, '../../packages/player-element/dist/bundle');

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 4173);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a TCP port number (0–65535), not "${process.env.PORT}".`);
  process.exit(1);
}
const adminKey = process.env.LIVE_SHOP_ADMIN_KEY || randomBytes(18).toString('base64url');
const autopilot = process.env.DEMO_AUTOPILOT !== '0';

// Only failures are logged (as JSON lines, by Fastify's pino): the demo's output stays readable.
// MUX_WEBHOOK_SECRET: the signing secret of a Mux webhook pointed at /v1/webhooks/mux.
const muxWebhookSecret = process.env.MUX_WEBHOOK_SECRET || undefined;
// SHOPIFY_WEBHOOK_SECRET: the client secret of the Shopify app whose orders/create webhook
// points at /v1/webhooks/shopify/orders (or the signing secret of a shop admin webhook).
const shopifyWebhookSecret = process.env.SHOPIFY_WEBHOOK_SECRET || undefined;
// LIVE_SHOP_DATA_DIR: keep the shows and their event logs in this folder across restarts
// (the relay's durable file log); without it the demo starts fresh every time.
const dataDir = process.env.LIVE_SHOP_DATA_DIR || undefined;
const relay = await startRelay({ adminKey, logger: { level: 'error' }, muxWebhookSecret, shopifyWebhookSecret, ...(dataDir ? { dataDir } : {}) });
const { app } = relay;

// The stream started five minutes ago, so viewers can rewind (DVR) from the first second.
const simulator = createLiveSimulator({ epochMs: Date.now() - 5 * 60_000 });
app.route({
  method: ['GET', 'HEAD'],
  url: '/hls/*',
  handler: (request, reply) => {
    reply.hijack();
    if (!simulator.handle(request.raw, reply.raw)) {
      reply.raw.writeHead(404, { 'content-type': 'application/json' });
      reply.raw.end(JSON.stringify({ error: { code: 'not_found', message: `No stream file at ${request.url}; the live playlist is /hls/live.m3u8.` } }));
    }
  },
});

// The store: a real Shopify store when SHOPIFY_STORE_DOMAIN and SHOPIFY_STOREFRONT_TOKEN
// (its public Storefront API token) are set, else the local Storefront API fake (Shopify's
// real schema, real cart state) on this origin, with the demo's catalog as its products.
const catalog = JSON.parse(readFileSync(join(here, 'catalog/products.json'), 'utf8'));
const realStore = process.env.SHOPIFY_STORE_DOMAIN && process.env.SHOPIFY_STOREFRONT_TOKEN
  ? { domain: process.env.SHOPIFY_STORE_DOMAIN, token: process.env.SHOPIFY_STOREFRONT_TOKEN }
  : undefined;
const fakeStore = realStore ? undefined : createStorefrontFakeHandler({ products: catalog, storeName: 'Northwind Outfitters (Storefront fake)' });
if (fakeStore) {
  await app.register(async (scope) => {
    // The fake reads its requests' bodies itself.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (request, payload, done) => done(null));
    for (const url of ['/api/*', '/cart/c/*', '/__fake/*']) {
      scope.route({
        method: ['GET', 'POST', 'OPTIONS', 'DELETE'],
        url,
        handler: (request, reply) => {
          reply.hijack();
          if (fakeStore.handle(request.raw, reply.raw)) return;
          reply.raw.writeHead(404, { 'content-type': 'application/json' });
          reply.raw.end(JSON.stringify({ error: { code: 'not_found', message: `The Storefront fake has nothing at ${request.url}; its API is POST /api/<version>/graphql.json.` } }));
        },
      });
    }
  });
}
// The viewer page, with the store's settings on <live-shop> (the file has the fake's).
const indexHtml = readFileSync(join(here, 'public/index.html'), 'utf8');
const viewerPage = realStore
  ? indexHtml
      .replace('store-domain="live-shop-demo.myshopify.com"', `store-domain="${realStore.domain.replace(/[^\w.-]/g, '')}"`)
      .replace('storefront-token="live-shop-demo-public-token"', `storefront-token="${realStore.token.replace(/[^\w-]/g, '')}"`)
      .replace(' storefront-endpoint="/"', '')
  : indexHtml;
for (const url of ['/', '/index.html']) app.get(url, (request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(viewerPage));
await app.register(fastifyStatic, { root: join(here, 'public'), prefix: '/', index: false });
await app.register(fastifyStatic, { root: join(here, 'catalog/products'), prefix: '/products/', decorateReply: false });
// The example themes (examples/themes), for the viewer page's ?theme=light|dark.
await app.register(fastifyStatic, { root: join(here, '../themes'), prefix: '/themes/', decorateReply: false, allowedPath: (path) => path.endsWith('.css') });
await app.register(fastifyStatic, {
  root: bundleDir,
  prefix: '/sdk/',
  decorateReply: false,
  // The loader is fetched on every page view; its chunks are content-hashed.
  setHeaders: (reply, path) => reply.header('cache-control', path.includes('/chunks/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
});

const address = await app.listen({ host, port });
const origin = process.env.PUBLIC_ORIGIN ?? address.replace('[::1]', 'localhost');

// Seed the show: its catalog (image paths made absolute on this origin) and status.
const products = catalog.map((product) => ({
  ...product,
  images: product.images.map((image) => ({ ...image, url: new URL(image.url, origin).href })),
}));
const fresh = !(await relay.shows.find('demo'));
if (fresh) await relay.shows.create({ id: 'demo', title: 'Northwind Outfitters: the spring trail edit', pdtOffsetMs: 0 });
// Stamped with the stream's first frame: the catalog and the status hold from the start of
// the show, so a viewer who rewinds to any moment sees them.
if (fresh) {
  await relay.shows.append('demo', { type: 'catalog.set', data: { products }, pdt: simulator.epochMs });
  await relay.shows.append('demo', { type: 'show.status', data: { status: 'live', title: 'The spring trail edit', startsAt: simulator.epochMs }, pdt: simulator.epochMs });
}

const { token } = await relay.tokens.issue('demo', 'producer', 12 * 3600);
const stopAutopilot = autopilot ? startAutopilot({ relay, show: 'demo', products, transcript: JSON.parse(readFileSync(join(here, 'catalog/transcript.json'), 'utf8')) }) : () => {};

const first = products[0];
console.log(`
live-shop demo is running.

  Viewer page      ${origin}/
  Producer console ${origin}/console/?show=demo   (paste the producer token below)
  Live stream      ${origin}/hls/live.m3u8
  Relay API        ${origin}/v1   (show id: demo)
  Admin key        ${adminKey}${process.env.LIVE_SHOP_ADMIN_KEY ? '' : '   (generated; set LIVE_SHOP_ADMIN_KEY to choose one)'}
  Producer token   ${token}
  Event log        ${dataDir ? `${dataDir} (kept across restarts)` : 'in memory (set LIVE_SHOP_DATA_DIR to keep it)'}
  Autopilot        ${autopilot ? 'on: the host highlights a product every few seconds (DEMO_AUTOPILOT=0 turns it off)' : 'off'}
  Mux webhook      ${origin}/v1/webhooks/mux   (${muxWebhookSecret ? 'on; link a show with PATCH /v1/shows/:id {"muxLiveStreamId": "…"}' : 'off: set MUX_WEBHOOK_SECRET to turn it on'})
  Store            ${realStore ? `${realStore.domain} (SHOPIFY_STORE_DOMAIN; a real Shopify store)` : `the Storefront API fake at ${origin}/api/2026-04/graphql.json (set SHOPIFY_STORE_DOMAIN and SHOPIFY_STOREFRONT_TOKEN for a real store)`}
  Site's own cart  ${origin}/host-cart.html   (the same show, on a page that keeps its own cart)
  Shopify orders   ${origin}/v1/webhooks/shopify/orders   (${shopifyWebhookSecret ? 'on; sales per moment at GET /v1/shows/demo/orders' : 'off: set SHOPIFY_WEBHOOK_SECRET to turn it on'})

Highlight a product yourself (it appears when each viewer's video reaches this moment):
  curl -X POST ${origin}/v1/shows/demo/events \\
    -H 'authorization: Bearer ${token}' -H 'content-type: application/json' \\
    -d '{"type":"product.highlight","data":{"productId":"${first.id}"}}'
`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    stopAutopilot();
    await relay.close();
    process.exit(0);
  });
}
