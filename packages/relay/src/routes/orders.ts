import type { FastifyInstance } from 'fastify';
import { bearerToken, requireRole, requireShow } from '../auth.js';
import { RelayError, showNotFound } from '../errors.js';
import { showOrders } from '../shopify/show-orders.js';
import { SHOW_ID_PATTERN } from '../show-registry.js';
import type { RouteContext, ShowParams } from './context.js';
import { readQuery } from './request-checks.js';

/**
 * `GET /v1/shows/:id/orders` (a producer token of the show, or the admin key) → the show's
 * attributed purchases, their totals and the sales of each product moment (see
 * `ShowOrders`). A show this relay does not have is a 404 unless purchases of it are
 * recorded (the show may live on another relay).
 */
export function registerOrderRoutes(app: FastifyInstance, { shows, tokens, checkAdmin, orders }: RouteContext): void {
  app.get<{ Params: ShowParams }>('/v1/shows/:id/orders', async (request) => {
    const { id } = request.params;
    readQuery(request.query, []);
    const authorization = request.headers.authorization;
    const token = bearerToken(authorization);
    if (token === undefined) {
      throw new RelayError(401, 'missing_token', 'This endpoint needs a producer token of the show or the admin key; send "Authorization: Bearer <token>".');
    }
    if (!isAdminKey(checkAdmin, authorization)) {
      const claims = await tokens.verify(token);
      requireShow(claims, id);
      requireRole(claims, ['producer']);
    }
    if (!SHOW_ID_PATTERN.test(id)) throw showNotFound(id);
    const recorded = await orders.ordersOfShow(id);
    if (recorded.length === 0 && !(await shows.find(id))) throw showNotFound(id);
    return showOrders(id, recorded);
  });
}

function isAdminKey(checkAdmin: RouteContext['checkAdmin'], authorization: string | undefined): boolean {
  try {
    checkAdmin(authorization);
    return true;
  } catch {
    return false;
  }
}
