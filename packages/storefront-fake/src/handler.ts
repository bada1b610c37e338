import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Product } from '@live-shop/protocol';
import { CHECKOUT_PAGE_CSP, checkoutNotFoundPage, checkoutPage, unavailablePage } from './checkout-page.js';
import { answerGraphQL, describeRequest, readRequest } from './graphql-endpoint.js';
import { handleControlRoute } from './control-routes.js';
import { CORS_HEADERS, readBody, sendJson } from './http.js';
import { storefrontApiVersion } from './schema.js';
import { StorefrontFakeState, type PendingFault, type StorefrontFakeControls } from './state.js';
import type { ResolveContext } from './views.js';

export interface StorefrontFakeHandlerOptions {
  /** The catalog, in the protocol's `Product` shape (e.g. `examples/demo/catalog/products.json`). */
  products: readonly Product[];
  /** Shown on the checkout page and as `shop.name`. Default "Live Shop Demo". */
  storeName?: string;
  /** The `storeDomain` clients are configured with. Default "live-shop-demo.myshopify.com". */
  storeDomain?: string;
  /** The token clients must send as `X-Shopify-Storefront-Access-Token`. Default "live-shop-demo-public-token". */
  publicAccessToken?: string;
  /** The API version in the endpoint path. Default the schema's, "2026-04". */
  apiVersion?: string;
  /** A path prefix the routes live under when mounted on another server, e.g. "/shopify". Default "". */
  basePath?: string;
  /**
   * The fake's origin, for checkout URLs. Default: `http://` and the request's `Host`
   * header, which is right unless a proxy in front terminates TLS.
   */
  origin?: string;
  /**
   * The origin relative image URLs (e.g. "/products/jacket.svg") are resolved against.
   * Default: the fake's origin, which serves no images itself: set it to wherever the
   * catalog's images are served (the demo server serves them on its own origin).
   */
  imageOrigin?: string;
  /** The clock for cart timestamps. */
  now?: () => Date;
}

/**
 * A node `http` request listener answering the fake's routes (404 for any other), with
 * `handle()` for mounting next to other routes and the test controls of StorefrontFakeControls.
 */
export interface StorefrontFakeHandler extends StorefrontFakeControls {
  (request: IncomingMessage, response: ServerResponse): void;
  /** Answers the fake's routes and returns true; returns false (and writes nothing) for any other URL. */
  handle(request: IncomingMessage, response: ServerResponse): boolean;
  readonly storeName: string;
  readonly storeDomain: string;
  readonly publicAccessToken: string;
  readonly apiVersion: string;
  /** The GraphQL endpoint's path, e.g. "/api/2026-04/graphql.json". */
  readonly endpointPath: string;
  /** The state behind the routes (catalog, carts, faults, request log). */
  readonly state: StorefrontFakeState;
}

/** Shopify's answer to a missing or wrong access token. */
const UNAUTHORIZED = { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' };

function sendHtml(response: ServerResponse, status: number, html: string, head: boolean): void {
  response.writeHead(status, {
    ...CORS_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': CHECKOUT_PAGE_CSP,
    'content-length': String(Buffer.byteLength(html)),
  });
  response.end(head ? undefined : html);
}

const HOST = /^(?:[\w.-]+|\[[\d:a-f.]+\])(?::\d{1,5})?$/i;

/**
 * Creates the fake's request listener: the Storefront GraphQL endpoint at
 * `<basePath>/api/<apiVersion>/graphql.json`, checkout pages at `<basePath>/cart/c/<token>`,
 * and the loopback-only test controls under `<basePath>/__fake/`.
 */
export function createStorefrontFakeHandler(options: StorefrontFakeHandlerOptions): StorefrontFakeHandler {
  const storeName = options.storeName ?? 'Live Shop Demo';
  const storeDomain = options.storeDomain ?? 'live-shop-demo.myshopify.com';
  const publicAccessToken = options.publicAccessToken ?? 'live-shop-demo-public-token';
  const apiVersion = options.apiVersion ?? storefrontApiVersion;
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  if (basePath && !basePath.startsWith('/')) throw new Error(`basePath must start with "/", like "/shopify", not ${JSON.stringify(basePath)}.`);
  if (!/^\d{4}-\d{2}$|^unstable$/.test(apiVersion)) throw new Error(`apiVersion must look like "2026-04", not ${JSON.stringify(apiVersion)}.`);
  const state = new StorefrontFakeState(options.products, options.now);
  const endpointPath = `/api/${apiVersion}/graphql.json`;

  const originOf = (request: IncomingMessage) => {
    if (options.origin) return options.origin.replace(/\/+$/, '');
    const host = request.headers.host;
    return `http://${host && HOST.test(host) ? host : 'localhost'}`;
  };

  const contextFor = (request: IncomingMessage): ResolveContext => {
    const origin = originOf(request);
    return {
      catalog: state.catalog,
      carts: state.cartStore,
      origin,
      basePath,
      imageOrigin: options.imageOrigin ?? `${origin}/`,
      seededAt: state.seededAt,
      storeName,
    };
  };

  /** Answers a GraphQL request that got a fault; returns false for `slow` (answer normally, later). */
  const answerFault = (response: ServerResponse, fault: PendingFault): boolean => {
    switch (fault.kind) {
      case 'throttle-429':
        sendJson(response, 429, { errors: 'Too many requests. Slow down, and retry after the number of seconds in the Retry-After header.' }, { 'retry-after': String(fault.retryAfterSeconds) });
        return true;
      case 'throttled':
        sendJson(response, 200, { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }] });
        return true;
      case 'server-error':
        sendJson(response, fault.status, { errors: 'An unexpected error occurred; try again.' });
        return true;
      case 'down':
        sendJson(response, 503, { errors: 'The store is unavailable; try again in a moment.' }, { 'retry-after': String(fault.retryAfterSeconds) });
        return true;
      case 'slow':
        return false;
    }
  };

  const graphql = async (request: IncomingMessage, response: ServerResponse) => {
    state.countRequest();
    const text = await readBody(request);
    if (text === null) {
      state.record({ operationName: null, operationType: null, rootFields: [], outcome: 'bad-request' });
      return sendJson(response, 413, { errors: 'The request body is larger than 1 MB.' });
    }
    const contentType = request.headers['content-type'] ?? '';
    let body: unknown = null;
    if (contentType.includes('application/graphql')) body = { query: text };
    else {
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
    }
    const parsed = readRequest(body);
    const fault = state.takeFault();
    if (fault) {
      if (fault.delayMs > 0) await sleep(fault.delayMs);
      if (answerFault(response, fault)) return state.record({ ...describeRequest(parsed), outcome: fault.kind });
    }
    if (request.headers['x-shopify-storefront-access-token'] !== publicAccessToken) {
      state.record({ ...describeRequest(parsed), outcome: 'unauthorized' });
      return sendJson(response, 401, UNAUTHORIZED);
    }
    const answer = answerGraphQL(parsed, contextFor(request));
    state.record(answer.logged);
    sendJson(response, answer.status, answer.body, { 'x-request-id': randomUUID() });
  };

  const checkout = (request: IncomingMessage, response: ServerResponse, url: URL, token: string) => {
    const head = request.method === 'HEAD';
    if (state.down) return sendHtml(response, 503, unavailablePage(storeName), head);
    const cart = state.cartStore.byToken(token);
    if (!cart || url.searchParams.get('key') !== cart.key) return sendHtml(response, 404, checkoutNotFoundPage(storeName), head);
    sendHtml(response, 200, checkoutPage(cart, state, storeName), head);
  };

  const handle = (request: IncomingMessage, response: ServerResponse): boolean => {
    const url = new URL(request.url ?? '/', 'http://fake.invalid');
    if (basePath && url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) return false;
    const path = url.pathname.slice(basePath.length);
    const method = request.method ?? 'GET';
    const isEndpoint = path === endpointPath;
    const checkoutToken = /^\/cart\/c\/([\w-]+)$/.exec(path)?.[1];
    const isControl = path.startsWith('/__fake/');
    if (!isEndpoint && !checkoutToken && !isControl && !path.startsWith('/api/')) return false;

    if (method === 'OPTIONS') {
      // CORS preflight: the real Storefront API is called from any origin, and so is the fake.
      response.writeHead(204, {
        ...CORS_HEADERS,
        'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
        'access-control-allow-headers': request.headers['access-control-request-headers'] ?? 'Content-Type, X-Shopify-Storefront-Access-Token',
        'access-control-max-age': '600',
      });
      response.end();
      return true;
    }
    const fail = (error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { errors: `The storefront fake failed: ${error instanceof Error ? error.message : String(error)}` });
      else response.destroy();
    };
    if (isControl) {
      handleControlRoute(request, response, path, state).catch(fail);
    } else if (checkoutToken) {
      if (method !== 'GET' && method !== 'HEAD') sendJson(response, 405, { errors: 'Open the checkout URL with GET.' }, { allow: 'GET, HEAD' });
      else checkout(request, response, url, checkoutToken);
    } else if (!isEndpoint) {
      sendJson(response, 404, { errors: `Not Found: the Storefront API of this store is at ${basePath}${endpointPath}.` });
    } else if (method !== 'POST') {
      sendJson(response, 405, { errors: 'Send GraphQL requests with POST.' }, { allow: 'POST, OPTIONS' });
    } else {
      graphql(request, response).catch(fail);
    }
    return true;
  };

  const listener = (request: IncomingMessage, response: ServerResponse) => {
    if (!handle(request, response)) sendJson(response, 404, { errors: 'Not Found' });
  };

  return Object.assign(listener, {
    handle,
    storeName,
    storeDomain,
    publicAccessToken,
    apiVersion,
    endpointPath,
    state,
    fault: state.fault.bind(state),
    clearFaults: state.clearFaults.bind(state),
    setStock: state.setStock.bind(state),
    setPrice: state.setPrice.bind(state),
    reset: state.reset.bind(state),
    requests: state.requests.bind(state),
    carts: state.carts.bind(state),
  });
}
