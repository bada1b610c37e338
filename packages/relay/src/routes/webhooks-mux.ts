import type { FastifyInstance } from 'fastify';
import { RelayError } from '../errors.js';
import { readMuxEvent } from '../mux/events.js';
import { MuxWebhookHandler } from '../mux/handler.js';
import { MuxSignatureVerifier } from '../mux/verify.js';
import type { RouteContext } from './context.js';
import { keepRawJsonBodies } from './raw-body.js';

export const MUX_WEBHOOK_PATH = '/v1/webhooks/mux';

function notConfigured(): RelayError {
  return new RelayError(
    503,
    'mux_webhooks_not_configured',
    'Mux webhooks are not set up on this relay: set MUX_WEBHOOK_SECRET (or the relay option muxWebhookSecret) to the signing secret of this webhook in the Mux dashboard, then restart the relay.',
  );
}

/**
 * `POST /v1/webhooks/mux`: Mux's live stream and asset events become `show.status` events
 * of the show linked to the live stream. The signature covers the exact bytes Mux sent, so
 * this route (and only this route: it lives in its own plugin) receives the raw body.
 */
export function registerMuxWebhookRoutes(app: FastifyInstance, { shows, now, muxWebhookSecret }: RouteContext): void {
  const verifier = muxWebhookSecret ? new MuxSignatureVerifier(muxWebhookSecret) : undefined;
  const handler = new MuxWebhookHandler(shows, now);

  void app.register(async (scope) => {
    // Mux sends application/json; other content types are refused with 415.
    keepRawJsonBodies(scope);

    scope.post(MUX_WEBHOOK_PATH, async (request) => {
      if (!verifier) throw notConfigured();
      const raw = Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '';
      const header = request.headers['mux-signature'];
      await verifier.verify(raw, Array.isArray(header) ? header.join(',') : header);
      let payload: unknown;
      try {
        payload = JSON.parse(raw);
      } catch {
        throw new RelayError(400, 'invalid_json', 'The webhook body is not valid JSON; Mux sends a JSON object.');
      }
      return handler.handle(readMuxEvent(payload));
    });
  });
}
