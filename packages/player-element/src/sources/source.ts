import type { ShowTimeline } from '@live-shop/protocol';
import type { PlayerError } from '../errors.js';

/**
 * - `idle`: not started;
 * - `connecting`: first connection or fetch under way;
 * - `connected`: events are flowing (or, for a recording, have all arrived);
 * - `reconnecting`: the connection dropped and is being retried; the state on screen
 *   stays, and what was missed is fetched on reconnect;
 * - `closed`: stopped, or given up (an error was reported).
 */
export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'closed';

/** How a source tells the player what changed. */
export interface SourceListener {
  /**
   * The timeline grew or was replaced: the player re-evaluates the state at the frame on
   * screen at once (an event whose pdt is already behind the playhead applies now).
   */
  timeline(timeline: ShowTimeline): void;
  connection(status: ConnectionStatus): void;
  error(error: PlayerError): void;
}

/**
 * Where a show's events come from: the relay (live), the recorded log (replay), or a
 * developer's own feed (`CustomSource`). Set one on `<live-shop>.source` to replace the
 * default.
 */
export interface ShowEventSource {
  /** The events received so far, or undefined before the first ones arrived. */
  readonly timeline: ShowTimeline | undefined;
  /** The server's clock minus this one (ms), once known: add it to Date.now() for countdowns. */
  readonly clockOffset: number | undefined;
  /** Starts delivering changes to `listener` (one listener at a time; a new one replaces it). */
  start(listener: SourceListener): void;
  /** Stops delivering and releases connections; start() may be called again. */
  stop(): void;
}
