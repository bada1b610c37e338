import type { ShowState } from '@live-shop/protocol';
import { html, LitElement, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { TAGS } from '../constants.js';
import { fill, withDefaults, type CardStrings } from '../strings.js';
import { VERSION } from '../version.js';
import { highlightStackStyles } from './highlight-stack.styles.js';
import { CARD_EXPORTPARTS } from '../parts.js';
import { shownProducts } from './shown-products.js';

/**
 * The products on screen now: one `live-shop-product-card` per highlight of the show
 * state, most recent first, and a polite live region that announces each new one
 * ("Now showing: …") to screen-reader users.
 *
 * @tag live-shop-highlights
 * @csspart base - The stack of cards.
 * @csspart card - Each card (every part of a card is exported as card-…: card-base,
 *   card-button, card-details-panel…).
 * @cssprop --live-shop-highlights-gap - Space between cards.
 * @cssprop --live-shop-highlights-enter-duration - Length of the entry transition (none with prefers-reduced-motion).
 */
export class HighlightStack extends LitElement {
  static readonly version = VERSION;
  static override styles = highlightStackStyles;
  static override properties: PropertyDeclarations = {
    state: { attribute: false },
    locale: { reflect: true },
    strings: { attribute: false },
    max: { type: Number },
    announcement: { state: true },
  };

  /** The show state whose highlights are shown. */
  declare state: ShowState | undefined;
  /** BCP 47 locale for prices; defaults to the browser's. */
  declare locale: string | undefined;
  /** Text overrides, passed on to every card. */
  declare strings: Partial<CardStrings> | undefined;
  /** At most this many cards at once (the most recent ones). */
  declare max: number;
  declare protected announcement: string;

  #announcedSeq: number | undefined;

  constructor() {
    super();
    this.max = 3;
    this.announcement = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('state') && !changed.has('strings')) return;
    // Announce only a new top card; an unrelated state change must not repeat the last one.
    const top = shownProducts(this.state, 1)[0];
    if (top?.highlight.seq === this.#announcedSeq && !changed.has('strings')) return;
    this.#announcedSeq = top?.highlight.seq;
    this.announcement = top ? fill(withDefaults(this.strings).nowShowing, { title: top.product.title }) : '';
  }

  protected override render(): TemplateResult {
    const shown = shownProducts(this.state, this.max);
    return html`
      <div part="base" class="stack">
        ${repeat(
          shown,
          ({ highlight }) => highlight.productId,
          ({ highlight, product }) => html`<live-shop-product-card
            class="card"
            part="card"
            exportparts=${CARD_EXPORTPARTS}
            .product=${product}
            .variantId=${highlight.variantId}
            .pdt=${highlight.pdt}
            .locale=${this.locale}
            .strings=${this.strings}
          ></live-shop-product-card>`,
        )}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [TAGS.highlights]: HighlightStack;
  }
}
