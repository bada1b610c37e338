import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bearerToken } from './auth.js';
import { RelayError } from './errors.js';
import { SHOPIFY_ORDERS_WEBHOOK_PATH } from './routes/webhooks-shopify.js';

export interface RateLimits {
  /** Requests that change something (POST, PATCH, DELETE…) per minute, per token (or address without one). Default 600. */
  writesPerMinute?: number;
  /** GET requests per minute, per token (or address without one). Default 1200. */
  readsPerMinute?: number;
}

const isRead = (request: FastifyRequest) => request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS';

/**
 * Not limited: Shopify delivers every shop's orders from a few addresses, and a sale
 * during a show can bring more than a budget's worth a minute; a 429 makes Shopify retry
 * and, after repeated failures, delete the subscription. Each delivery's signature is
 * checked before its body is parsed, so unsigned floods cost one HMAC each.
 */
const unlimited = (request: FastifyRequest) => request.url.split('?')[0] === SHOPIFY_ORDERS_WEBHOOK_PATH;

/** Whose budget a request spends: its bearer token's (hashed: keys are kept in memory), else its address's. */
function budgetKey(request: FastifyRequest): string {
  const token = bearerToken(request.headers.authorization);
  const who = token ? `token:${createHash('sha256').update(token).digest('base64url').slice(0, 22)}` : `address:${request.ip}`;
  return `${isRead(request) ? 'read' : 'write'}:${who}`;
}

/**
 * Per-token rate limits on the `/v1` API (@fastify/rate-limit), so one runaway script or
 * leaked token cannot starve a show. Sockets are limited separately (chat, reactions).
 */
export function installRateLimits(app: FastifyInstance, limits: RateLimits): void {
  const writes = limits.writesPerMinute ?? 600;
  const reads = limits.readsPerMinute ?? 1200;
  // Not awaited: Fastify loads plugins in order at ready/listen. (Awaiting it in a function
  // nobody awaits left the host's own later `await app.register(…)` hanging.)
  void app.register(rateLimit, {
    global: true,
    timeWindow: 60_000,
    max: (request) => (isRead(request) ? reads : writes),
    keyGenerator: budgetKey,
    // Only the API: static files and streams served on the same app are not limited here.
    allowList: (request) => !request.url.startsWith('/v1/') || unlimited(request),
    errorResponseBuilder: (request, context) =>
      new RelayError(
        429,
        'rate_limited',
        `Too many ${isRead(request) ? 'reads' : 'changes'} with this ${bearerToken(request.headers.authorization) ? 'token' : 'address'} (${context.max} a minute); wait ${context.after} and try again.`,
      ),
  });
}
