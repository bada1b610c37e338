// Test support (not part of the build): Shopify order webhooks signed as Shopify signs
// them (base64 HMAC-SHA256 of the raw body with the app's client secret, in
// X-Shopify-Hmac-Sha256), computed here independently of the relay's verifier.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import type { Fixture } from './relay-fixture.js';

export const SHOPIFY_SECRET = 'test-shopify-app-client-secret';
export const SHOP_DOMAIN = 'northwind-outfitters.myshopify.com';
export const ORDER_ID = 'gid://shopify/Order/6012458795201';
export const SHOPIFY_ORDERS_PATH = '/v1/webhooks/shopify/orders';
/** The fixture order's `created_at` (2025-05-01T08:21:09-04:00). */
export const ORDER_CREATED_AT = Date.UTC(2025, 4, 1, 12, 21, 9);
/** The pdts of the fixture's two attributed lines. */
export const SHIRT_PDT = 1746100812345;
export const HAT_PDT = 1746100934567;

/** An `orders/create` body shaped as Shopify sends it: a shirt (3 × 19.99, 5.00 off) and a hat bought from show `spring-drop`, and gift wrap from no show. */
export function shopifyOrderFixture(): string {
  return readFileSync(new URL('../shopify/fixtures/orders-create.json', import.meta.url), 'utf8');
}

/** The fixture parsed, changed by `change`, and serialized again (compact). */
export function shopifyOrderVariant(change: (order: Record<string, any>) => void): string {
  const order = JSON.parse(shopifyOrderFixture()) as Record<string, any>;
  change(order);
  return JSON.stringify(order);
}

/** The `X-Shopify-Hmac-Sha256` header of `body`. */
export function shopifySignature(body: string | Buffer, secret = SHOPIFY_SECRET): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

export interface ShopifyDeliveryOptions {
  topic?: string;
  webhookId?: string;
  eventId?: string;
  /** The signature header; null sends none. Default: the body signed with {@link SHOPIFY_SECRET}. */
  signature?: string | null;
  /** Headers to add, or (with undefined) to leave out. */
  headers?: Record<string, string | undefined>;
}

/** The headers Shopify sends with a delivery. */
export function shopifyHeaders(body: string, options: ShopifyDeliveryOptions = {}): Record<string, string> {
  const headers: Record<string, string | undefined> = {
    'content-type': 'application/json',
    'x-shopify-topic': options.topic ?? 'orders/create',
    'x-shopify-shop-domain': SHOP_DOMAIN,
    'x-shopify-api-version': '2025-04',
    'x-shopify-webhook-id': options.webhookId ?? 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    'x-shopify-event-id': options.eventId ?? '98880550-7158-44d4-b7cd-2c97c8a091b5',
    'x-shopify-triggered-at': '2025-05-01T12:21:10.123456789Z',
    'x-shopify-hmac-sha256': options.signature === null ? undefined : (options.signature ?? shopifySignature(body)),
    ...options.headers,
  };
  return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** Posts `body` to the order webhook as Shopify would. */
export function postShopifyOrder(fixture: Fixture, body = shopifyOrderFixture(), options: ShopifyDeliveryOptions = {}): Promise<LightMyRequestResponse> {
  return fixture.request({ method: 'POST', url: SHOPIFY_ORDERS_PATH, headers: shopifyHeaders(body, options), payload: body });
}
