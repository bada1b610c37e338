import type { TokenService } from '../auth.js';
import type { ShowRegistry } from '../show-registry.js';

/** What the HTTP routes share. */
export interface RouteContext {
  shows: ShowRegistry;
  tokens: TokenService;
  /** Throws a 401 RelayError unless the Authorization header carries the admin key. */
  checkAdmin: (authorization: string | undefined) => void;
  now: () => number;
}

/** Route params of every `/v1/shows/:id/…` route. */
export interface ShowParams {
  id: string;
}
