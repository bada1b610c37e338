import type { FastifyInstance } from 'fastify';
import { RelayError } from '../errors.js';
import { ShopifyOrderWebhookHandler, readShopifyHeaders } from '../shopify/handler.js';
import { ShopifySignatureVerifier } from '../shopify/verify.js';
import type { RouteContext } from './context.js';
import { keepRawJsonBodies } from './raw-body.js';

export const SHOPIFY_ORDERS_WEBHOOK_PATH = '/v1/webhooks/shopify/orders';

function notConfigured(): RelayError {
  return new RelayError(
    503,
    'shopify_webhooks_not_configured',
    "Shopify webhooks are not set up on this relay: set SHOPIFY_WEBHOOK_SECRET (or the relay option shopifyWebhookSecret) to your Shopify app's client secret, then restart the relay.",
  );
}

/**
 * `POST /v1/webhooks/shopify/orders`: Shopify's `orders/create` and `orders/paid`
 * webhooks; the lines a show sold (their line properties carry the show's attribution)
 * are recorded in the order store. The signature covers the exact bytes Shopify sent, so
 * this route (alone, in its own plugin) receives the raw body. Checked in this order: a
 * secret is configured (503), the signature (401), the headers (400), the topic (202,
 * ignored), the body (400).
 */
export function registerShopifyWebhookRoutes(app: FastifyInstance, { shows, now, orders, shopifyWebhookSecret }: RouteContext): void {
  const verifier = shopifyWebhookSecret ? new ShopifySignatureVerifier(shopifyWebhookSecret) : undefined;
  const handler = new ShopifyOrderWebhookHandler(orders, shows, now);

  void app.register(async (scope) => {
    // Shopify sends application/json; other content types are refused with 415.
    keepRawJsonBodies(scope);

    scope.post(SHOPIFY_ORDERS_WEBHOOK_PATH, async (request, reply) => {
      if (!verifier) throw notConfigured();
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = request.headers['x-shopify-hmac-sha256'];
      verifier.verify(raw, Array.isArray(signature) ? signature.join(',') : signature);
      const outcome = await handler.handle(readShopifyHeaders(request.headers), raw.toString('utf8'));
      return reply.status(outcome.outcome === 'ignored' ? 202 : 200).send(outcome);
    });
  });
}
