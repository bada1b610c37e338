import type { FastifyInstance } from 'fastify';
import { showNotFound } from '../errors.js';
import type { CreateShowInput, UpdateShowInput } from '../show-registry.js';
import type { RouteContext, ShowParams } from './context.js';
import { readBody, readQuery } from './request-checks.js';

/** `POST /v1/shows` (admin), `PATCH /v1/shows/:id` (admin) and `GET /v1/shows/:id`. */
export function registerShowRoutes(app: FastifyInstance, { shows, checkAdmin }: RouteContext): void {
  app.post('/v1/shows', async (request, reply) => {
    checkAdmin(request.headers.authorization);
    const body = readBody(request.body, ['id', 'title', 'pdtOffsetMs', 'muxLiveStreamId'], '{"id": "spring-drop", "title": "Spring drop"}', { optional: true });
    // create() checks each field's type and range.
    const record = await shows.create(body as CreateShowInput);
    return reply.status(201).send(record);
  });

  app.patch<{ Params: ShowParams }>('/v1/shows/:id', async (request) => {
    checkAdmin(request.headers.authorization);
    const body = readBody(request.body, ['title', 'pdtOffsetMs', 'muxLiveStreamId'], '{"muxLiveStreamId": "a1B2c3D4e5F6g7H8"}');
    // update() checks each field's type and range, and that the live stream is no other show's.
    return shows.update(request.params.id, body as UpdateShowInput);
  });

  app.get<{ Params: ShowParams }>('/v1/shows/:id', async (request) => {
    readQuery(request.query, []);
    const record = await shows.find(request.params.id);
    if (!record) throw showNotFound(request.params.id);
    return record;
  });
}
