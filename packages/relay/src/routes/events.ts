import { validateEventInput, type EventType } from '@live-shop/protocol';
import type { FastifyInstance } from 'fastify';
import { requireRole, requireShow, verifyBearer, type Role } from '../auth.js';
import { RelayError } from '../errors.js';
import type { RouteContext, ShowParams } from './context.js';
import { readBody, readQuery, wholeNumberParam } from './request-checks.js';

/**
 * Who may post an event of a type over HTTP: producers, for every type. Viewers send chat,
 * reactions and votes as socket intents (audience/), which the relay checks and turns into
 * events itself; moderators moderate with `POST /v1/shows/:id/moderation`.
 */
export function rolesAllowedToPost(_type: EventType): readonly Role[] {
  return ['producer'];
}

/** `POST /v1/shows/:id/events` (producer token) and `GET /v1/shows/:id/events[?after=seq]`. */
export function registerEventRoutes(app: FastifyInstance, { shows, tokens }: RouteContext): void {
  app.post<{ Params: ShowParams }>('/v1/shows/:id/events', async (request, reply) => {
    const { id } = request.params;
    const claims = await verifyBearer(tokens, request.headers.authorization);
    requireShow(claims, id);
    const body = readBody(request.body, ['type', 'data', 'pdt', 'id'], '{"type": "product.highlight", "data": {"productId": "p1"}}');
    const checked = validateEventInput(body);
    if (!checked.ok) throw new RelayError(400, checked.error.code, checked.error.message, checked.error.path);
    requireRole(claims, rolesAllowedToPost(checked.value.type));
    const { envelope, created } = await shows.submit(id, checked.value);
    return reply.status(created ? 201 : 200).send(envelope);
  });

  app.get<{ Params: ShowParams }>('/v1/shows/:id/events', async (request) => {
    const query = readQuery(request.query, ['after']);
    const after = wholeNumberParam(query, 'after', 'a seq');
    return { events: await shows.eventsAfter(request.params.id, after) };
  });
}
