import { randomBytes, randomUUID } from 'node:crypto';
import { stockLimit, type Catalog, type CatalogVariant } from './catalog.js';

export interface Attribute {
  key: string;
  value: string;
}

export interface CartLineState {
  id: string;
  merchandiseId: string;
  quantity: number;
  attributes: Attribute[];
}

export interface BuyerIdentityState {
  countryCode: string | null;
  email: string | null;
  phone: string | null;
}

export interface CartState {
  /** `gid://shopify/Cart/<token>?key=<key>`, as Shopify writes it. */
  id: string;
  token: string;
  key: string;
  createdAt: string;
  updatedAt: string;
  lines: CartLineState[];
  attributes: Attribute[];
  note: string;
  buyerIdentity: BuyerIdentityState;
}

/** Only values that exist in the schema's CartErrorCode and CartWarningCode enums. */
export type CartErrorCode = 'INVALID' | 'CART_TOO_LARGE' | 'SELLING_PLAN_NOT_APPLICABLE' | 'NOTE_TOO_LONG';
export type CartWarningCode = 'MERCHANDISE_NOT_ENOUGH_STOCK' | 'MERCHANDISE_OUT_OF_STOCK';

export interface CartUserError {
  field: string[] | null;
  message: string;
  code: CartErrorCode;
}

export interface CartWarning {
  code: CartWarningCode;
  message: string;
  /** The cart line, or the merchandise when no line holds it. */
  target: string;
}

/** What every cart mutation answers: `{cart, userErrors, warnings}`. */
export interface CartMutationResult {
  cart: CartState | null;
  userErrors: CartUserError[];
  warnings: CartWarning[];
}

export interface CartLineInput {
  merchandiseId: string;
  quantity?: number | null;
  attributes?: Attribute[] | null;
  sellingPlanId?: string | null;
  parent?: unknown;
}

export interface CartLineUpdateInput {
  id: string;
  merchandiseId?: string | null;
  quantity?: number | null;
  attributes?: Attribute[] | null;
  sellingPlanId?: string | null;
}

export interface CartInput {
  lines?: CartLineInput[] | null;
  attributes?: Attribute[] | null;
  note?: string | null;
  buyerIdentity?: Record<string, unknown> | null;
  [unsupported: string]: unknown;
}

/** Shopify's documented limits: 500 lines and 250 attributes a cart. */
const MAX_LINES = 500;
const MAX_ATTRIBUTES = 250;
const MAX_NOTE_LENGTH = 5000;

const cartNotFound = (): CartUserError => ({ field: ['cartId'], message: 'The specified cart does not exist.', code: 'INVALID' });

/** Attributes compared as a set: the same pairs in another order are the same line. */
const attributesKey = (attributes: readonly Attribute[]) => JSON.stringify(attributes.map(({ key, value }) => JSON.stringify([key, value])).sort());

const copyAttributes = (attributes: readonly Attribute[] | null | undefined): Attribute[] =>
  (attributes ?? []).map(({ key, value }) => ({ key, value }));

const cloneCart = (cart: CartState): CartState => ({
  ...cart,
  lines: cart.lines.map((line) => ({ ...line, attributes: copyAttributes(line.attributes) })),
  attributes: copyAttributes(cart.attributes),
  buyerIdentity: { ...cart.buyerIdentity },
});

/**
 * Carts kept in memory with Shopify's cart rules: the same merchandise with the same
 * attributes is one line, a quantity is clamped to the stock (with a warning), sold-out
 * merchandise is not added, quantity 0 removes a line, and a mutation with a user error
 * changes nothing.
 */
export class CartStore {
  readonly #carts = new Map<string, CartState>();
  readonly #catalog: () => Catalog;
  readonly #now: () => Date;

  constructor(catalog: () => Catalog, now: () => Date = () => new Date()) {
    this.#catalog = catalog;
    this.#now = now;
  }

  get(id: string): CartState | undefined {
    return this.#carts.get(id);
  }

  byToken(token: string): CartState | undefined {
    for (const cart of this.#carts.values()) if (cart.token === token) return cart;
    return undefined;
  }

  list(): CartState[] {
    return [...this.#carts.values()];
  }

  clear(): void {
    this.#carts.clear();
  }

  create(input: CartInput | null | undefined): CartMutationResult {
    const now = this.#now().toISOString();
    const token = `c1-${randomBytes(16).toString('hex')}`;
    const key = randomBytes(16).toString('hex');
    const cart: CartState = {
      id: `gid://shopify/Cart/${token}?key=${key}`,
      token,
      key,
      createdAt: now,
      updatedAt: now,
      lines: [],
      attributes: [],
      note: '',
      buyerIdentity: { countryCode: null, email: null, phone: null },
    };
    const userErrors = unsupportedInput(input ?? {}, ['lines', 'attributes', 'note', 'buyerIdentity'], ['input']);
    const warnings: CartWarning[] = [];
    if (input?.attributes) userErrors.push(...this.#setAttributes(cart, input.attributes, ['input', 'attributes']));
    if (input?.note != null) userErrors.push(...setNote(cart, input.note, ['input', 'note']));
    if (input?.buyerIdentity) userErrors.push(...setBuyerIdentity(cart, input.buyerIdentity, ['input', 'buyerIdentity']));
    if (input?.lines) this.#addLines(cart, input.lines, ['input', 'lines'], userErrors, warnings);
    if (userErrors.length > 0) return { cart: null, userErrors, warnings: [] };
    this.#carts.set(cart.id, cart);
    return { cart, userErrors, warnings };
  }

  addLines(cartId: string, lines: CartLineInput[]): CartMutationResult {
    return this.#mutate(cartId, (cart, userErrors, warnings) => this.#addLines(cart, lines, ['lines'], userErrors, warnings));
  }

  updateLines(cartId: string, lines: CartLineUpdateInput[]): CartMutationResult {
    return this.#mutate(cartId, (cart, userErrors, warnings) => {
      lines.forEach((input, index) => {
        const line = cart.lines.find((candidate) => candidate.id === input.id);
        if (!line) {
          userErrors.push({ field: ['lines', String(index), 'id'], message: `The merchandise line with id ${input.id} does not exist.`, code: 'INVALID' });
          return;
        }
        if (input.sellingPlanId != null) userErrors.push(noSellingPlans(['lines', String(index), 'sellingPlanId']));
        if (input.merchandiseId != null) {
          if (!this.#variant(input.merchandiseId, ['lines', String(index), 'merchandiseId'], userErrors)) return;
          line.merchandiseId = input.merchandiseId;
        }
        if (input.attributes != null) line.attributes = copyAttributes(input.attributes);
        if (input.quantity != null) {
          if (input.quantity < 0) {
            userErrors.push({ field: ['lines', String(index), 'quantity'], message: 'The quantity must not be negative; use 0 to remove the line.', code: 'INVALID' });
            return;
          }
          line.quantity = input.quantity;
        }
      });
      cart.lines = cart.lines.filter((line) => line.quantity > 0);
      mergeSameLines(cart);
      for (const line of [...cart.lines]) this.#clampToStock(cart, line, warnings);
    });
  }

  removeLines(cartId: string, lineIds: string[]): CartMutationResult {
    return this.#mutate(cartId, (cart, userErrors) => {
      lineIds.forEach((lineId, index) => {
        if (!cart.lines.some((line) => line.id === lineId)) {
          userErrors.push({ field: ['lineIds', String(index)], message: `The merchandise line with id ${lineId} does not exist.`, code: 'INVALID' });
        }
      });
      cart.lines = cart.lines.filter((line) => !lineIds.includes(line.id));
    });
  }

  updateAttributes(cartId: string, attributes: Attribute[]): CartMutationResult {
    return this.#mutate(cartId, (cart, userErrors) => userErrors.push(...this.#setAttributes(cart, attributes, ['attributes'])));
  }

  updateNote(cartId: string, note: string): CartMutationResult {
    return this.#mutate(cartId, (cart, userErrors) => userErrors.push(...setNote(cart, note, ['note'])));
  }

  updateBuyerIdentity(cartId: string, buyerIdentity: Record<string, unknown>): CartMutationResult {
    return this.#mutate(cartId, (cart, userErrors) => userErrors.push(...setBuyerIdentity(cart, buyerIdentity, ['buyerIdentity'])));
  }

  /** Applies `change` to a copy of the cart, and keeps the copy only when it raised no user error. */
  #mutate(cartId: string, change: (cart: CartState, userErrors: CartUserError[], warnings: CartWarning[]) => void): CartMutationResult {
    const current = this.#carts.get(cartId);
    if (!current) return { cart: null, userErrors: [cartNotFound()], warnings: [] };
    const cart = cloneCart(current);
    const userErrors: CartUserError[] = [];
    const warnings: CartWarning[] = [];
    change(cart, userErrors, warnings);
    if (userErrors.length > 0) return { cart: current, userErrors, warnings: [] };
    cart.updatedAt = this.#now().toISOString();
    this.#carts.set(cart.id, cart);
    return { cart, userErrors, warnings };
  }

  #variant(id: string, field: string[], userErrors: CartUserError[]): CatalogVariant | undefined {
    const variant = this.#catalog().variants.get(id);
    if (!variant) userErrors.push({ field, message: `The merchandise with id ${id} does not exist.`, code: 'INVALID' });
    return variant;
  }

  #addLines(cart: CartState, lines: CartLineInput[], field: string[], userErrors: CartUserError[], warnings: CartWarning[]): void {
    lines.forEach((input, index) => {
      const at = [...field, String(index)];
      const variant = this.#variant(input.merchandiseId, [...at, 'merchandiseId'], userErrors);
      const quantity = input.quantity ?? 1;
      if (quantity < 1) userErrors.push({ field: [...at, 'quantity'], message: 'The quantity must be at least 1.', code: 'INVALID' });
      if (input.sellingPlanId != null) userErrors.push(noSellingPlans([...at, 'sellingPlanId']));
      if (input.parent != null) {
        userErrors.push({ field: [...at, 'parent'], message: 'The storefront fake does not support nested cart lines; leave out `parent`.', code: 'INVALID' });
      }
      if (!variant || quantity < 1 || userErrors.length > 0) return;
      if (stockLimit(variant) === 0) {
        warnings.push({ code: 'MERCHANDISE_OUT_OF_STOCK', message: `${this.#name(variant)} is sold out, so it was not added to the cart.`, target: variant.id });
        return;
      }
      const attributes = copyAttributes(input.attributes);
      const key = attributesKey(attributes);
      let line = cart.lines.find((candidate) => candidate.merchandiseId === variant.id && attributesKey(candidate.attributes) === key);
      if (line) {
        line.quantity += quantity;
      } else {
        if (cart.lines.length >= MAX_LINES) {
          userErrors.push({ field: at, message: `A cart holds at most ${MAX_LINES} lines.`, code: 'CART_TOO_LARGE' });
          return;
        }
        line = { id: `gid://shopify/CartLine/${randomUUID()}?cart=${cart.token}`, merchandiseId: variant.id, quantity, attributes };
        cart.lines.push(line);
      }
      this.#clampToStock(cart, line, warnings);
    });
  }

  /** Lowers a line to the stock, with the warning Shopify gives; removes it when nothing is left. */
  #clampToStock(cart: CartState, line: CartLineState, warnings: CartWarning[]): void {
    const variant = this.#catalog().variants.get(line.merchandiseId);
    if (!variant) return;
    const limit = stockLimit(variant);
    if (line.quantity <= limit) return;
    if (limit === 0) {
      cart.lines = cart.lines.filter((candidate) => candidate !== line);
      warnings.push({ code: 'MERCHANDISE_OUT_OF_STOCK', message: `${this.#name(variant)} is sold out, so it was removed from the cart.`, target: line.id });
      return;
    }
    line.quantity = limit;
    warnings.push({
      code: 'MERCHANDISE_NOT_ENOUGH_STOCK',
      message: `Only ${limit} of ${this.#name(variant)} ${limit === 1 ? 'is' : 'are'} available, so the cart holds ${limit}.`,
      target: line.id,
    });
  }

  #name(variant: CatalogVariant): string {
    const product = this.#catalog().products.get(variant.productId);
    const title = product?.title ?? variant.title;
    return `'${variant.title && variant.title !== 'Default Title' && product ? `${title} (${variant.title})` : title}'`;
  }

  #setAttributes(cart: CartState, attributes: Attribute[], field: string[]): CartUserError[] {
    if (attributes.length > MAX_ATTRIBUTES) {
      return [{ field, message: `A cart holds at most ${MAX_ATTRIBUTES} attributes.`, code: 'INVALID' }];
    }
    // A key given twice keeps its last value, so the cart never lists one key twice.
    cart.attributes = [...new Map(attributes.map(({ key, value }) => [key, { key, value }])).values()];
    return [];
  }
}

function setNote(cart: CartState, note: string, field: string[]): CartUserError[] {
  if (note.length > MAX_NOTE_LENGTH) return [{ field, message: `The note must be at most ${MAX_NOTE_LENGTH} characters.`, code: 'NOTE_TOO_LONG' }];
  cart.note = note;
  return [];
}

function setBuyerIdentity(cart: CartState, input: Record<string, unknown>, field: string[]): CartUserError[] {
  const userErrors = unsupportedInput(input, ['countryCode', 'email', 'phone'], field);
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  if (userErrors.length === 0) {
    cart.buyerIdentity = {
      countryCode: text(input['countryCode']) ?? cart.buyerIdentity.countryCode,
      email: text(input['email']) ?? cart.buyerIdentity.email,
      phone: text(input['phone']) ?? cart.buyerIdentity.phone,
    };
  }
  return userErrors;
}

const noSellingPlans = (field: string[]): CartUserError => ({
  field,
  message: 'The storefront fake sells no selling plans (subscriptions); leave out `sellingPlanId`.',
  code: 'SELLING_PLAN_NOT_APPLICABLE',
});

/** A user error for each input field the fake does not model, rather than silently ignoring it. */
function unsupportedInput(input: Record<string, unknown>, supported: string[], field: string[]): CartUserError[] {
  return Object.entries(input)
    .filter(([name, value]) => !supported.includes(name) && value != null && !(Array.isArray(value) && value.length === 0))
    .map(([name]) => ({ field: [...field, name], message: `The storefront fake does not support \`${name}\`; leave it out.`, code: 'INVALID' as const }));
}

/** Folds lines that now hold the same merchandise with the same attributes into the first of them. */
function mergeSameLines(cart: CartState): void {
  const kept = new Map<string, CartLineState>();
  cart.lines = cart.lines.filter((line) => {
    const key = `${line.merchandiseId}\n${attributesKey(line.attributes)}`;
    const first = kept.get(key);
    if (!first) {
      kept.set(key, line);
      return true;
    }
    first.quantity += line.quantity;
    return false;
  });
}
