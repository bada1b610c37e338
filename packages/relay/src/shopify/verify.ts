import { createHmac, timingSafeEqual } from 'node:crypto';
import { RelayError } from '../errors.js';

/** A base64 SHA-256 digest: 32 bytes, 44 characters with its padding. */
const BASE64_DIGEST = /^[A-Za-z0-9+/]{43}=$/;

/**
 * Verifies the `X-Shopify-Hmac-Sha256` header of Shopify webhooks: the base64 HMAC-SHA256
 * of the raw body bytes, keyed with the app's client secret (or, for a webhook created in
 * the shop admin under Settings → Notifications, the signing secret shown there),
 * compared in constant time. Shopify signs no timestamp, so a replayed delivery passes
 * this check; the order store's idempotency (webhook id and order id) makes it harmless.
 * https://shopify.dev/docs/apps/build/webhooks/verify-deliveries
 */
export class ShopifySignatureVerifier {
  readonly #secret: string;

  constructor(secret: string) {
    if (secret.length === 0) throw new Error('shopifyWebhookSecret is empty; pass the client secret of your Shopify app (or the webhook signing secret from the shop admin), or leave it out.');
    this.#secret = secret;
  }

  /** Returns when `rawBody` was signed with the secret; else throws a 401 RelayError. */
  verify(rawBody: Buffer, signature: string | undefined): void {
    if (signature === undefined || signature === '') {
      throw new RelayError(
        401,
        'missing_signature',
        'The X-Shopify-Hmac-Sha256 header is missing; only Shopify may call this endpoint (subscribe it to the orders/create webhook of your app or shop).',
      );
    }
    const expected = createHmac('sha256', this.#secret).update(rawBody).digest();
    const given = BASE64_DIGEST.test(signature) ? Buffer.from(signature, 'base64') : undefined;
    if (!given || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new RelayError(
        401,
        'invalid_signature',
        "The X-Shopify-Hmac-Sha256 header does not match the body and the webhook secret; check that SHOPIFY_WEBHOOK_SECRET is your app's client secret (or the signing secret shown under Settings → Notifications → Webhooks).",
      );
    }
  }
}
