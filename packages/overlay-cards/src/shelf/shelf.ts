import type { Product, ProductMoment } from '@live-shop/protocol';
import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { TAGS } from '../constants.js';
import { DEFAULT_LOW_STOCK_THRESHOLD } from '../product-card/product-parts.js';
import { fill, type CardStrings } from '../strings.js';
import { VERSION } from '../version.js';
import { momentTime } from './moment-time.js';
import { SeekToMomentEvent } from './seek-to-moment-event.js';
import { defaultShelfStrings, type ShelfStrings } from './shelf-strings.js';
import { shelfStyles } from './shelf.styles.js';
import { CARD_EXPORTPARTS } from '../parts.js';

/** Each product's moments, in video order. */
function momentsByProduct(moments: readonly ProductMoment[]): Map<string, ProductMoment[]> {
  const byProduct = new Map<string, ProductMoment[]>();
  for (const moment of [...moments].sort((a, b) => a.pdt - b.pdt)) {
    const list = byProduct.get(moment.productId);
    if (list) list.push(moment);
    else byProduct.set(moment.productId, [moment]);
  }
  return byProduct;
}

/**
 * Every product of the show, beside or under the video: a list of product cards (price,
 * stock, options, Add to cart, Details), and under each product the show has already
 * featured, a button per moment ("Featured at 12:31") that asks the player to seek there
 * (`live-shop-seek-to-moment`): shop the moment you missed, live (within the DVR window)
 * or in replay.
 *
 * Moments read as a position in the video when `startPdt` is set, otherwise as the
 * wall-clock time they happened (see `momentTime`).
 *
 * @tag live-shop-shelf
 * @csspart base - The list.
 * @csspart item - Each product's list item.
 * @csspart card - Each product card (every part of a card is exported as card-…: card-base, card-button, card-details-panel…).
 * @csspart moments - A product's moments.
 * @csspart moment - A moment button.
 * @cssprop --live-shop-shelf-gap - Space between products.
 * @cssprop --live-shop-shelf-item-min-width - Products share a row down to this width each.
 * @cssprop --live-shop-shelf-moment-color - Moment buttons; defaults to --live-shop-accent.
 * @cssprop --live-shop-shelf-font - Defaults to --live-shop-font.
 * @fires live-shop-seek-to-moment - {@link SeekToMomentEvent}
 * @fires live-shop-add-to-cart - from a card (cancelable)
 * @fires live-shop-checkout - from a card's Buy on a payment link (cancelable)
 * @fires live-shop-variant-change - from a card's picker
 */
export class ProductShelf extends LitElement {
  static readonly version = VERSION;
  static override styles = shelfStyles;
  static override properties: PropertyDeclarations = {
    products: { attribute: false },
    moments: { attribute: false },
    startPdt: { type: Number, attribute: 'start-pdt' },
    locale: { reflect: true },
    strings: { attribute: false },
    lowStockThreshold: { type: Number, attribute: 'low-stock-threshold' },
  };

  /** The show's products (`ShowState.products`), in the order shown. */
  declare products: readonly Product[];
  /** The show's product moments (`ShowState.moments`). */
  declare moments: readonly ProductMoment[];
  /** The pdt of the show's first frame: moments then read as video positions (m:ss). */
  declare startPdt: number | undefined;
  /** BCP 47 locale for prices and times; defaults to the browser's. */
  declare locale: string | undefined;
  /** Text overrides for the shelf and its cards. */
  declare strings: Partial<CardStrings & ShelfStrings> | undefined;
  /** Passed on to each card's stock badge. */
  declare lowStockThreshold: number;

  constructor() {
    super();
    this.products = [];
    this.moments = [];
    this.lowStockThreshold = DEFAULT_LOW_STOCK_THRESHOLD;
  }

  protected override render(): TemplateResult {
    const strings = { ...defaultShelfStrings, ...this.strings };
    const moments = momentsByProduct(this.moments);
    return html`<ul part="base" class="list" role="list" aria-label=${strings.shelfLabel}>
      ${repeat(
        this.products,
        (product) => product.id,
        (product) => {
          const featured = moments.get(product.id) ?? [];
          return html`<li part="item" class="item">
            <live-shop-product-card
              part="card"
              class="card"
              exportparts=${CARD_EXPORTPARTS}
              .product=${product}
              .pdt=${featured.at(-1)?.pdt}
              .locale=${this.locale}
              .strings=${this.strings}
              .lowStockThreshold=${this.lowStockThreshold}
            >
              ${featured.length > 0 ? this.#renderMoments(featured, strings) : nothing}
            </live-shop-product-card>
          </li>`;
        },
      )}
    </ul>`;
  }

  #renderMoments(moments: ProductMoment[], strings: ShelfStrings): TemplateResult {
    const clock = { startPdt: this.startPdt, locale: this.locale };
    return html`<p part="moments" class="moments">
      <span class="moments-label">${strings.featured}</span>
      ${moments.map((moment) => {
        const time = momentTime(moment.pdt, clock);
        return html`<button
          part="moment"
          class="moment"
          type="button"
          aria-label=${fill(strings.watchMoment, { time })}
          @click=${() => this.dispatchEvent(new SeekToMomentEvent({ pdt: moment.pdt, productId: moment.productId }))}
        >
          <span class="play" aria-hidden="true"></span>${time}
        </button>`;
      })}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [TAGS.shelf]: ProductShelf;
  }
}
