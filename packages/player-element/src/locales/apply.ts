import type { PlayerStrings } from '../strings.js';
import type { PlayerLocale } from './types.js';

/** A language's text in the shape of `<live-shop>`'s `strings`. */
export function localeStrings(locale: PlayerLocale): Partial<PlayerStrings> {
  const { overlay, cart } = locale;
  return {
    ...locale.player,
    cards: overlay.cards,
    chat: overlay.chat,
    shelf: overlay.shelf,
    momentsBar: overlay.momentsBar,
    poll: overlay.poll,
    reactions: overlay.reactions,
    viewerCount: overlay.viewerCount,
    offer: overlay.offer,
    status: overlay.status,
    cart: cart.cart,
    storefront: cart.storefront,
  };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * English defaults, then the language's text, then the page's own `strings`: objects (an
 * element's strings, `errors`, plural forms) merge key by key, so a page that rewords one
 * chat string keeps the rest of the language.
 */
export function mergeStrings(...layers: (Partial<PlayerStrings> | undefined)[]): PlayerStrings {
  const merged: Record<string, unknown> = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (value === undefined) continue;
      merged[key] = isObject(value) && isObject(merged[key]) ? { ...merged[key], ...value } : value;
    }
  }
  return merged as unknown as PlayerStrings;
}
