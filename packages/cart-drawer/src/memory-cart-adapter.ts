import type { Image, Money, Product, Variant } from '@live-shop/protocol';
import type { Cart, CartAttribute, CartLine, CartLineInput, CartLineUpdate, CartListener, CartWarning, CommerceAdapter } from './commerce-adapter.js';
import { CommerceError } from './commerce-error.js';
import { CART_WARNINGS } from './constants.js';
import { multiplyMoney, sumMoney } from './money.js';

export interface MemoryCartOptions {
  /** The products that can be added; a line's `merchandiseId` is a variant id (or the product id of a product without variants). */
  products?: readonly Product[];
  /** The cart id; a random one by default. */
  id?: string;
  /** The currency of the empty cart; by default the first product's. */
  currencyCode?: string;
  /** Where Checkout sends the viewer: a URL, or one made from the cart (e.g. the host site's checkout page with the cart in the query). */
  checkoutUrl?: string | ((cart: Cart) => string);
}

interface Merchandise {
  product: Product;
  variant: Variant | undefined;
}

/** A line as the cart keeps it; totals are computed whenever a snapshot is taken. */
interface StoredLine {
  id: string;
  merchandiseId: string;
  productId: string;
  title: string;
  variantTitle: string;
  image: Image | undefined;
  quantity: number;
  price: Money;
  attributes: CartAttribute[];
}

function sameAttributes(a: readonly CartAttribute[], b: readonly CartAttribute[]): boolean {
  const key = (list: readonly CartAttribute[]) => JSON.stringify([...list].map(({ key, value }) => [key, value]).sort());
  return a.length === b.length && key(a) === key(b);
}

function checkQuantity(quantity: number, minimum: number): void {
  if (!Number.isSafeInteger(quantity) || quantity < minimum) {
    throw new CommerceError('invalid_quantity', `The quantity must be a whole number of at least ${minimum}; enter another quantity.`);
  }
}

function lineNotFound(): CommerceError {
  return new CommerceError('line_not_found', 'That item is no longer in your cart (it was changed elsewhere); the cart now shows what is in it.');
}

/**
 * A real cart kept in memory: the cart of a host site that keeps its own state in the
 * page, and of tests. It behaves as Shopify's cart does where a viewer can tell: a second
 * add of the same variant (with the same attributes) adds to its line, quantities are
 * clamped to the stock left with a warning, quantity 0 removes a line, and every change
 * is validated whole before anything changes. Totals are the sum of the lines (no taxes,
 * shipping or discounts), computed exactly from the decimal strings.
 */
export class MemoryCartAdapter implements CommerceAdapter {
  #id: string;
  #currencyCode: string;
  #checkoutUrl: MemoryCartOptions['checkoutUrl'];
  #merchandise = new Map<string, Merchandise>();
  #lines: StoredLine[] = [];
  #warnings: CartWarning[] = [];
  #nextLine = 1;
  #listeners = new Set<CartListener>();

  constructor(options: MemoryCartOptions = {}) {
    this.#id = options.id ?? `memory-cart-${globalThis.crypto.randomUUID()}`;
    this.#currencyCode = options.currencyCode ?? options.products?.[0]?.price.currencyCode ?? 'USD';
    this.#checkoutUrl = options.checkoutUrl;
    this.setProducts(options.products ?? []);
  }

  /** Replaces the catalog (prices and stock for lines added from now on, and stock for quantity changes). */
  setProducts(products: readonly Product[]): void {
    this.#merchandise.clear();
    for (const product of products) {
      if (product.variants.length === 0) this.#merchandise.set(product.id, { product, variant: undefined });
      for (const variant of product.variants) this.#merchandise.set(variant.id, { product, variant });
    }
  }

  /**
   * Replaces the cart with one the host page has (e.g. restored from its own storage), and
   * tells every subscriber. Totals are recomputed from the lines.
   */
  setCart(cart: Cart): void {
    this.#id = cart.id || this.#id;
    this.#currencyCode = cart.subtotal.currencyCode;
    this.#lines = cart.lines.map((line) => ({
      id: line.id,
      merchandiseId: line.merchandiseId,
      productId: line.productId,
      title: line.title,
      variantTitle: line.variantTitle,
      image: line.image,
      quantity: line.quantity,
      price: line.price,
      attributes: [...line.attributes],
    }));
    this.#warnings = [...cart.warnings];
    this.#notify();
  }

  async getCart(): Promise<Cart> {
    return this.#snapshot();
  }

  async addLines(inputs: readonly CartLineInput[]): Promise<Cart> {
    // Check everything first: a refused request changes nothing (as Shopify's userErrors).
    const found = inputs.map((input) => {
      checkQuantity(input.quantity, 1);
      const merchandise = this.#merchandise.get(input.merchandiseId);
      if (!merchandise) {
        throw new CommerceError('merchandise_not_found', 'This product is no longer on sale here; refresh the page to see what is.');
      }
      return { input, merchandise, price: merchandise.variant?.price ?? merchandise.product.price };
    });
    const currencyCode = this.#lines.length > 0 ? this.#currencyCode : (found[0]?.price.currencyCode ?? this.#currencyCode);
    sumMoney(found.map(({ price }) => price), currencyCode); // throws on a second currency

    const warnings: CartWarning[] = [];
    for (const { input, merchandise, price } of found) {
      const attributes = input.attributes?.map(({ key, value }) => ({ key, value })) ?? [];
      let line = this.#lines.find((candidate) => candidate.merchandiseId === input.merchandiseId && sameAttributes(candidate.attributes, attributes));
      const wanted = (line?.quantity ?? 0) + input.quantity;
      const allowed = Math.min(wanted, this.#available(input.merchandiseId, line?.id));
      if (allowed <= 0) {
        warnings.push({ ...(line ? { lineId: line.id } : {}), code: CART_WARNINGS.outOfStock, message: `${merchandise.product.title} is sold out, so it was not added.` });
        continue;
      }
      if (!line) {
        line = {
          id: this.#newLineId(),
          merchandiseId: input.merchandiseId,
          productId: merchandise.product.id,
          title: merchandise.product.title,
          variantTitle: merchandise.variant?.title ?? '',
          image: merchandise.variant?.image ?? merchandise.product.images[0],
          quantity: 0,
          price,
          attributes,
        };
        this.#lines.push(line);
      }
      line.quantity = allowed;
      if (allowed < wanted) warnings.push(this.#clampWarning(line.id, allowed));
    }
    this.#currencyCode = currencyCode;
    return this.#changed(warnings);
  }

  async updateLines(updates: readonly CartLineUpdate[]): Promise<Cart> {
    const found = updates.map((update) => {
      checkQuantity(update.quantity, 0);
      const line = this.#lines.find((candidate) => candidate.id === update.id);
      if (!line) throw lineNotFound();
      return { line, quantity: update.quantity };
    });
    const warnings: CartWarning[] = [];
    for (const { line, quantity } of found) {
      const allowed = Math.min(quantity, this.#available(line.merchandiseId, line.id));
      if (allowed < quantity) {
        warnings.push(
          allowed > 0
            ? this.#clampWarning(line.id, allowed)
            : { code: CART_WARNINGS.outOfStock, message: `${line.title} is sold out, so it was removed from your cart.` },
        );
      }
      line.quantity = allowed;
    }
    this.#lines = this.#lines.filter((line) => line.quantity > 0);
    return this.#changed(warnings);
  }

  async removeLines(lineIds: readonly string[]): Promise<Cart> {
    if (lineIds.some((id) => !this.#lines.some((line) => line.id === id))) throw lineNotFound();
    this.#lines = this.#lines.filter((line) => !lineIds.includes(line.id));
    return this.#changed([]);
  }

  async checkout(): Promise<{ url: string }> {
    const cart = this.#snapshot();
    if (cart.lines.length === 0) throw new CommerceError('empty_cart', 'Your cart is empty; add something before checking out.');
    const checkoutUrl = this.#checkoutUrl;
    if (checkoutUrl === undefined) {
      throw new CommerceError('checkout_unavailable', 'Checkout is not set up for this cart yet; please tell the shop.');
    }
    return { url: typeof checkoutUrl === 'string' ? checkoutUrl : checkoutUrl(cart) };
  }

  subscribe(listener: CartListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** How many more of this merchandise the line may hold; Infinity when stock is not tracked. */
  #available(merchandiseId: string, lineId: string | undefined): number {
    const merchandise = this.#merchandise.get(merchandiseId);
    const variant = merchandise?.variant;
    if (!variant) return Infinity; // no variant (or no longer in the catalog): nothing known about stock
    if (!variant.availableForSale) return 0;
    if (variant.quantityAvailable === undefined || variant.quantityAvailable === null) return Infinity;
    // Lines with other attributes hold the same stock.
    const elsewhere = this.#lines
      .filter((line) => line.merchandiseId === merchandiseId && line.id !== lineId)
      .reduce((sum, line) => sum + line.quantity, 0);
    return Math.max(0, variant.quantityAvailable - elsewhere);
  }

  #newLineId(): string {
    // A cart from setCart() may already use ids of this form.
    let id: string;
    do id = `line-${this.#nextLine++}`;
    while (this.#lines.some((line) => line.id === id));
    return id;
  }

  #clampWarning(lineId: string, quantity: number): CartWarning {
    return { lineId, code: CART_WARNINGS.notEnoughStock, message: `Only ${quantity} left, so the quantity is now ${quantity}.` };
  }

  #changed(warnings: CartWarning[]): Cart {
    this.#warnings = warnings;
    return this.#notify();
  }

  #notify(): Cart {
    const cart = this.#snapshot();
    for (const listener of this.#listeners) {
      try {
        listener(this.#snapshot());
      } catch (error) {
        // One broken listener must neither stop the others nor fail the change; report it.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
    return cart;
  }

  /** A copy the caller may keep or change without touching the cart. */
  #snapshot(): Cart {
    const currencyCode = this.#currencyCode;
    const lines: CartLine[] = this.#lines.map((line) => ({
      id: line.id,
      merchandiseId: line.merchandiseId,
      productId: line.productId,
      title: line.title,
      variantTitle: line.variantTitle,
      ...(line.image ? { image: { ...line.image } } : {}),
      quantity: line.quantity,
      price: { ...line.price },
      lineTotal: multiplyMoney(line.price, line.quantity),
      attributes: line.attributes.map((attribute) => ({ ...attribute })),
    }));
    const subtotal = sumMoney(lines.map((line) => line.lineTotal), currencyCode);
    const cart: Cart = {
      id: this.#id,
      lines,
      totalQuantity: lines.reduce((sum, line) => sum + line.quantity, 0),
      subtotal,
      total: { ...subtotal },
      warnings: this.#warnings.map((warning) => ({ ...warning })),
    };
    if (typeof this.#checkoutUrl === 'string') cart.checkoutUrl = this.#checkoutUrl;
    return cart;
  }
}
