/**
 * Who is watching one show: sockets by viewer id, so that a viewer with two tabs counts
 * once. Moderator and producer connections are not counted.
 */
export class Presence {
  readonly #sockets = new Map<string, number>();
  #sent = 0;
  #logged = 0;

  /** Viewers watching now. */
  get count(): number {
    return this.#sockets.size;
  }

  join(viewerId: string): void {
    this.#sockets.set(viewerId, (this.#sockets.get(viewerId) ?? 0) + 1);
  }

  leave(viewerId: string): void {
    const left = (this.#sockets.get(viewerId) ?? 0) - 1;
    if (left > 0) this.#sockets.set(viewerId, left);
    else this.#sockets.delete(viewerId);
  }

  /** The count, if it changed since the last live `viewers.count`. */
  takeLive(): number | undefined {
    if (this.count === this.#sent) return undefined;
    this.#sent = this.count;
    return this.#sent;
  }

  /** The count, if it changed since the last one written to the log. */
  takeUnlogged(): number | undefined {
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
