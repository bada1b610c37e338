import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStorefrontFakeHandler, type StorefrontFakeHandlerOptions } from './handler.js';
import type { StorefrontFakeControls } from './state.js';

export interface StorefrontFakeOptions extends Omit<StorefrontFakeHandlerOptions, 'origin' | 'basePath'> {
  /** Default "127.0.0.1": the fake is a test tool, and its /__fake/ controls trust this machine. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
}

/** A running fake. */
export interface StorefrontFake extends StorefrontFakeControls {
  /** e.g. "http://127.0.0.1:41234". */
  readonly origin: string;
  /** The GraphQL endpoint, e.g. "http://127.0.0.1:41234/api/2026-04/graphql.json". */
  readonly endpoint: string;
  /** What clients are configured with; requests to `https://<storeDomain>` must be sent to `origin` instead. */
  readonly storeDomain: string;
  readonly publicAccessToken: string;
  readonly apiVersion: string;
  /** Stops the server, dropping open connections. */
  close(): Promise<void>;
}

/**
 * Starts the Storefront API fake on its own port.
 *
 * @example
 * const fake = await startStorefrontFake({ products });
 * const client = createStorefrontApiClient({
 *   storeDomain: fake.storeDomain, apiVersion: fake.apiVersion, publicAccessToken: fake.publicAccessToken,
 *   customFetchApi: (url, init) => fetch(url.replace(`https://${fake.storeDomain}`, fake.origin), init),
 * });
 */
export async function startStorefrontFake(options: StorefrontFakeOptions): Promise<StorefrontFake> {
  const { host = '127.0.0.1', port = 0, ...handlerOptions } = options;
  // The origin is only known once listening; the handler reads it per request.
  let origin = '';
  const handler = createStorefrontFakeHandler({
    ...handlerOptions,
    get origin() {
      return origin;
    },
  });
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    origin,
    endpoint: `${origin}${handler.endpointPath}`,
    storeDomain: handler.storeDomain,
    publicAccessToken: handler.publicAccessToken,
    apiVersion: handler.apiVersion,
    fault: handler.fault,
    clearFaults: handler.clearFaults,
    setStock: handler.setStock,
    setPrice: handler.setPrice,
    reset: handler.reset,
    requests: handler.requests,
    carts: handler.carts,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
