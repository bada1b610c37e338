/** Where a cart id is kept between page loads: `localStorage` or anything with its three methods. */
export type CartStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** What is kept per store: the cart id, and when the cart last changed (so other tabs notice a change). */
export interface SavedCart {
  id: string;
  updatedAt?: string;
}

/** The storage key of a store's cart: one cart per shop, shared by every show and tab. */
export function cartStorageKey(storeDomain: string): string {
  return `live-shop:cart:${storeDomain}`;
}

/** A stored value as a `SavedCart`; a bare cart gid is accepted too. Anything else is nothing. */
export function parseSavedCart(value: string | null | undefined): SavedCart | undefined {
  if (!value) return undefined;
  if (value.startsWith('gid://')) return { id: value };
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { id, updatedAt } = parsed as Record<string, unknown>;
    if (typeof id !== 'string' || id === '') return undefined;
    return typeof updatedAt === 'string' ? { id, updatedAt } : { id };
  } catch {
    return undefined;
  }
}

/** The page's localStorage, when there is one the page may use (not in Node, not when the browser blocks it). */
export function pageStorage(): CartStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // e.g. a SecurityError when storage is blocked for the page
  }
}

/**
 * One store's saved cart id. Storage that throws (quota, privacy settings) is treated as
 * absent from then on, so the adapter keeps its cart id in memory instead.
 */
export class SavedCartId {
  readonly key: string;
  #storage: CartStorage | undefined;

  constructor(storage: CartStorage | undefined, key: string) {
    this.#storage = storage;
    this.key = key;
  }

  /** Whether storage is there to read, so that what it says is the truth (another tab may have changed it). */
  get available(): boolean {
    return this.#storage !== undefined;
  }

  get storage(): CartStorage | undefined {
    return this.#storage;
  }

  load(): SavedCart | undefined {
    return this.#use((storage) => parseSavedCart(storage.getItem(this.key)));
  }

  save(saved: SavedCart): void {
    this.#use((storage) => storage.setItem(this.key, JSON.stringify(saved)));
  }

  forget(): void {
    this.#use((storage) => storage.removeItem(this.key));
  }

  #use<T>(action: (storage: CartStorage) => T): T | undefined {
    if (!this.#storage) return undefined;
    try {
      return action(this.#storage);
    } catch {
      this.#storage = undefined;
      return undefined;
    }
  }
}
