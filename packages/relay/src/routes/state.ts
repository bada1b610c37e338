import type { FastifyInstance } from 'fastify';
import type { RouteContext, ShowParams } from './context.js';
import { readQuery, wholeNumberParam } from './request-checks.js';

/** `GET /v1/shows/:id/state[?at=pdt]` → `{seq, state}`; without `at`, every event applied. */
export function registerStateRoutes(app: FastifyInstance, { shows }: RouteContext): void {
  app.get<{ Params: ShowParams }>('/v1/shows/:id/state', async (request) => {
    const query = readQuery(request.query, ['at']);
    const at = wholeNumberParam(query, 'at', 'a pdt in epoch milliseconds');
    return shows.state(request.params.id, at);
  });
}
