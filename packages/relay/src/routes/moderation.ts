import type { FastifyInstance } from 'fastify';
import type { Audience } from '../audience/audience.js';
import { requireRole, requireShow, verifyBearer, type TokenService } from '../auth.js';
import { RelayError } from '../errors.js';
import type { ShowParams } from './context.js';

export interface ModerationRouteContext {
  tokens: TokenService;
  audience: Audience;
}

/**
 * `POST /v1/shows/:id/moderation {action, …}` → `{event?, moderation}` and
 * `GET /v1/shows/:id/moderation` → the settings, both with a moderator or producer token
 * of the show. The actions are the protocol's `ModerationAction`, the same as the
 * socket's `moderate`.
 */
export function registerModerationRoutes(app: FastifyInstance, { tokens, audience }: ModerationRouteContext): void {
  app.post<{ Params: ShowParams }>('/v1/shows/:id/moderation', async (request) => {
    const { id } = request.params;
    const claims = await verifyBearer(tokens, request.headers.authorization);
    requireShow(claims, id);
    requireRole(claims, ['moderator', 'producer']);
    try {
      return await audience.moderate(id, request.body);
    } catch (error) {
      // Over HTTP a malformed body is an invalid_body, as on every other route.
      if (error instanceof RelayError && error.code === 'invalid_intent') throw new RelayError(400, 'invalid_body', error.message, error.path);
      throw error;
    }
  });

  app.get<{ Params: ShowParams }>('/v1/shows/:id/moderation', async (request) => {
    const { id } = request.params;
    const claims = await verifyBearer(tokens, request.headers.authorization);
    requireShow(claims, id);
    requireRole(claims, ['moderator', 'producer']);
    return audience.moderationOf(id);
  });
}
