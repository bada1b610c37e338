import type { CartChangeEvent, CheckoutTarget } from '@live-shop/cart-drawer';
import { fill } from '@live-shop/overlay-cards/shared';
import { html, nothing, type TemplateResult } from 'lit';
import type { PlayerStrings } from '../strings.js';
import type { CommerceController } from './commerce-controller.js';
import { EXPORTED_PARTS } from '../features/exported-parts.js';

export interface RenderCartOptions {
  locale: string | undefined;
  checkoutTarget: CheckoutTarget;
  strings: PlayerStrings;
}

/** Plural rules and number format per locale: made once, not on every render. */
const formats = new Map<string, { plural: Intl.PluralRules; number: Intl.NumberFormat }>();
function formatsFor(locale: string | undefined): { plural: Intl.PluralRules; number: Intl.NumberFormat } {
  const key = locale ?? '';
  let found = formats.get(key);
  if (!found) {
    try {
      found = { plural: new Intl.PluralRules(locale), number: new Intl.NumberFormat(locale) };
    } catch {
      // An invalid locale tag: the default rules still give a readable label.
      found = { plural: new Intl.PluralRules(), number: new Intl.NumberFormat() };
    }
    formats.set(key, found);
  }
  return found;
}

/** The cart's accessible name for `count` items, in the locale's plural form. */
export function cartButtonLabel(strings: PlayerStrings, count: number, locale: string | undefined): string {
  const { plural, number } = formatsFor(locale);
  const template = strings.cartButton[plural.select(count)] ?? strings.cartButton.other;
  return fill(template, { count: number.format(count) });
}

/**
 * The cart button over the video (with the item count) and the drawer, once the player
 * has a cart. The drawer is a modal dialog: it opens over the whole page, and the video
 * keeps playing behind it.
 */
export function renderCart(commerce: CommerceController, options: RenderCartOptions): TemplateResult | typeof nothing {
  if (!commerce.adapter) return nothing;
  const count = commerce.cart?.totalQuantity ?? 0;
  return html`
    <button
      part="cart-button"
      class="cart-button"
      type="button"
      aria-label=${cartButtonLabel(options.strings, count, options.locale)}
      @click=${() => void commerce.open()}
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
        <path d="M6 7h12l-1 13H7L6 7zm3 0a3 3 0 0 1 6 0" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round" />
      </svg>
      ${count > 0 ? html`<span part="cart-count" class="cart-count" aria-hidden="true">${formatsFor(options.locale).number.format(count)}</span>` : nothing}
    </button>
    ${commerce.drawerReady
      ? html`<live-shop-cart
          part="cart"
          exportparts=${EXPORTED_PARTS.cart}
          .adapter=${commerce.adapter}
          .locale=${options.locale}
          .strings=${options.strings.cart}
          checkout-target=${options.checkoutTarget}
          @live-shop-cart-change=${(event: CartChangeEvent) => commerce.cartChanged(event.detail.cart)}
        ></live-shop-cart>`
      : nothing}
  `;
}
