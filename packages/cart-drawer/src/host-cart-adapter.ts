import type { Image, Money } from '@live-shop/protocol';
import type { Cart, CartAttribute, CartLine, CartLineInput, CartLineUpdate, CartListener, CartWarning, CommerceAdapter } from './commerce-adapter.js';
import { CommerceError } from './commerce-error.js';
import { multiplyMoney, sumMoney } from './money.js';

/** A line of the host site's cart, as the host page gives it; what is left out is worked out. */
export interface HostCartLine {
  /** The host cart's own line id; the drawer's quantity changes and removals name it. */
  id: string;
  title: string;
  quantity: number;
  /** The price of one. */
  price: Money;
  /** Defaults to `price` × `quantity`. */
  lineTotal?: Money;
  merchandiseId?: string;
  productId?: string;
  variantTitle?: string;
  image?: Image;
  attributes?: CartAttribute[];
}

/** The host site's cart as it pushes it into the drawer (see {@link HostCartAdapter.setCart}). */
export interface HostCart {
  id?: string;
  lines: readonly HostCartLine[];
  /** Defaults to the sum of the line totals. */
  subtotal?: Money;
  /** Defaults to the subtotal. */
  total?: Money;
  /** The currency of an empty cart; defaults to the first line's, then USD. */
  currencyCode?: string;
  /** Where the drawer's Checkout goes when there is no `checkout` handler (https: only). */
  checkoutUrl?: string;
  warnings?: CartWarning[];
}

type Answer<T> = T | void | Promise<T | void>;

/**
 * What the host site does when the viewer changes its cart in the drawer. Each handler
 * changes the host's own cart and either returns the cart after the change, or returns
 * nothing and pushes it with `setCart()` (then or later). A handler that throws refuses the
 * change: its message is shown to the viewer as text, so write it for them.
 */
export interface HostCartHandlers {
  /** A viewer pressed Add to cart on a product card (and no page listener cancelled the event). */
  addLines?(lines: readonly CartLineInput[]): Answer<HostCart>;
  updateLines?(lines: readonly CartLineUpdate[]): Answer<HostCart>;
  removeLines?(lineIds: readonly string[]): Answer<HostCart>;
  /** Where to pay; defaults to the pushed cart's `checkoutUrl`. */
  checkout?(cart: Cart): Answer<string | { url: string }>;
}

/** Fills in what a host cart left out: totals, ids and empty lists. */
export function toCart(host: HostCart): Cart {
  const currencyCode = host.currencyCode ?? host.lines[0]?.price.currencyCode ?? host.subtotal?.currencyCode ?? 'USD';
  const lines: CartLine[] = host.lines.map((line) => {
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      throw new CommerceError('invalid_quantity', `The host cart's line "${line.id}" has quantity ${String(line.quantity)}; quantities are whole numbers of at least 1.`);
    }
    return {
      id: line.id,
      merchandiseId: line.merchandiseId ?? line.id,
      productId: line.productId ?? line.merchandiseId ?? line.id,
      title: line.title,
      variantTitle: line.variantTitle ?? '',
      ...(line.image ? { image: line.image } : {}),
      quantity: line.quantity,
      price: line.price,
      lineTotal: line.lineTotal ?? multiplyMoney(line.price, line.quantity),
      attributes: line.attributes ? [...line.attributes] : [],
    };
  });
  const subtotal = host.subtotal ?? sumMoney(lines.map((line) => line.lineTotal), currencyCode);
  return {
    id: host.id ?? '',
    lines,
    totalQuantity: lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotal,
    total: host.total ?? subtotal,
    ...(host.checkoutUrl ? { checkoutUrl: host.checkoutUrl } : {}),
    warnings: host.warnings ? [...host.warnings] : [],
  };
}

function refused(error: unknown): CommerceError {
  if (error instanceof CommerceError) return error;
  const message = error instanceof Error && error.message ? error.message : typeof error === 'string' && error ? error : undefined;
  return new CommerceError('invalid_request', message ?? "The shop's cart didn't take that change; try again.", { cause: error });
}

/**
 * The host site's own cart (WooCommerce, BigCommerce, a custom one) in the live-shop
 * drawer: a two-way cart. The host pushes its cart in with {@link setCart} whenever it
 * changes (the drawer and the player's badge follow), and the viewer's changes in the
 * drawer go to the host's {@link HostCartHandlers}.
 */
export class HostCartAdapter implements CommerceAdapter {
  #cart: Cart;
  #handlers: HostCartHandlers;
  #listeners = new Set<CartListener>();

  constructor(handlers: HostCartHandlers = {}, cart: HostCart = { lines: [] }) {
    this.#handlers = handlers;
    this.#cart = toCart(cart);
  }

  /** Replaces the handlers (e.g. once the host's cart code has loaded). */
  setHandlers(handlers: HostCartHandlers): void {
    this.#handlers = handlers;
  }

  /** Shows the host's cart as it is now, in every drawer and badge that follows this adapter. */
  setCart(cart: HostCart): void {
    this.#cart = toCart(cart);
    for (const listener of this.#listeners) listener(this.#cart);
  }

  async getCart(): Promise<Cart> {
    return this.#cart;
  }

  addLines(lines: readonly CartLineInput[]): Promise<Cart> {
    return this.#change(this.#handlers.addLines?.bind(this.#handlers), lines, "This shop adds items to its cart on its own page; use the shop's Add to cart button.");
  }

  updateLines(lines: readonly CartLineUpdate[]): Promise<Cart> {
    return this.#change(this.#handlers.updateLines?.bind(this.#handlers), lines, "Quantities can't be changed here; change them in the shop's own cart.");
  }

  removeLines(lineIds: readonly string[]): Promise<Cart> {
    return this.#change(this.#handlers.removeLines?.bind(this.#handlers), lineIds, "Items can't be removed here; remove them in the shop's own cart.");
  }

  async checkout(): Promise<{ url: string }> {
    const cart = this.#cart;
    if (cart.lines.length === 0) throw new CommerceError('empty_cart', 'Your cart is empty; add something first.');
    let answer: string | { url: string } | void;
    try {
      answer = this.#handlers.checkout ? await this.#handlers.checkout(cart) : undefined;
    } catch (error) {
      throw refused(error);
    }
    const url = typeof answer === 'string' ? answer : (answer?.url ?? cart.checkoutUrl);
    if (!url) throw new CommerceError('checkout_unavailable', "Checkout isn't available here; go to the shop's cart page to pay.");
    return { url };
  }

  subscribe(listener: CartListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async #change<T>(handler: ((input: T) => Answer<HostCart>) | undefined, input: T, unsupported: string): Promise<Cart> {
    if (!handler) throw new CommerceError('checkout_unavailable', unsupported);
    let answer: HostCart | void;
    try {
      answer = await handler(input);
    } catch (error) {
      throw refused(error);
    }
    if (answer) this.setCart(answer);
    return this.#cart;
  }
}
