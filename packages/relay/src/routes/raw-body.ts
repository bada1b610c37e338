import type { FastifyInstance } from 'fastify';

/**
 * Within `scope` (a plugin of its own), JSON bodies arrive as their raw bytes (a Buffer),
 * unparsed, for the webhooks whose signature covers the exact bytes sent; other content
 * types are refused with 415. The rest of the API keeps parsing JSON.
 */
export function keepRawJsonBodies(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
}
