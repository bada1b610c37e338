import type { Product } from '@live-shop/protocol';
import type { Cart, CartAttribute, CartLineInput, CartLineUpdate, CartListener, CommerceAdapter } from '../commerce-adapter.js';
import { CommerceError } from '../commerce-error.js';
import { emptyCart, isCartGone, toAttributes, toCart, userErrorsToError } from './cart-mapping.js';
import { cartStorageKey, pageStorage, parseSavedCart, SavedCartId, type CartStorage } from './cart-id-store.js';
import { hydrateProducts } from './hydrate-products.js';
import { CART_ATTRIBUTES_UPDATE, CART_CREATE, CART_LINES_ADD, CART_LINES_REMOVE, CART_LINES_UPDATE, CART_QUERY } from './queries.js';
import { StoreFailure } from './retry.js';
import type { ShopifyCart, ShopifyCartPayload } from './shopify-types.js';
import { StorefrontClient, type StorefrontClientOptions } from './storefront-client.js';
import { fillIn, type StorefrontStrings } from './storefront-strings.js';

export interface StorefrontCartAdapterOptions extends StorefrontClientOptions {
  /**
   * Where the cart id is kept between page loads, per store (key `live-shop:cart:<domain>`);
   * default the page's `localStorage` when there is one. `null` keeps it in memory only.
   */
  storage?: CartStorage | null;
  /**
   * Where `storage` events come from, so the cart follows another tab's changes; default
   * the page (`globalThis`) when it has events. `null` listens to none.
   */
  storageEvents?: EventTarget | null;
  /** Attributes of the cart itself (e.g. the viewer's session), set when the cart is made and on each add. */
  attributes?: () => CartAttribute[];
  /** The currency of the cart before the store has made one; default USD (then the store's). */
  currencyCode?: string;
  /**
   * Two identical `addLines` calls this close together (in ms), with no other change of
   * the cart between them, add once: the second gets the first's result (unless the first
   * failed). A double click on Add must not buy two, whatever the caller does; the drawer
   * does not dedupe. Default 500; 0 turns it off.
   */
  dedupeMs?: number;
  /** A client to share (e.g. with `hydrateProducts`); by default one is made from these options. */
  client?: StorefrontClient;
}

/** A mutation to send, or the cart that already has the change in it. */
type Step = { query: string; variables: Record<string, unknown>; field: string } | { done: ShopifyCart };

/** What the store answers about a cart that does not exist (any more). */
const GONE: ShopifyCartPayload = { cart: null, userErrors: [{ code: 'INVALID', field: ['cartId'], message: 'The specified cart does not exist.' }], warnings: [] };

function checkQuantity(quantity: number, minimum: number, strings: StorefrontStrings): void {
  if (!Number.isSafeInteger(quantity) || quantity < minimum) {
    throw new CommerceError('invalid_quantity', fillIn(strings.invalidQuantity, { minimum }));
  }
}

/** The same merchandise with the same attributes, in any order, is one line (as on Shopify). */
function lineKey(merchandiseId: string, attributes: readonly CartAttribute[] = []): string {
  return JSON.stringify([merchandiseId, attributes.map(({ key, value }) => `${key}\n${value}`).sort()]);
}

/** Whether `after` holds a different quantity than `before` of anything `lines` adds: then the add reached the cart. */
export function addReachedCart(before: Cart, after: ShopifyCart, lines: readonly CartLineInput[]): boolean {
  const quantities = (entries: readonly { key: string; quantity: number }[]) => {
    const sums = new Map<string, number>();
    for (const { key, quantity } of entries) sums.set(key, (sums.get(key) ?? 0) + quantity);
    return sums;
  };
  const was = quantities(before.lines.map((line) => ({ key: lineKey(line.merchandiseId, line.attributes), quantity: line.quantity })));
  const now = quantities(after.lines.nodes.map((line) => ({ key: lineKey(line.merchandise.id ?? '', toAttributes(line.attributes)), quantity: line.quantity })));
  return lines.some((line) => {
    const key = lineKey(line.merchandiseId, line.attributes);
    return (was.get(key) ?? 0) !== (now.get(key) ?? 0);
  });
}

function toLineInputs(lines: readonly CartLineInput[]) {
  return lines.map(({ merchandiseId, quantity, attributes }) => ({
    merchandiseId,
    quantity,
    ...(attributes && attributes.length > 0 ? { attributes: attributes.map(({ key, value }) => ({ key, value })) } : {}),
  }));
}

/**
 * A cart in a Shopify store, through the Storefront API (`@shopify/storefront-api-client`).
 * It behaves as `MemoryCartAdapter` does where the drawer can tell, with the store's own
 * stock, prices and checkout.
 *
 * - The cart id is kept per store in `storage`, so a reload, another show of the same shop
 *   or another tab finds the same cart; a new id saved by another tab is followed. A cart
 *   the store no longer has (carts expire) is forgotten quietly: the cart is empty again,
 *   and the next add makes a new one. The id is forgotten only then, never on a failure.
 * - Changes run one at a time, in the order they were asked for, so quick clicks never race.
 * - Throttling (429, THROTTLED), 5xx and network failures are tried again with backoff and
 *   jitter (Retry-After respected), within about 10 s; then the call rejects with a
 *   retryable `CommerceError` `unavailable`, and the last cart is still there.
 * - An add is never applied twice: before trying again an add that may have reached the
 *   store (a 5xx, a lost answer), the cart is read again, and if the quantity of what was
 *   added changed, the add is done. Two identical adds within `dedupeMs`, with no other
 *   change between them, add once.
 */
export class StorefrontCartAdapter implements CommerceAdapter {
  /** The Storefront client, for other requests to the same store (e.g. `hydrateProducts`). */
  readonly client: StorefrontClient;
  /** The storage key of this store's cart id. */
  readonly storageKey: string;
  readonly #saved: SavedCartId;
  readonly #attributes: (() => CartAttribute[]) | undefined;
  readonly #dedupeMs: number;
  readonly #storageEvents: EventTarget | undefined;
  #restored = false;
  #cartId: string | undefined;
  /** The last cart the store gave for `#cartId`, as shown; it stays when the store is down. */
  #cart: Cart | undefined;
  #updatedAt: string | undefined;
  #cartAttributes: CartAttribute[] = [];
  #currencyCode: string;
  #queue: Promise<unknown> = Promise.resolve();
  #listeners = new Set<CartListener>();
  #recentAdds = new Map<string, { at: number; result: Promise<Cart> }>();
  /** A change that may have reached the store without its answer reaching here: which one, and the cart before it. */
  #uncertain: { change: string; before: Cart | undefined } | undefined;

  constructor(options: StorefrontCartAdapterOptions) {
    this.client = options.client ?? new StorefrontClient(options);
    this.storageKey = cartStorageKey(this.client.storeDomain);
    this.#saved = new SavedCartId(options.storage === null ? undefined : (options.storage ?? pageStorage()), this.storageKey);
    this.#attributes = options.attributes;
    this.#currencyCode = options.currencyCode ?? 'USD';
    this.#dedupeMs = options.dedupeMs ?? 500;
    const events = options.storageEvents === undefined ? globalThis : options.storageEvents;
    this.#storageEvents = events && typeof events.addEventListener === 'function' ? events : undefined;
  }

  /** Its messages as they are now (they follow the client's `strings`, e.g. the page's language). */
  get #strings(): StorefrontStrings {
    return this.client.strings;
  }

  getCart(): Promise<Cart> {
    return this.#enqueue(async () => this.#copy(await this.#load()));
  }

  async addLines(lines: readonly CartLineInput[]): Promise<Cart> {
    for (const line of lines) checkQuantity(line.quantity, 1, this.#strings);
    if (lines.length === 0) return this.getCart();
    const key = JSON.stringify(lines.map((line) => [lineKey(line.merchandiseId, line.attributes), line.quantity]));
    const now = Date.now();
    for (const [recentKey, recent] of this.#recentAdds) if (now - recent.at >= this.#dedupeMs) this.#recentAdds.delete(recentKey);
    const recent = this.#recentAdds.get(key);
    if (recent) return this.#copy(await recent.result);
    const result = this.#enqueue(() => this.#add(lines));
    if (this.#dedupeMs > 0) {
      const entry = { at: now, result };
      this.#recentAdds.set(key, entry);
      // A failed add is not a click to swallow: the next one is the viewer trying again.
      result.catch(() => this.#recentAdds.get(key) === entry && this.#recentAdds.delete(key));
    }
    return this.#copy(await result);
  }

  async updateLines(updates: readonly CartLineUpdate[]): Promise<Cart> {
    for (const update of updates) checkQuantity(update.quantity, 0, this.#strings);
    this.#recentAdds.clear(); // an add after this is the viewer's next step, not a double click
    const lines = updates.map(({ id, quantity }) => ({ id, quantity }));
    return this.#copy(
      await this.#enqueue(() =>
        this.#change(`update ${JSON.stringify(lines)}`, (now) => {
          // After a lost answer: lines already gone were removed by it (quantity 0) or elsewhere.
          const pending = now ? lines.filter((line) => now.lines.nodes.some((candidate) => candidate.id === line.id)) : lines;
          if (now && pending.length === 0) return { done: now };
          return { query: CART_LINES_UPDATE, variables: { cartId: this.#cartId, lines: pending }, field: 'cartLinesUpdate' };
        }),
      ),
    );
  }

  async removeLines(lineIds: readonly string[]): Promise<Cart> {
    const ids = [...lineIds];
    this.#recentAdds.clear();
    return this.#copy(
      await this.#enqueue(() =>
        this.#change(`remove ${JSON.stringify(ids)}`, (now) => {
          const pending = now ? ids.filter((id) => now.lines.nodes.some((candidate) => candidate.id === id)) : ids;
          if (now && pending.length === 0) return { done: now };
          return { query: CART_LINES_REMOVE, variables: { cartId: this.#cartId, lineIds: pending }, field: 'cartLinesRemove' };
        }),
      ),
    );
  }

  /** The cart's checkout URL (after any change still under way). */
  checkout(): Promise<{ url: string }> {
    return this.#enqueue(async () => {
      const cart = this.#currentId() ? (this.#cart ?? (await this.#load())) : undefined;
      if (!cart || cart.lines.length === 0) throw new CommerceError('empty_cart', this.#strings.emptyCart);
      if (!cart.checkoutUrl) throw new CommerceError('checkout_unavailable', this.#strings.misconfigured);
      return { url: cart.checkoutUrl };
    });
  }

  subscribe(listener: CartListener): () => void {
    if (this.#listeners.size === 0) this.#storageEvents?.addEventListener('storage', this.#onStorage);
    this.#listeners.add(listener);
    return () => {
      if (this.#listeners.delete(listener) && this.#listeners.size === 0) this.#storageEvents?.removeEventListener('storage', this.#onStorage);
    };
  }

  /** `hydrateProducts` with this adapter's client. */
  hydrateProducts(products: readonly Product[]): Promise<Product[]> {
    return hydrateProducts(this.client, products);
  }

  /** Another tab saved a new cart id, changed the cart, or forgot it: load what it has, and tell the subscribers. */
  readonly #onStorage = (event: Event): void => {
    const { key, newValue, storageArea } = event as StorageEvent;
    if (key !== null && key !== this.storageKey) return; // key null: the storage was cleared
    if (storageArea && this.#saved.storage && storageArea !== this.#saved.storage) return;
    const saved = parseSavedCart(newValue);
    if (saved?.id === this.#cartId && saved?.updatedAt === this.#updatedAt) return; // this tab's own change
    this.#enqueue(async () => this.#notify(await this.#load())).catch(() => {
      // The store is not answering: the next call the viewer makes reports it.
    });
  };

  /** Runs `task` after every call before it has finished, failed or not. */
  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(task, task);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  /** The cart id to use: what storage says (another tab may have changed it), else the one in memory. */
  #currentId(): string | undefined {
    if (this.#saved.available || !this.#restored) {
      const id = this.#saved.load()?.id;
      // When storage broke during the load, keep the id in memory rather than dropping it.
      if (this.#saved.available && id !== this.#cartId) this.#switchTo(id);
      this.#restored = true;
    }
    return this.#cartId;
  }

  #switchTo(id: string | undefined): void {
    // An earlier add's result is another cart's: never hand it out for a new add.
    this.#recentAdds.clear();
    this.#cartId = id;
    this.#cart = undefined;
    this.#updatedAt = undefined;
    this.#cartAttributes = [];
    this.#uncertain = undefined;
  }

  #empty(): Cart {
    return emptyCart(this.#currencyCode);
  }

  /** Reads the cart from the store; a cart the store no longer has is forgotten, and the cart is empty. */
  async #load(): Promise<Cart> {
    const id = this.#currentId();
    if (!id) return this.#empty();
    const { cart } = await this.client.request<{ cart: ShopifyCart | null }>(CART_QUERY, { id });
    if (!cart) {
      this.#forget();
      return this.#empty();
    }
    // Warnings are about the last change: they stay until the cart changes again.
    const warnings = this.#cart && cart.updatedAt === this.#updatedAt ? this.#cart.warnings : [];
    const loaded = this.#accept(cart, []);
    loaded.warnings = warnings;
    return loaded;
  }

  async #add(lines: readonly CartLineInput[]): Promise<Cart> {
    if (!this.#currentId()) return this.#create(lines);
    // The cart before the add is what a retry compares against, so it must be the store's.
    if (!this.#cart) await this.#load();
    if (!this.#cartId) return this.#create(lines);
    await this.#syncCartAttributes();
    const inputs = toLineInputs(lines);
    return this.#change(
      `add ${JSON.stringify(inputs)}`,
      (now, before) =>
        now && before && addReachedCart(before, now, lines) ? { done: now } : { query: CART_LINES_ADD, variables: { cartId: this.#cartId, lines: inputs }, field: 'cartLinesAdd' },
      () => this.#create(lines),
    );
  }

  /**
   * Sends a change to the cart, trying again as the client's retry policy allows. When a
   * try failed after the store may have applied it (in this call or an earlier one), the
   * next try reads the cart first and asks `step` again with it (and, when the uncertain
   * change was this same `change`, with the cart before it): `step` answers with the change
   * still to send, or `done`. So the viewer's Try again after a lost answer does not add
   * twice either. A cart the store no longer has is forgotten, and then `whenGone` runs
   * (by default the call fails with `cartExpired`, after the subscribers hear it is empty).
   */
  async #change(change: string, step: (now?: ShopifyCart, before?: Cart) => Step, whenGone?: () => Promise<Cart>): Promise<Cart> {
    const cartId = this.#currentId();
    if (!cartId) throw new CommerceError('line_not_found', this.#strings.lineNotFound);
    const before = this.#cart;
    // Trying the same change again after it failed uncertainly: compare with the cart before the first try.
    const baseline = this.#uncertain?.change === change ? this.#uncertain.before : before;
    const payload = await this.client.withRetry(
      async (signal): Promise<ShopifyCartPayload> => {
        let next: Step;
        const uncertain = this.#uncertain;
        if (uncertain) {
          const { cart } = await this.client.requestOnce<{ cart: ShopifyCart | null }>(CART_QUERY, { id: cartId }, signal);
          if (!cart) return GONE;
          next = step(cart, uncertain.change === change ? baseline : undefined);
          this.#uncertain = undefined;
        } else {
          next = step();
        }
        if ('done' in next) return { cart: next.done, userErrors: [], warnings: [] };
        try {
          const data = await this.client.requestOnce<Record<string, ShopifyCartPayload>>(next.query, next.variables, signal);
          return data[next.field] ?? GONE;
        } catch (error) {
          if (error instanceof StoreFailure && error.reachedStore) this.#uncertain = { change, before: baseline };
          throw error;
        }
      },
      // A change is never abandoned while the store may still apply it, only when the budget is spent.
      { attemptTimeoutMs: Number.POSITIVE_INFINITY },
    );
    if (isCartGone(payload)) {
      this.#forget();
      if (whenGone) return whenGone();
      this.#notify(this.#empty());
      throw new CommerceError('line_not_found', this.#strings.cartExpired);
    }
    return this.#applied(payload, before);
  }

  /** Makes a new cart with `lines` in it. Trying again after a lost answer may leave an unused cart behind at the store, never a line twice here. */
  async #create(lines: readonly CartLineInput[]): Promise<Cart> {
    const attributes = this.#attributes?.() ?? [];
    const input = { lines: toLineInputs(lines), ...(attributes.length > 0 ? { attributes: attributes.map(({ key, value }) => ({ key, value })) } : {}) };
    const { cartCreate } = await this.client.request<{ cartCreate: ShopifyCartPayload }>(CART_CREATE, { input });
    return this.#applied(cartCreate, this.#cart);
  }

  /** Sets the cart-level attributes the cart lacks (e.g. a new viewer session on a cart from an earlier visit). */
  async #syncCartAttributes(): Promise<void> {
    const wanted = this.#attributes?.() ?? [];
    const missing = wanted.filter(({ key, value }) => !this.#cartAttributes.some((attribute) => attribute.key === key && attribute.value === value));
    if (missing.length === 0) return;
    const merged = new Map(this.#cartAttributes.map(({ key, value }) => [key, value]));
    for (const { key, value } of wanted) merged.set(key, value);
    const { cartAttributesUpdate } = await this.client.request<{ cartAttributesUpdate: ShopifyCartPayload }>(CART_ATTRIBUTES_UPDATE, {
      cartId: this.#cartId,
      attributes: [...merged].map(([key, value]) => ({ key, value })),
    });
    // Not worth failing the add over: the lines matter, the attributes are for reports.
    if (cartAttributesUpdate.cart && cartAttributesUpdate.userErrors.length === 0) this.#accept(cartAttributesUpdate.cart, [], this.#cart);
  }

  /** The cart after a mutation: its user errors thrown, else kept, saved and told to the subscribers. */
  #applied(payload: ShopifyCartPayload, before: Cart | undefined): Cart {
    if (payload.userErrors.length > 0) throw userErrorsToError(payload.userErrors, this.#strings);
    if (!payload.cart) throw new CommerceError('invalid_request', this.#strings.refused);
    return this.#notify(this.#accept(payload.cart, payload.warnings, before));
  }

  #accept(shopifyCart: ShopifyCart, warnings: ShopifyCartPayload['warnings'], before?: Cart): Cart {
    const cart = toCart(shopifyCart, warnings, this.#strings, before);
    this.#cartId = cart.id;
    this.#cart = cart;
    this.#updatedAt = shopifyCart.updatedAt;
    this.#cartAttributes = toAttributes(shopifyCart.attributes);
    this.#currencyCode = cart.total.currencyCode;
    this.#saved.save({ id: cart.id, updatedAt: shopifyCart.updatedAt });
    return cart;
  }

  /** Only on the store's word that the cart does not exist: never on a failure. */
  #forget(): void {
    this.#switchTo(undefined);
    this.#saved.forget();
  }

  #notify(cart: Cart): Cart {
    for (const listener of this.#listeners) {
      try {
        listener(this.#copy(cart));
      } catch (error) {
        // One broken listener must neither stop the others nor fail the change; report it.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
    return cart;
  }

  /** A copy the caller may keep or change without touching the adapter's. */
  #copy<T>(value: T): T {
    return structuredClone(value);
  }
}
