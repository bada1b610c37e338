import { emptyLiveState, initialState, type LiveDataMap, type LiveState, type ShowState } from '@live-shop/protocol';
import { atom, type PreinitializedWritableAtom, type ReadableAtom } from 'nanostores';
import type { ConnectionStatus } from './sources/source.js';

export type ReactionTick = LiveDataMap['reaction.tick'];

/**
 * The state of one <live-shop>: atoms so that any framework (or another element such as
 * the cart) can subscribe to exactly what it needs. One store per element, not module
 * globals: a page may show two shows.
 */
export interface ShowStore {
  /**
   * The show state at the frame on screen, from the log. The element's `state` property
   * is this with `$live` laid over it (`withLive($state, $live)`).
   */
  $state: ReadableAtom<ShowState>;
  /** Audience news that is not in the log (reaction totals, viewer count, poll tallies, own shadow messages), on arrival. */
  $live: ReadableAtom<LiveState>;
  /** The latest live `reaction.tick` (`counts` since the previous one, for animations; `totals`), if any. */
  $reactionTick: ReadableAtom<ReactionTick | undefined>;
  /** The event source's connection. */
  $connection: ReadableAtom<ConnectionStatus>;
  /** The program date time of the frame on screen (epoch ms), once known. */
  $currentPdt: ReadableAtom<number | undefined>;
}

/** The same atoms, writable: only the element and its scheduler hold this. */
export interface WritableShowStore extends ShowStore {
  $state: PreinitializedWritableAtom<ShowState>;
  $live: PreinitializedWritableAtom<LiveState>;
  $reactionTick: PreinitializedWritableAtom<ReactionTick | undefined>;
  $connection: PreinitializedWritableAtom<ConnectionStatus>;
  $currentPdt: PreinitializedWritableAtom<number | undefined>;
}

export function createShowStore(): WritableShowStore {
  return {
    $state: atom<ShowState>(initialState),
    $live: atom<LiveState>(emptyLiveState),
    $reactionTick: atom<ReactionTick | undefined>(undefined),
    $connection: atom<ConnectionStatus>('idle'),
    $currentPdt: atom<number | undefined>(undefined),
  };
}
