/** How an author is kept out of the chat. */
export type BanKind = 'ban' | 'shadow-ban';

/** One show's moderation settings: what a {@link ModerationStore} keeps. Plain JSON. */
export interface ModerationSettings {
  /** Seconds between two messages of one viewer; 0: slow mode off. */
  slowModeSeconds: number;
  /** Blocked words and phrases, normalised (lowercase), sorted. */
  blocklist: string[];
  /** Banned and shadow-banned authors by viewer id, with when it happened (epoch ms). */
  bans: Record<string, { kind: BanKind; at: number }>;
}

export function emptyModerationSettings(): ModerationSettings {
  return { slowModeSeconds: 0, blocklist: [], bans: {} };
}

/**
 * Where moderation settings live. The relay reads a show's settings once (the first time
 * its chat is used) and keeps them in memory; it saves them after every change, one save
 * at a time per show. The in-memory store is the default; a durable one (a file, Redis)
 * implements the same two methods.
 */
export interface ModerationStore {
  /** The show's settings, or undefined if none were saved. */
  load(show: string): Promise<ModerationSettings | undefined>;
  /** Replaces the show's settings. */
  save(show: string, settings: ModerationSettings): Promise<void>;
}

/** A {@link ModerationStore} in process memory: gone when the process exits. */
export class MemoryModerationStore implements ModerationStore {
  readonly #shows = new Map<string, string>();

  async load(show: string): Promise<ModerationSettings | undefined> {
    const saved = this.#shows.get(show);
    return saved === undefined ? undefined : (JSON.parse(saved) as ModerationSettings);
  }

  async save(show: string, settings: ModerationSettings): Promise<void> {
    this.#shows.set(show, JSON.stringify(settings));
  }
}
