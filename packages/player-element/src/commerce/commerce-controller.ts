// Only the payment-link helper is loaded with the player: everything else of the cart
// (the drawer, the adapters) loads when the page has a cart (see #module).
import type { Cart, CartAttribute, CartDrawer, CommerceAdapter, HostCart, HostCartAdapter, HostCartHandlers } from '@live-shop/cart-drawer';
import { paymentLinkUrl } from '@live-shop/cart-drawer/payment-link';
import type { AddToCartDetail, AddToCartEvent, CheckoutEvent } from '@live-shop/overlay-cards';
import { EVENTS as CARD_EVENTS } from '@live-shop/overlay-cards/shared';
import { MODE_LINE_ATTRIBUTE, PDT_LINE_ATTRIBUTE, SESSION_CART_ATTRIBUTE, SHOW_LINE_ATTRIBUTE, sessionStorageKey, type AttributionMode, type Product, type ShowState } from '@live-shop/protocol';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { playerError, type PlayerError } from '../errors.js';

/** What the controller needs of `<live-shop>`. */
export interface CommerceHost extends ReactiveControllerHost, HTMLElement {
  readonly show: string | undefined;
  readonly mode: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface CommerceOptions {
  /** The Shopify adapter when the element has a store (loaded lazily), else undefined. */
  storeAdapter(): Promise<CommerceAdapter | undefined>;
  /** Tells the viewer something went wrong outside the drawer (e.g. an unsafe payment link). */
  notice(error: PlayerError): void;
}

/** The viewer's analytics session for the show, when the beacon keeps one (consent given). */
function storedSession(show: string): string | undefined {
  try {
    return sessionStorage.getItem(sessionStorageKey(show)) ?? undefined;
  } catch {
    return undefined;
  }
}

/** What hydration depends on: ids, prices and stock (a change to any asks the store again). */
function catalogKey(products: readonly Product[]): string {
  return products
    .map((product) => `${product.id}:${product.price.amount}:${product.variants.map((variant) => `${variant.id}/${variant.price?.amount ?? ''}/${String(variant.availableForSale)}/${variant.quantityAvailable ?? ''}`).join(',')}`)
    .join('|');
}

/**
 * The player's commerce: which cart it uses (one set on `cartAdapter`, the Shopify store of
 * `store-domain`, or the host site's cart), the drawer (loaded when there is a cart), the
 * badge's count, and what the product cards' buttons do when no page listener took over:
 * Add to cart adds the product with the moment it was shown (attribution) and opens the
 * drawer; Buy on a payment link opens it with the attribution in its query.
 */
export class CommerceController implements ReactiveController {
  /** The cart on the badge. */
  cart: Cart | undefined;
  /** Whether the drawer element is defined (its chunk loaded). */
  drawerReady = false;

  readonly #host: CommerceHost;
  readonly #options: CommerceOptions;
  #custom: CommerceAdapter | undefined;
  #store: CommerceAdapter | undefined;
  #hostCart: HostCartAdapter | undefined;
  /** The host cart's handlers and cart, kept until the cart's code has loaded. */
  #hostRequest: { handlers: HostCartHandlers | undefined; cart: HostCart | undefined } | undefined;
  #module: Promise<typeof import('@live-shop/cart-drawer/define')> | undefined;
  /** The show's products as last seen, what the store said of them, and the hydration under way. */
  #products: readonly Product[] = [];
  #catalogKey = '';
  #hydrated = new Map<string, Product>();
  #hydrating = false;
  #hydrateAgain = false;
  #overlay: { state: ShowState; hydrated: Map<string, Product>; out: ShowState } | undefined;
  #subscribed: { adapter: CommerceAdapter; unsubscribe: () => void } | undefined;
  #storeRun = 0;
  /** Merchandise being added: a second press while the first is under way adds nothing. */
  #adding = new Set<string>();

  constructor(host: CommerceHost, options: CommerceOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    host.addEventListener(CARD_EVENTS.addToCart, this.#onAddToCart);
    host.addEventListener(CARD_EVENTS.checkout, this.#onCheckout);
  }

  /** The cart in use: one set by the page, else the store's, else the host site's. */
  get adapter(): CommerceAdapter | undefined {
    return this.#custom ?? this.#store ?? this.#hostCart;
  }

  /** A cart the page provides (any CommerceAdapter); undefined goes back to the store's. */
  setCustom(adapter: CommerceAdapter | undefined): void {
    this.#custom = adapter;
    this.#follow();
  }

  /** (Re)loads the store's adapter, e.g. after `store-domain` changed. */
  async loadStore(): Promise<void> {
    const run = ++this.#storeRun;
    const adapter = await this.#options.storeAdapter();
    if (run !== this.#storeRun) return;
    this.#store = adapter;
    this.#follow();
  }

  /**
   * The host site's cart: `handlers` take the viewer's changes. Applied once the cart's
   * code has loaded (a moment after the first call); calls made before then are kept.
   */
  useHostCart(handlers: HostCartHandlers | undefined): void {
    this.#hostRequest = { handlers: handlers ?? this.#hostRequest?.handlers, cart: this.#hostRequest?.cart };
    void this.#applyHostCart();
  }

  /** The host site pushes its cart: the badge and the drawer show it. */
  setHostCart(cart: HostCart): void {
    this.#hostRequest = { handlers: this.#hostRequest?.handlers, cart };
    void this.#applyHostCart();
  }

  async #applyHostCart(): Promise<void> {
    const { HostCartAdapter } = await this.#load();
    const request = this.#hostRequest;
    if (!request) return;
    this.#hostRequest = undefined;
    if (!this.#hostCart) this.#hostCart = new HostCartAdapter(request.handlers);
    else if (request.handlers) this.#hostCart.setHandlers(request.handlers);
    if (request.cart) this.#hostCart.setCart(request.cart);
    this.#follow();
  }

  #load(): Promise<typeof import('@live-shop/cart-drawer/define')> {
    this.#module ??= import('@live-shop/cart-drawer/define');
    return this.#module;
  }

  get drawer(): CartDrawer | null {
    return this.#host.renderRoot.querySelector<CartDrawer>('live-shop-cart');
  }

  /** Opens the drawer (loading it first if needed). */
  async open(): Promise<void> {
    const drawer = await this.#drawer();
    await drawer?.show();
  }

  hostConnected(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#subscribed?.unsubscribe();
    this.#subscribed = undefined;
  }

  /** Subscribes the badge to the adapter in use, and loads the drawer once there is one. */
  #follow(): void {
    const adapter = this.#host.isConnected ? this.adapter : undefined;
    if (this.#subscribed?.adapter === adapter) return;
    this.#subscribed?.unsubscribe();
    this.#subscribed = undefined;
    this.cart = undefined;
    // Another store's prices and stock say nothing about this one's.
    this.#hydrated = new Map();
    this.#catalogKey = '';
    this.#host.requestUpdate();
    if (!adapter) return;
    this.catalogChanged(this.#products);
    const unsubscribe = adapter.subscribe((cart) => this.#show(adapter, cart));
    this.#subscribed = { adapter, unsubscribe };
    adapter.getCart().then(
      (cart) => this.#show(adapter, cart),
      // The drawer shows the failure when it loads the cart; the badge waits.
      () => undefined,
    );
    void this.#drawer();
  }

  /**
   * The show's products changed (a catalog, stock or price event reached the playhead):
   * with a store's cart, ask the store for its prices and stock (one request at a time;
   * changes meanwhile make one more).
   */
  catalogChanged(products: readonly Product[]): void {
    this.#products = products;
    const adapter = this.adapter;
    if (!adapter?.hydrateProducts || products.length === 0) return;
    const key = catalogKey(products);
    if (key === this.#catalogKey) return;
    this.#catalogKey = key;
    void this.#hydrate(adapter);
  }

  async #hydrate(adapter: CommerceAdapter): Promise<void> {
    if (this.#hydrating) {
      this.#hydrateAgain = true;
      return;
    }
    this.#hydrating = true;
    try {
      do {
        this.#hydrateAgain = false;
        try {
          const fresh = (await adapter.hydrateProducts?.(this.#products)) ?? [];
          if (adapter !== this.adapter) return;
          this.#hydrated = new Map(fresh.map((product) => [product.id, product]));
          this.#host.requestUpdate();
        } catch {
          // The store did not answer: the show's own prices and stock stay on the cards.
        }
      } while (this.#hydrateAgain);
    } finally {
      this.#hydrating = false;
    }
  }

  /** `state` with the store's prices and stock on its products (what the cards show). */
  withStore(state: ShowState): ShowState {
    if (this.#hydrated.size === 0) return state;
    // The same object for the same inputs: the cards re-render only when something changed.
    const cached = this.#overlay;
    if (cached?.state === state && cached.hydrated === this.#hydrated) return cached.out;
    const out = { ...state, products: state.products.map((product) => this.#hydrated.get(product.id) ?? product) };
    this.#overlay = { state, hydrated: this.#hydrated, out };
    return out;
  }

  /** The badge follows the drawer's changes too (an adapter need not tell subscribers of its own calls). */
  cartChanged(cart: Cart): void {
    if (this.adapter) this.#show(this.adapter, cart);
  }

  #show(adapter: CommerceAdapter, cart: Cart): void {
    if (adapter !== this.adapter) return;
    this.cart = cart;
    this.#host.requestUpdate();
  }

  async #drawer(): Promise<CartDrawer | null> {
    if (!this.drawerReady) {
      await this.#load();
      this.drawerReady = true;
      this.#host.requestUpdate();
    }
    await this.#host.updateComplete;
    return this.drawer;
  }

  #attribution(pdt: number | undefined): { show: string; pdt: number | undefined; mode: AttributionMode; session: string | undefined } {
    const show = this.#host.show ?? '';
    return { show, pdt, mode: this.#host.mode === 'replay' ? 'replay' : 'live', session: show ? storedSession(show) : undefined };
  }

  // ---- what the cards' buttons do ----

  #onAddToCart = (event: AddToCartEvent): void => {
    // After the event has reached every listener (the page's, on document, run after this
    // one): a page that cancelled it handles the cart itself.
    queueMicrotask(() => {
      if (!event.defaultPrevented) void this.#add(event.detail);
    });
  };

  async #add(detail: AddToCartDetail): Promise<void> {
    // A host site that pushed its cart a moment ago: its adapter may still be loading.
    if (this.#hostRequest) await this.#applyHostCart();
    const adapter = this.adapter;
    if (!adapter) {
      this.#options.notice(playerError('cart-unavailable'));
      return;
    }
    const merchandiseId = detail.variantId ?? detail.product.id;
    if (this.#adding.has(merchandiseId)) return;
    this.#adding.add(merchandiseId);
    try {
      const attribution = this.#attribution(detail.pdt);
      const attributes: CartAttribute[] = [{ key: SHOW_LINE_ATTRIBUTE, value: attribution.show }];
      if (attribution.pdt !== undefined && Number.isFinite(attribution.pdt)) attributes.push({ key: PDT_LINE_ATTRIBUTE, value: String(Math.trunc(attribution.pdt)) });
      attributes.push({ key: MODE_LINE_ATTRIBUTE, value: attribution.mode });
      const drawer = await this.#drawer();
      if (!drawer) return;
      // Open first: the viewer sees the progress, and a failure with its retry.
      void drawer.show();
      await drawer.addLines([{ merchandiseId, quantity: 1, attributes }]);
    } finally {
      this.#adding.delete(merchandiseId);
    }
  }

  /** The session, for the cart's attributes (the Shopify adapter asks for it). */
  cartAttributes(): CartAttribute[] {
    const session = this.#attribution(undefined).session;
    return session ? [{ key: SESSION_CART_ATTRIBUTE, value: session }] : [];
  }

  #onCheckout = (event: CheckoutEvent): void => {
    // Before the page's listeners: they and the card see the link with its attribution.
    const { product, pdt } = event.detail;
    try {
      event.detail.url = paymentLinkUrl(product, this.#attribution(pdt));
    } catch {
      // Not https (or no link at all): never followed.
      event.preventDefault();
      this.#options.notice(playerError('payment-link-refused'));
    }
  };
}
