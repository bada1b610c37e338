import { Mux } from '@mux/mux-node';
import { RelayError } from '../errors.js';

/** How old a signature may be, in seconds: @mux/mux-node's fixed tolerance (5 minutes). */
export const MUX_SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * Verifies the `Mux-Signature` header of webhook deliveries with @mux/mux-node
 * (`mux.webhooks.verifySignature`): `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw
 * body>">`, compared in constant time, and no older than 5 minutes by this machine's clock
 * (the library reads `Date.now()`, so the relay's injected clock does not apply here).
 */
export class MuxSignatureVerifier {
  readonly #mux: Mux;
  readonly #secret: string;

  constructor(secret: string) {
    if (secret.length === 0) throw new Error('muxWebhookSecret is empty; pass the signing secret of the webhook from the Mux dashboard, or leave it out.');
    this.#secret = secret;
    // Only the webhook helpers are used: no API credentials, and nothing read from the
    // environment (the secret is passed explicitly on every call).
    this.#mux = new Mux({ tokenId: null, tokenSecret: null, webhookSecret: secret, jwtSigningKey: null, jwtPrivateKey: null, authorizationToken: null });
  }

  /** Resolves when `rawBody` was signed by Mux with the secret; else rejects with a 401 RelayError. */
  async verify(rawBody: string, signature: string | undefined): Promise<void> {
    if (signature === undefined || signature === '') {
      throw new RelayError(401, 'missing_signature', 'The Mux-Signature header is missing; only Mux may call this endpoint (configure it as a webhook in the Mux dashboard).');
    }
    try {
      await this.#mux.webhooks.verifySignature(rawBody, { 'mux-signature': signature }, this.#secret);
    } catch (error) {
      const reason = error instanceof Error ? error.message : '';
      if (/too old/i.test(reason)) {
        throw new RelayError(
          401,
          'signature_expired',
          `The Mux-Signature timestamp is more than ${MUX_SIGNATURE_TOLERANCE_SECONDS / 60} minutes old; a replayed delivery is refused (check this machine's clock if Mux's own deliveries get this).`,
        );
      }
      throw new RelayError(
        401,
        'invalid_signature',
        'The Mux-Signature header does not match the body and the webhook secret; check that MUX_WEBHOOK_SECRET is the signing secret of this webhook in the Mux dashboard.',
      );
    }
  }
}
