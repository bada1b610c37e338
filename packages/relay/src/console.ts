import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where the relay serves the producer console. */
export const CONSOLE_PREFIX = '/console/';

/** The answer at /console/ when the console package has not been built. */
export const CONSOLE_NOT_BUILT = 'The producer console is not built; run npm run build.';

/**
 * The folder of the built producer console (`@live-shop/producer-console`'s
 * `dist/console`), or null when the package is missing or not built. The relay serves
 * these files and never imports the console's code (it is browser code).
 */
export function consoleDirectory(): string | null {
  try {
    const manifest = createRequire(import.meta.url).resolve('@live-shop/producer-console/package.json');
    const directory = join(dirname(manifest), 'dist', 'console');
    return existsSync(join(directory, 'index.html')) ? directory : null;
  } catch {
    return null;
  }
}

/**
 * What the console's page may load: its own scripts only (a producer token lives in that
 * page), product images and streams from anywhere, hls.js's blob: worker and media.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  'img-src * data: blob:',
  'media-src * blob:',
  'connect-src *',
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the producer console at `/console/` (and redirects `/console` there, keeping the
 * query). When the console is not built, `/console/` answers 503 with a sentence that
 * says how to build it; the relay itself works either way.
 */
export function registerConsole(app: FastifyInstance, directory: string | null = consoleDirectory()): void {
  app.get('/console', async (request, reply) => reply.redirect(`${CONSOLE_PREFIX}${request.url.slice('/console'.length)}`));
  if (directory === null) {
    const notBuilt = async (_request: unknown, reply: FastifyReply) =>
      reply.status(503).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send(CONSOLE_NOT_BUILT);
    app.get(CONSOLE_PREFIX, notBuilt);
    app.get(`${CONSOLE_PREFIX}*`, notBuilt);
    return;
  }
  void app.register(fastifyStatic, {
    root: directory,
    prefix: CONSOLE_PREFIX,
    // The host app (e.g. the demo) may register @fastify/static too; only one may decorate.
    decorateReply: false,
    index: ['index.html'],
    cacheControl: false,
    setHeaders: (reply, path) => {
      // Chunks are content-hashed; the page and its entry must be fetched fresh after a deploy.
      reply.header('cache-control', path.includes('/chunks/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
      if (path.endsWith('.html')) {
        reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
        reply.header('x-frame-options', 'DENY');
      }
    },
  });
}
