import type { FastifyInstance } from 'fastify';
import type { ServerOptions } from 'socket.io';

/**
 * Which web origins may call the relay from a browser: `'*'` (any: brands embed the
 * player on their own sites), a list of exact origins such as `https://brand.example`, a
 * predicate, or `false` (same origin only).
 */
export type CorsOrigin = '*' | readonly string[] | ((origin: string) => boolean) | false;

function allowedOrigin(policy: CorsOrigin, origin: string | undefined): string | undefined {
  if (policy === '*') return '*';
  if (policy === false || origin === undefined) return undefined;
  const allowed = typeof policy === 'function' ? policy(origin) : policy.includes(origin);
  return allowed ? origin : undefined;
}

/**
 * Adds CORS headers to the `/v1` API and answers preflights. Credentials are never
 * allowed: the API authenticates with bearer tokens, not cookies.
 */
export function installCors(app: FastifyInstance, policy: CorsOrigin): void {
  if (policy === false) return;
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/v1/')) return;
    const origin = allowedOrigin(policy, request.headers.origin);
    if (origin === undefined) return;
    reply.header('access-control-allow-origin', origin);
    if (origin !== '*') reply.header('vary', 'Origin');
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined) {
      reply.header('access-control-allow-methods', 'GET, POST, PATCH, OPTIONS');
      reply.header('access-control-allow-headers', 'authorization, content-type');
      reply.header('access-control-max-age', '600');
      return reply.status(204).send();
    }
  });
}

/** The same policy in the form socket.io's `cors` option takes (for its polling transport). */
export function socketCors(policy: CorsOrigin): ServerOptions['cors'] {
  if (policy === '*') return { origin: '*' };
  if (policy === false) return { origin: false };
  if (typeof policy === 'function') return { origin: (origin, callback) => callback(null, origin !== undefined && policy(origin)) };
  return { origin: [...policy] };
}
