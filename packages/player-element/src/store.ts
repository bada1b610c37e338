import { initialState, type ShowState } from '@live-shop/protocol';
import { atom, type PreinitializedWritableAtom, type ReadableAtom } from 'nanostores';
import type { ConnectionStatus } from './sources/source.js';

/**
 * The state of one <live-shop>: atoms so that any framework (or another element such as
 * the cart) can subscribe to exactly what it needs. One store per element, not module
 * globals: a page may show two shows.
 */
export interface ShowStore {
  /** The show state at the frame on screen. */
  $state: ReadableAtom<ShowState>;
  /** The event source's connection. */
  $connection: ReadableAtom<ConnectionStatus>;
  /** The program date time of the frame on screen (epoch ms), once known. */
  $currentPdt: ReadableAtom<number | undefined>;
}

/** The same atoms, writable: only the element and its scheduler hold this. */
export interface WritableShowStore extends ShowStore {
  $state: PreinitializedWritableAtom<ShowState>;
  $connection: PreinitializedWritableAtom<ConnectionStatus>;
  $currentPdt: PreinitializedWritableAtom<number | undefined>;
}

export function createShowStore(): WritableShowStore {
  return {
    $state: atom<ShowState>(initialState),
    $connection: atom<ConnectionStatus>('idle'),
    $currentPdt: atom<number | undefined>(undefined),
  };
}
