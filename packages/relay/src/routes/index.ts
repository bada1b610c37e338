import type { FastifyInstance } from 'fastify';
import type { RouteContext } from './context.js';
import { registerEventRoutes } from './events.js';
import { registerOrderRoutes } from './orders.js';
import { registerShowRoutes } from './shows.js';
import { registerStateRoutes } from './state.js';
import { registerTimeRoutes } from './time.js';
import { registerTokenRoutes } from './tokens.js';
import { registerMuxWebhookRoutes } from './webhooks-mux.js';
import { registerShopifyWebhookRoutes } from './webhooks-shopify.js';

export type { RouteContext } from './context.js';

/** Registers the `/v1` HTTP API. */
export function registerRoutes(app: FastifyInstance, context: RouteContext): void {
  registerShowRoutes(app, context);
  registerTokenRoutes(app, context);
  registerEventRoutes(app, context);
  registerStateRoutes(app, context);
  registerTimeRoutes(app, context);
  registerMuxWebhookRoutes(app, context);
  registerShopifyWebhookRoutes(app, context);
  registerOrderRoutes(app, context);
}
