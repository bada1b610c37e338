import { isHttpUrl, type Product, type Variant } from '@live-shop/protocol';
import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { TAGS } from '../constants.js';
import type { ProductDetails } from '../details/product-details.js';
import { withDefaults } from '../strings.js';
import type { CardStrings } from '../strings.js';
import { VERSION } from '../version.js';
import { productCardStyles } from './product-card.styles.js';
import { DEFAULT_LOW_STOCK_THRESHOLD, renderPrices, renderStock, stockLabel } from './product-parts.js';
import { checkoutUrlOf, chosenVariant, isSoldOut, pricesOf, requestPurchase } from './purchase.js';
import { VariantChangeEvent } from './variant-change-event.js';
import { optionNames } from './variant-options.js';
import { renderVariantPicker } from './variant-picker.js';
import { DETAILS_EXPORTPARTS } from '../parts.js';

/**
 * More options than this and the card keeps its picker in the details sheet: over the
 * video a card must stay one compact block.
 */
const MAX_INLINE_OPTIONS = 2;

/**
 * A product as it appears over the video: image, title, price (with the compare-at price
 * struck through when higher), a stock badge, the variant picker, and two buttons. The
 * main button adds to the cart (`live-shop-add-to-cart`), or, for a product with a payment
 * link (`checkoutUrl`), is a "Buy" button (`live-shop-checkout`) that opens the link in a
 * new tab. Both events are cancelable so the host page can take over. "Details" opens the
 * `<live-shop-product-details>` sheet (description, gallery, every option).
 *
 * The picker: one native select per option (Size, Color…), on the card only for products
 * with at most two options and unless `--live-shop-card-picker-display` is `none` (a
 * player too small for a taller card sets it); the sheet always has every option.
 * Choosing a variant updates the price, image and stock badge, sets `variantId` (what the
 * buttons send) and fires `live-shop-variant-change`.
 *
 * Product text comes from the network and is always rendered as text.
 *
 * @tag live-shop-product-card
 * @slot - Extra content under the price (the shelf puts the product's moments there).
 * @csspart base - The card.
 * @csspart image - The product image (or its placeholder).
 * @csspart title - The product title.
 * @csspart price - The current price.
 * @csspart compare-at-price - The former price, struck through.
 * @csspart stock - The stock badge ("Only 3 left", "Sold out").
 * @csspart variant-picker - The option controls; also option-label and option-select.
 * @csspart button - The "Add to cart" / "Buy" / "Sold out" button.
 * @csspart details-button - The "Details" button.
 * @csspart details - The details sheet (its parts are exported as details-…: details-panel, details-close-button…; its Add to cart button as details-add-button).
 * @cssprop --live-shop-card-background - Defaults to --live-shop-surface.
 * @cssprop --live-shop-card-color - Defaults to --live-shop-text.
 * @cssprop --live-shop-card-accent - Button colour; defaults to --live-shop-accent.
 * @cssprop --live-shop-card-radius - Defaults to --live-shop-radius.
 * @cssprop --live-shop-card-font - Defaults to --live-shop-font.
 * @cssprop --live-shop-card-image-size - Width of the image box.
 * @cssprop --live-shop-card-image-ratio - Aspect ratio of the image box (default 1).
 * @cssprop --live-shop-card-width - Maximum width of the card.
 * @cssprop --live-shop-card-picker-display - `flex` (default) shows the picker on the card; `none` keeps it in the details sheet.
 * @cssprop --live-shop-card-low-stock-color - The "Only N left" badge.
 * @fires live-shop-add-to-cart - {@link AddToCartEvent}
 * @fires live-shop-checkout - {@link CheckoutEvent}
 * @fires live-shop-variant-change - {@link VariantChangeEvent}
 */
export class ProductCard extends LitElement {
  static readonly version = VERSION;
  static override styles = productCardStyles;
  static override properties: PropertyDeclarations = {
    product: { attribute: false },
    variantId: { attribute: 'variant-id' },
    pdt: { type: Number },
    locale: { reflect: true },
    strings: { attribute: false },
    lowStockThreshold: { type: Number, attribute: 'low-stock-threshold' },
    detailsRequested: { state: true },
  };

  // `declare` keeps these fields out of the emitted class, so Lit's accessors are never
  // shadowed whatever the compiler's class-field semantics.
  /** The product to show. */
  declare product: Product | undefined;
  /** The variant to sell; defaults to the first available one. The viewer's choice in the picker sets it. */
  declare variantId: string | undefined;
  /** The video moment this card belongs to; passed on in the cart and checkout events. */
  declare pdt: number | undefined;
  /** BCP 47 locale for prices, e.g. "fr-FR"; defaults to the browser's. */
  declare locale: string | undefined;
  /** Text overrides; see {@link CardStrings}. */
  declare strings: Partial<CardStrings> | undefined;
  /** The stock badge says "Only N left" at or below this quantity (default 5). */
  declare lowStockThreshold: number;
  /** The sheet is rendered from its first opening on (not before: most cards never open it). */
  declare protected detailsRequested: boolean;

  constructor() {
    super();
    this.lowStockThreshold = DEFAULT_LOW_STOCK_THRESHOLD;
    this.detailsRequested = false;
  }

  /** Opens the details sheet (as the Details button does). */
  async showDetails(): Promise<void> {
    if (!this.product) return;
    // The sheet's code loads the first time a viewer asks for it.
    await import('../features/details.js');
    this.detailsRequested = true;
    await this.updateComplete;
    const details = this.renderRoot.querySelector<ProductDetails>('live-shop-product-details');
    await details?.updateComplete;
    details?.show();
  }

  protected override render(): TemplateResult | typeof nothing {
    const product = this.product;
    if (!product) return nothing;
    const strings = withDefaults(this.strings);
    const variant = chosenVariant(product, this.variantId);
    const { price, compareAt } = pricesOf(product, variant);
    const soldOut = isSoldOut(product, variant);
    const checkoutUrl = checkoutUrlOf(product);
    const label = soldOut ? strings.soldOut : checkoutUrl ? strings.buy : strings.addToCart;
    const picker =
      optionNames(product).length <= MAX_INLINE_OPTIONS
        ? renderVariantPicker({ product, variant, strings, layout: 'select', idPrefix: 'card', onChoose: this.#onChoose })
        : nothing;
    return html`
      <article part="base" class="base" aria-label=${product.title}>
        ${this.#renderImage(product, variant)}
        <div class="body">
          <p part="title" class="title" id="title">${product.title}</p>
          ${renderPrices(price, compareAt, this.locale, strings, renderStock(stockLabel(variant, soldOut, this.lowStockThreshold, strings, this.locale), soldOut))}
          ${picker === nothing ? nothing : html`<div class="inline-picker">${picker}</div>`}
          <slot></slot>
          <div class="actions">
            <button part="button" class="button" type="button" ?disabled=${soldOut} @click=${this.#onButtonClick}>${label}</button>
            <button part="details-button" class="details-button" type="button" aria-haspopup="dialog" aria-describedby="title" @click=${this.#onDetailsClick}>
              ${strings.details}
            </button>
          </div>
        </div>
      </article>
      ${this.detailsRequested
        ? html`<live-shop-product-details
            part="details"
            exportparts=${DETAILS_EXPORTPARTS}
            .product=${product}
            .variantId=${variant?.id}
            .pdt=${this.pdt}
            .locale=${this.locale}
            .strings=${this.strings}
            .lowStockThreshold=${this.lowStockThreshold}
            @live-shop-variant-change=${this.#onDetailsVariantChange}
          ></live-shop-product-details>`
        : nothing}
    `;
  }

  #renderImage(product: Product, variant: Variant | undefined): TemplateResult {
    const image = variant?.image ?? product.images[0];
    // Only http(s) images: the protocol refuses other schemes at the edge, and a card set
    // by hand (or by an older relay) must not load data: or javascript: URLs either.
    if (!image || !isHttpUrl(image.url)) return html`<div part="image" class="image" aria-hidden="true"></div>`;
    // The title is right beside the image, so without alt text the image is decorative.
    return html`<img
      part="image"
      class="image"
      src=${image.url}
      alt=${image.altText ?? ''}
      width=${image.width ?? nothing}
      height=${image.height ?? nothing}
      loading="lazy"
      decoding="async"
    />`;
  }

  #onChoose = (variant: Variant): void => {
    const product = this.product;
    if (!product) return;
    this.variantId = variant.id;
    this.dispatchEvent(new VariantChangeEvent({ product, variantId: variant.id }));
  };

  /** The sheet's picker chose: the card follows (the event goes on to the page). */
  #onDetailsVariantChange = (event: VariantChangeEvent): void => {
    this.variantId = event.detail.variantId;
  };

  #onDetailsClick = (): void => {
    void this.showDetails();
  };

  #onButtonClick = (): void => {
    const product = this.product;
    if (product) requestPurchase(this, product, this.variantId, this.pdt);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    [TAGS.productCard]: ProductCard;
  }
}
