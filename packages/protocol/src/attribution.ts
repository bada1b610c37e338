/**
 * Purchase attribution: the names under which the cart tells the store which show and
 * which moment sold a line, so that the order (Shopify's `orders/create` webhook) can be
 * tied back to it. The leading `_` hides them from the buyer at checkout (Shopify does
 * not show attributes and line properties whose key starts with an underscore).
 *
 * - On the cart, as a cart attribute (`note_attributes` in the order webhook):
 *   {@link SESSION_CART_ATTRIBUTE}.
 * - On each line, as a line attribute (`line_items[].properties` in the order webhook):
 *   {@link SHOW_LINE_ATTRIBUTE}, {@link PDT_LINE_ATTRIBUTE}, {@link MODE_LINE_ATTRIBUTE}.
 *
 * Every value is a string, as Shopify stores them.
 */

/** Cart attribute: the viewer's analytics session id. */
export const SESSION_CART_ATTRIBUTE = '_live_shop_session';
/** Line attribute: the id of the show the line was added from. */
export const SHOW_LINE_ATTRIBUTE = '_live_shop_show';
/** Line attribute: the product moment (program date time, epoch ms) as a decimal string, e.g. `"1746100800123"`. */
export const PDT_LINE_ATTRIBUTE = '_live_shop_pdt';
/** Line attribute: how the viewer was watching, one of {@link ATTRIBUTION_MODES}. */
export const MODE_LINE_ATTRIBUTE = '_live_shop_mode';

/** What {@link MODE_LINE_ATTRIBUTE} may hold: watching live, the replay, or a clip. */
export const ATTRIBUTION_MODES = ['live', 'replay', 'clip'] as const;
export type AttributionMode = (typeof ATTRIBUTION_MODES)[number];

export function isAttributionMode(value: unknown): value is AttributionMode {
  return typeof value === 'string' && (ATTRIBUTION_MODES as readonly string[]).includes(value);
}

/**
 * Where the analytics beacon keeps the viewer's session id for `show` (sessionStorage, so a
 * reload keeps it): the cart reads it from there for {@link SESSION_CART_ATTRIBUTE}, and
 * finds none when the viewer has not consented to analytics.
 */
export function sessionStorageKey(show: string): string {
  return `live-shop:session:${show}`;
}
