import type { ViewerCountShare } from '../cluster/viewer-counts.js';

/**
 * Who is watching one show: sockets by viewer id, so that a viewer with two tabs counts
 * once. Moderator and producer connections are not counted. With a `share` (several relay
 * processes on Redis: cluster/viewer-counts.ts), the count is the total of every relay's
 * (a viewer with tabs on two relays counts on each), and only the relay the share names
 * writer writes it to the log.
 */
export class Presence {
  readonly #sockets = new Map<string, number>();
  readonly #share: ViewerCountShare | undefined;
  #sent = 0;
  #logged = 0;

  constructor(share?: ViewerCountShare) {
    this.#share = share;
  }

  /** Viewers watching now (on every relay, with a share). */
  get count(): number {
    return this.#share ? this.#share.total : this.#sockets.size;
  }

  join(viewerId: string): void {
    this.#sockets.set(viewerId, (this.#sockets.get(viewerId) ?? 0) + 1);
    this.#share?.local(this.#sockets.size);
  }

  leave(viewerId: string): void {
    const left = (this.#sockets.get(viewerId) ?? 0) - 1;
    if (left > 0) this.#sockets.set(viewerId, left);
    else this.#sockets.delete(viewerId);
    this.#share?.local(this.#sockets.size);
  }

  /** The count, if it changed since the last live `viewers.count`. */
  takeLive(): number | undefined {
    if (this.count === this.#sent) return undefined;
    this.#sent = this.count;
    return this.#sent;
  }

  /** The count, if it changed since the last one written to the log (and this relay writes it). */
  takeUnlogged(): number | undefined {
    if (this.#share && !this.#share.writer) return undefined;
    if (this.count === this.#logged) return undefined;
    this.#logged = this.count;
    return this.#logged;
  }

  /** Forgets that a count was written (its write failed). */
  restoreUnlogged(): void {
    this.#logged = -1;
  }

  /** Whether a live count is due. */
  get livePending(): boolean {
    return this.count !== this.#sent;
  }
}
