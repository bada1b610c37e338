import type { TokenService } from '../auth.js';
import type { ShowRegistry } from '../show-registry.js';
import type { OrderStore } from '../storage/order-store.js';

/** What the HTTP routes share. */
export interface RouteContext {
  shows: ShowRegistry;
  tokens: TokenService;
  /** Throws a 401 RelayError unless the Authorization header carries the admin key. */
  checkAdmin: (authorization: string | undefined) => void;
  now: () => number;
  /** The signing secret of the Mux webhook; `POST /v1/webhooks/mux` answers 503 without one. */
  muxWebhookSecret?: string;
  /** The attributed orders (`POST /v1/webhooks/shopify/orders`, `GET /v1/shows/:id/orders`). */
  orders: OrderStore;
  /** The secret Shopify signs webhooks with; `POST /v1/webhooks/shopify/orders` answers 503 without one. */
  shopifyWebhookSecret?: string;
}

/** Route params of every `/v1/shows/:id/…` route. */
export interface ShowParams {
  id: string;
}
