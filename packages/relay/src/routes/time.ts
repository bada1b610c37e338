import type { FastifyInstance } from 'fastify';
import type { RouteContext } from './context.js';
import { readQuery } from './request-checks.js';

/** `GET /v1/time` → `{now}`: the relay's clock, epoch ms, for clients that need real time. */
export function registerTimeRoutes(app: FastifyInstance, { now }: RouteContext): void {
  app.get('/v1/time', async (request) => {
    readQuery(request.query, []);
    return { now: now() };
  });
}
