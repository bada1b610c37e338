import type { TokenService } from '../auth.js';
import type { ShowRegistry } from '../show-registry.js';

/** What the HTTP routes share. */
export interface RouteContext {
  shows: ShowRegistry;
  tokens: TokenService;
  /** Throws a 401 RelayError unless the Authorization header carries the admin key. */
  checkAdmin: (authorization: string | undefined) => void;
  now: () => number;
  /** The signing secret of the Mux webhook; `POST /v1/webhooks/mux` answers 503 without one. */
  muxWebhookSecret?: string;
}

/** Route params of every `/v1/shows/:id/…` route. */
export interface ShowParams {
  id: string;
}
