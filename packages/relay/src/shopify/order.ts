import {
  MODE_LINE_ATTRIBUTE,
  PDT_LINE_ATTRIBUTE,
  SESSION_CART_ATTRIBUTE,
  SHOW_LINE_ATTRIBUTE,
  isAttributionMode,
  type AttributionMode,
} from '@live-shop/protocol';
import { RelayError } from '../errors.js';
import { SHOW_ID_PATTERN } from '../show-registry.js';
import type { AttributedPurchase, RecordedOrder } from '../storage/order-store.js';
import { addDecimals, formatDecimal, multiplyDecimal, parseDecimal, subtractDecimals, ZERO, type Decimal } from './decimal.js';

/** What an order webhook's body says, ready to be stored (the delivery's headers are added by the handler). */
export type OrderReading = Omit<RecordedOrder, 'webhookId' | 'eventId' | 'topic' | 'triggeredAt' | 'receivedAt'>;

/** The longest session id kept (the cart attribute is set by the viewer's browser). */
export const MAX_SESSION_LENGTH = 200;

const HOW_TO_FIX = "this endpoint takes Shopify's orders/create and orders/paid webhooks unchanged";

function invalidOrder(path: string, what: string): RelayError {
  return new RelayError(400, 'invalid_order', `${path} ${what}; ${HOW_TO_FIX}.`, path);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Ids of 16 digits or more, as numbers (Shopify's sample payloads have 18-digit ids),
 * are past 2^53 and would be rounded by `JSON.parse`: their digits are quoted first. The
 * match needs an unescaped `"` right after the key, so it only ever meets a key of the
 * JSON, never text inside a string.
 */
const LONG_ID = /"(id|product_id|variant_id)"(\s*):(\s*)(\d{16,})(?=\s*[,}\]])/g;

/** The webhook body parsed, with long ids kept exact (as digit strings); a 400 when it is not JSON. */
export function parseOrderJson(raw: string): unknown {
  try {
    return JSON.parse(raw.replace(LONG_ID, '"$1"$2:$3"$4"')) as unknown;
  } catch {
    throw new RelayError(400, 'invalid_json', `The webhook body is not valid JSON; ${HOW_TO_FIX}.`);
  }
}

/** A Shopify numeric id (a number, or the digits of a long one), as digits; undefined when absent or null. */
function readNumericId(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  if (typeof value === 'string' && /^[1-9]\d{0,24}$/.test(value)) return value;
  throw invalidOrder(path, 'must be a Shopify id (a whole number)');
}

function readOptionalText(value: unknown, path: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw invalidOrder(path, 'must be text');
  return value;
}

/** `[{name, value}]` (note_attributes, line properties) as a map: the first value of each name, as text. */
function readNameValues(value: unknown, path: string): Map<string, string> {
  const values = new Map<string, string>();
  if (value === undefined || value === null) return values;
  if (!Array.isArray(value)) throw invalidOrder(path, 'must be a list of {name, value}');
  value.forEach((entry, index) => {
    if (!isObject(entry) || typeof entry.name !== 'string') throw invalidOrder(`${path}.${index}`, 'must be {name, value} with a text name');
    const text = typeof entry.value === 'string' ? entry.value : typeof entry.value === 'number' ? String(entry.value) : undefined;
    if (text !== undefined && !values.has(entry.name)) values.set(entry.name, text);
  });
  return values;
}

function readOrderId(order: Record<string, unknown>): string {
  const graphqlId = order.admin_graphql_api_id;
  if (typeof graphqlId === 'string' && /^gid:\/\/shopify\/Order\/[1-9]\d{0,24}$/.test(graphqlId)) return graphqlId;
  const id = readNumericId(order.id, 'id');
  if (id === undefined) throw invalidOrder('id', 'is missing (and so is admin_graphql_api_id)');
  return `gid://shopify/Order/${id}`;
}

function readCreatedAt(value: unknown): number {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(time)) throw invalidOrder('created_at', 'must be the time the order was placed, as an ISO 8601 date-time');
  return time;
}

/** The line's discounts: its discount allocations (line and order discounts), else `total_discount` when it has none. */
function readLineDiscount(line: Record<string, unknown>, path: string): Decimal {
  const allocations = line.discount_allocations;
  if (allocations !== undefined && allocations !== null) {
    if (!Array.isArray(allocations)) throw invalidOrder(`${path}.discount_allocations`, 'must be a list of {amount}');
    return allocations.reduce<Decimal>((sum, allocation, index) => {
      const amount = isObject(allocation) ? parseDecimal(allocation.amount) : undefined;
      if (!amount) throw invalidOrder(`${path}.discount_allocations.${index}.amount`, 'must be a decimal string such as "5.00"');
      return addDecimals(sum, amount);
    }, ZERO);
  }
  if (line.total_discount === undefined || line.total_discount === null) return ZERO;
  const total = parseDecimal(line.total_discount);
  if (!total) throw invalidOrder(`${path}.total_discount`, 'must be a decimal string such as "5.00"');
  return total;
}

interface LineAttribution {
  show: string;
  pdt: number | null;
  mode: AttributionMode | null;
}

/** The line's attribution; undefined when it names no show (or a show id that cannot be one). */
function readLineAttribution(properties: Map<string, string>, path: string, warnings: string[]): LineAttribution | undefined {
  const show = properties.get(SHOW_LINE_ATTRIBUTE);
  if (show === undefined) return undefined;
  if (!SHOW_ID_PATTERN.test(show)) {
    warnings.push(`${path}: ${SHOW_LINE_ATTRIBUTE} "${show.slice(0, 80)}" is not a show id, so the line is counted as unattributed.`);
    return undefined;
  }
  const pdtText = properties.get(PDT_LINE_ATTRIBUTE);
  const pdtValue = pdtText !== undefined && /^\d{1,16}$/.test(pdtText) ? Number(pdtText) : Number.NaN;
  const pdt = Number.isSafeInteger(pdtValue) ? pdtValue : null;
  if (pdtText !== undefined && pdt === null) warnings.push(`${path}: ${PDT_LINE_ATTRIBUTE} "${pdtText.slice(0, 40)}" is not an epoch ms, so the purchase is recorded without its moment.`);
  const modeText = properties.get(MODE_LINE_ATTRIBUTE);
  const mode = isAttributionMode(modeText) ? modeText : null;
  if (modeText !== undefined && mode === null) warnings.push(`${path}: ${MODE_LINE_ATTRIBUTE} "${modeText.slice(0, 40)}" is not live, replay or clip, so the purchase is recorded without a mode.`);
  return { show, pdt, mode };
}

function readSession(attributes: Map<string, string>, warnings: string[]): string | null {
  const session = attributes.get(SESSION_CART_ATTRIBUTE);
  if (session === undefined) return null;
  if (session.length === 0 || session.length > MAX_SESSION_LENGTH) {
    warnings.push(`note_attributes: ${SESSION_CART_ATTRIBUTE} must be 1–${MAX_SESSION_LENGTH} characters, so the order is recorded without a session.`);
    return null;
  }
  return session;
}

/**
 * Reads a Shopify order (the body of an `orders/create` or `orders/paid` webhook, REST
 * shape): its attributed purchases (the lines whose properties name a show) and the count
 * of its other lines. The order and line fields the relay needs are checked, and a 400
 * RelayError names the first one at fault; attribution values, which a viewer's browser
 * sets, never fail the order: a bad one is left out and reported in `warnings`.
 */
export function readShopifyOrder(payload: unknown, shopDomain: string): { order: OrderReading; warnings: string[] } {
  if (!isObject(payload)) throw new RelayError(400, 'invalid_order', `The webhook body must be a Shopify order (a JSON object); ${HOW_TO_FIX}.`);
  const warnings: string[] = [];
  const orderId = readOrderId(payload);
  const orderName = readOptionalText(payload.name, 'name');
  const createdAt = readCreatedAt(payload.created_at);
  const currency = payload.currency;
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) throw invalidOrder('currency', 'must be the shop currency\'s ISO 4217 code, such as "USD"');
  const session = readSession(readNameValues(payload.note_attributes, 'note_attributes'), warnings);
  if (!Array.isArray(payload.line_items)) throw invalidOrder('line_items', 'must be the list of the order\'s lines');

  const purchases: AttributedPurchase[] = [];
  const unattributed = { lines: 0, units: 0 };
  payload.line_items.forEach((line: unknown, index: number) => {
    const path = `line_items.${index}`;
    if (!isObject(line)) throw invalidOrder(path, 'must be an order line (an object)');
    const quantity = line.quantity;
    if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < 0) throw invalidOrder(`${path}.quantity`, 'must be a whole number ≥ 0');
    const price = parseDecimal(line.price);
    if (!price) throw invalidOrder(`${path}.price`, 'must be a decimal string such as "19.99"');
    const discount = readLineDiscount(line, path);
    const productId = readNumericId(line.product_id, `${path}.product_id`);
    const variantId = readNumericId(line.variant_id, `${path}.variant_id`);
    const title = readOptionalText(line.title, `${path}.title`) ?? readOptionalText(line.name, `${path}.name`);
    const attribution = readLineAttribution(readNameValues(line.properties, `${path}.properties`), `${path}.properties`, warnings);
    if (!attribution) {
      unattributed.lines += 1;
      unattributed.units += quantity;
      return;
    }
    purchases.push({
      orderId,
      orderName,
      shopDomain,
      createdAt,
      currency,
      show: attribution.show,
      pdt: attribution.pdt,
      mode: attribution.mode,
      session,
      productId: productId === undefined ? null : `gid://shopify/Product/${productId}`,
      variantId: variantId === undefined ? null : `gid://shopify/ProductVariant/${variantId}`,
      title,
      quantity,
      price: formatDecimal(price),
      revenue: formatDecimal(subtractDecimals(multiplyDecimal(price, quantity), discount)),
    });
  });
  return { order: { shopDomain, orderId, orderName, createdAt, currency, session, purchases, unattributed }, warnings };
}
