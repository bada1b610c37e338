import { createStorefrontApiClient, type StorefrontApiClient } from '@shopify/storefront-api-client';
import { CommerceError } from '../commerce-error.js';
import { defaultRetry, parseRetryAfter, StoreFailure, withRetry, type RetryOptions } from './retry.js';
import { withStorefrontDefaults, type StorefrontStrings } from './storefront-strings.js';

/** The Storefront API version the queries are written and tested against (schema/SOURCE.md of the storefront fake). */
export const STOREFRONT_API_VERSION = '2026-04';

/** The part of `fetch` the Shopify client calls (its `CustomFetchApi`). */
export type FetchApi = (
  url: string,
  init?: { method?: string; headers?: HeadersInit; body?: string; signal?: AbortSignal; keepalive?: boolean },
) => Promise<Response>;

export interface StorefrontClientOptions {
  /** The shop's domain, e.g. `my-shop.myshopify.com` (a leading `https://` is fine). */
  storeDomain: string;
  /** The Storefront API public access token (safe in the browser). */
  publicAccessToken: string;
  /** Default `STOREFRONT_API_VERSION`. */
  apiVersion?: string;
  /**
   * Where to send requests instead of `https://<storeDomain>`, e.g. a local storefront
   * fake at `http://127.0.0.1:8787`: only its origin is used, Shopify's path is kept. The
   * Shopify client always speaks https to the store domain, so this rewrites its URLs.
   */
  endpoint?: string;
  /** The fetch to use; default the global `fetch`. */
  fetchApi?: FetchApi;
  retry?: RetryOptions;
  /**
   * The messages of the errors it throws: an object, or a function asked each time a
   * message is written, so that a page whose language changes gets the new language's
   * messages (the player passes its current strings this way).
   */
  strings?: Partial<StorefrontStrings> | (() => Partial<StorefrontStrings> | undefined);
}

export interface RequestOptions {
  /** Resolve with `data` even when some fields failed (e.g. `quantityAvailable` without the inventory scope). */
  partial?: boolean;
}

/** `my-shop.myshopify.com` from `my-shop.myshopify.com`, `https://my-shop.myshopify.com/` or `HTTPS://My-Shop.myshopify.com`. */
export function storeHost(storeDomain: string): string {
  const trimmed = storeDomain.trim();
  try {
    return new URL(/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`).host;
  } catch {
    return trimmed.toLowerCase();
  }
}

/**
 * A fetch that sends what is addressed to `https://<storeDomain>` to `endpoint`'s origin
 * instead (same path and query), and everything else unchanged.
 */
export function redirectStoreFetch(storeDomain: string, endpoint: string, fetchApi: FetchApi = (url, init) => fetch(url, init)): FetchApi {
  const from = `https://${storeHost(storeDomain)}`;
  const to = new URL(endpoint).origin;
  return (url, init) => fetchApi(url === from || url.startsWith(`${from}/`) ? to + url.slice(from.length) : url, init);
}

/** Drops a response body nobody will read, so the connection is free again. */
function discard(response: Response | undefined): void {
  if (response?.body && !response.bodyUsed) response.body.cancel().catch(() => {});
}

/**
 * Shopify's `@shopify/storefront-api-client`, with the failures sorted into what another
 * try may fix (`StoreFailure`: throttled, 5xx, network) and what it will not
 * (`CommerceError`), and retries with backoff. Its own retries are left off: they wait a
 * fixed second, do not retry 5xx other than 503, and read Retry-After as milliseconds.
 */
export class StorefrontClient {
  /** The shop's host, e.g. `my-shop.myshopify.com`. */
  readonly storeDomain: string;
  readonly #strings: StorefrontClientOptions['strings'];
  readonly #api: StorefrontApiClient;
  readonly #retry: Required<RetryOptions>;

  /** The messages it writes now: English defaults under the `strings` option. */
  get strings(): StorefrontStrings {
    const strings = this.#strings;
    return withStorefrontDefaults(typeof strings === 'function' ? strings() : strings);
  }

  constructor(options: StorefrontClientOptions) {
    this.storeDomain = storeHost(options.storeDomain);
    this.#strings = options.strings;
    this.#retry = { ...defaultRetry, ...options.retry };
    const fetchApi = options.fetchApi ?? ((url, init) => fetch(url, init));
    this.#api = createStorefrontApiClient({
      storeDomain: this.storeDomain,
      apiVersion: options.apiVersion ?? STOREFRONT_API_VERSION,
      publicAccessToken: options.publicAccessToken,
      customFetchApi: options.endpoint ? redirectStoreFetch(this.storeDomain, options.endpoint, fetchApi) : fetchApi,
      retries: 0,
    });
  }

  /** The GraphQL endpoint requests are addressed to (before any `endpoint` redirect). */
  get apiUrl(): string {
    return this.#api.getApiUrl();
  }

  /** Sends `query` once; each failure another try may fix rejects with a `StoreFailure`. */
  async requestOnce<T>(query: string, variables: Record<string, unknown>, signal?: AbortSignal, options: RequestOptions = {}): Promise<T> {
    const response = await this.#api.request<T>(query, { variables, ...(signal ? { signal } : {}) });
    const errors = response.errors;
    if (!errors) return response.data as T;
    discard(errors.response);
    const graphQLErrors = errors.graphQLErrors ?? [];
    const codes = graphQLErrors.map((error) => error.extensions?.code);
    const status = errors.networkStatusCode;
    const message = errors.message ?? 'The store did not answer.';
    const retryAfterMs = parseRetryAfter(errors.response?.headers.get('Retry-After'));
    // No status: the request failed on the way (offline, refused, reset, timed out), maybe after the store got it.
    if (status === undefined) throw new StoreFailure('network', message, { reachedStore: true, cause: errors });
    // Throttled requests are refused before they run (https://shopify.dev/docs/api/usage/rate-limits).
    if (status === 429 || codes.includes('THROTTLED')) throw new StoreFailure('throttled', message, { reachedStore: false, retryAfterMs, cause: errors });
    if (status >= 500 || codes.includes('INTERNAL_SERVER_ERROR')) throw new StoreFailure('server', message, { reachedStore: true, retryAfterMs, cause: errors });
    if (status === 401 || status === 403 || status === 404) throw new CommerceError('invalid_request', this.strings.misconfigured, { cause: errors });
    if (status < 300 && graphQLErrors.length === 0) {
      // A 2xx with neither data nor errors (or not JSON): a broken answer, worth another try.
      throw new StoreFailure('server', message, { reachedStore: true, cause: errors });
    }
    if (options.partial && response.data) return response.data;
    // The query itself was refused (a bug here, or a field this API version lacks): say so plainly, keep the detail.
    throw new CommerceError('invalid_request', this.strings.refused, { cause: errors });
  }

  /** Sends `query`, trying again after throttling, 5xx and network failures; for queries and requests safe to repeat. */
  request<T>(query: string, variables: Record<string, unknown>, options: RequestOptions = {}): Promise<T> {
    return this.withRetry((signal) => this.requestOnce<T>(query, variables, signal, options));
  }

  /**
   * Runs `attempt` with this client's retry policy (see `withRetry`), or with `overrides`
   * of it; when it is spent, rejects with a retryable `CommerceError` `unavailable`.
   */
  withRetry<T>(attempt: (signal: AbortSignal, tryNumber: number) => Promise<T>, overrides: RetryOptions = {}): Promise<T> {
    return withRetry(attempt, { ...this.#retry, ...overrides }, (failure) => new CommerceError('unavailable', this.strings.unavailable, { retryable: true, cause: failure }));
  }
}
