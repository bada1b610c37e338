import type { FastifyInstance } from 'fastify';
import { MAX_TOKEN_SECONDS, ROLES, isRole } from '../auth.js';
import { RelayError, showNotFound } from '../errors.js';
import type { RouteContext, ShowParams } from './context.js';
import { readBody } from './request-checks.js';

const MIN_TOKEN_SECONDS = 60;

function readExpiry(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_TOKEN_SECONDS || value > MAX_TOKEN_SECONDS) {
    throw new RelayError(400, 'invalid_body', `expiresInSeconds must be a whole number from ${MIN_TOKEN_SECONDS} to ${MAX_TOKEN_SECONDS} (30 days); fix it or leave it out.`, 'expiresInSeconds');
  }
  return value;
}

/** `POST /v1/shows/:id/tokens {role, expiresInSeconds?}` (admin) → `{token, role, show, expiresAt}`. */
export function registerTokenRoutes(app: FastifyInstance, { shows, tokens, checkAdmin }: RouteContext): void {
  app.post<{ Params: ShowParams }>('/v1/shows/:id/tokens', async (request) => {
    checkAdmin(request.headers.authorization);
    const { id } = request.params;
    if (!(await shows.find(id))) throw showNotFound(id);
    const body = readBody(request.body, ['role', 'expiresInSeconds'], '{"role": "producer"}');
    if (!isRole(body.role)) {
      throw new RelayError(400, 'invalid_body', `role must be one of ${ROLES.join(', ')}; send e.g. {"role": "producer"}.`, 'role');
    }
    return tokens.issue(id, body.role, readExpiry(body.expiresInSeconds));
  });
}
