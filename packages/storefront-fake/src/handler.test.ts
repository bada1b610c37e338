import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Product } from '@live-shop/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopback } from './control-routes.js';
import { createStorefrontFakeHandler, type StorefrontFakeHandler } from './index.js';
import { ids, testProducts } from './testing/fixtures.js';

const demoProducts = JSON.parse(readFileSync(new URL('../../../examples/demo/catalog/products.json', import.meta.url), 'utf8')) as Product[];

let server: Server;
let origin: string;
let handler: StorefrontFakeHandler;

/** Mounted under /shopify next to another route, as the demo server can mount it. */
beforeAll(async () => {
  handler = createStorefrontFakeHandler({ products: demoProducts, basePath: '/shopify', imageOrigin: 'https://cdn.example/' });
  server = createServer((request, response) => {
    if (handler.handle(request, response)) return;
    response.writeHead(200, { 'content-type': 'text/plain' }).end('the host app');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const graphql = (query: string, path = `/shopify${handler.endpointPath}`) =>
  fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-storefront-access-token': handler.publicAccessToken },
    body: JSON.stringify({ query }),
  });

describe('createStorefrontFakeHandler', () => {
  it('serves the demo catalog under its base path and leaves other URLs to the host server', async () => {
    const response = await graphql('{ products(first: 20) { nodes { id title featuredImage { url } variants(first: 10) { nodes { id } } } } }');
    const { data } = (await response.json()) as { data: { products: { nodes: { id: string; featuredImage: { url: string }; variants: { nodes: unknown[] } }[] } } };
    expect(data.products.nodes).toHaveLength(8);
    expect(data.products.nodes[0]).toMatchObject({ id: 'gid://shopify/Product/7523064180101', featuredImage: { url: 'https://cdn.example/products/waxed-canvas-field-jacket.svg' } });
    expect(data.products.nodes[0]!.variants.nodes).toHaveLength(6);
    expect(await (await fetch(`${origin}/elsewhere`)).text()).toBe('the host app');
    expect(await (await fetch(`${origin}${handler.endpointPath}`)).text()).toBe('the host app');
  });

  it('builds checkout URLs from the Host the client used, under the base path', async () => {
    const response = await graphql('mutation { cartCreate(input: {}) { cart { checkoutUrl } } }');
    const { data } = (await response.json()) as { data: { cartCreate: { cart: { checkoutUrl: string } } } };
    expect(data.cartCreate.cart.checkoutUrl).toMatch(new RegExp(`^${origin}/shopify/cart/c/c1-[0-9a-f]+\\?key=[0-9a-f]+$`));
    expect((await fetch(data.cartCreate.cart.checkoutUrl)).status).toBe(200);
  });

  it('answers CORS preflights for any origin and sends CORS headers on answers', async () => {
    const preflight = await fetch(`${origin}/shopify${handler.endpointPath}`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-shopify-storefront-access-token,x-sdk-variant' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type,x-shopify-storefront-access-token,x-sdk-variant');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const answer = await graphql('{ shop { name } }');
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers another API version with 404 and GET on the endpoint with 405', async () => {
    const other = await graphql('{ shop { name } }', '/shopify/api/2020-01/graphql.json');
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({ errors: expect.stringContaining(handler.endpointPath) });
    expect((await fetch(`${origin}/shopify${handler.endpointPath}`)).status).toBe(405);
  });

  it('accepts an application/graphql body', async () => {
    const response = await fetch(`${origin}/shopify${handler.endpointPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/graphql', 'x-shopify-storefront-access-token': handler.publicAccessToken },
      body: '{ shop { name } }',
    });
    expect(await response.json()).toEqual({ data: { shop: { name: 'Live Shop Demo' } } });
  });

  it('exposes the controls on the handler too', () => {
    handler.setStock('gid://shopify/ProductVariant/4419827360101', 0);
    expect(handler.state.catalog.variants.get('gid://shopify/ProductVariant/4419827360101')).toMatchObject({ quantityAvailable: 0, availableForSale: false });
    handler.reset();
    expect(handler.state.catalog.variants.get('gid://shopify/ProductVariant/4419827360101')).toMatchObject({ quantityAvailable: 6, availableForSale: true });
  });

  it('refuses a bad base path or API version at creation', () => {
    expect(() => createStorefrontFakeHandler({ products: testProducts, basePath: 'shopify' })).toThrow(/basePath/);
    expect(() => createStorefrontFakeHandler({ products: testProducts, apiVersion: 'latest' })).toThrow(/apiVersion/);
  });
});

describe('isLoopback (the /__fake/ controls answer only this machine)', () => {
  it('accepts IPv4 and IPv6 loopback, and nothing else', () => {
    expect(['127.0.0.1', '127.8.9.1', '::1', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['10.0.0.5', '::ffff:192.168.1.2', '2001:db8::1', undefined].map(isLoopback)).toEqual([false, false, false, false]);
  });
});

describe('a variant without a price', () => {
  it('takes the product price', () => {
    const fakeHandler = createStorefrontFakeHandler({ products: testProducts });
    expect(fakeHandler.state.catalog.variants.get(ids.socks)).toMatchObject({ priceCents: 500 });
  });
});
