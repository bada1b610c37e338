import type { Product, Variant } from '@live-shop/protocol';
import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { TAGS } from '../constants.js';
import { DEFAULT_LOW_STOCK_THRESHOLD, renderPrices, renderStock, stockLabel } from '../product-card/product-parts.js';
import { checkoutUrlOf, chosenVariant, isSoldOut, pricesOf, requestPurchase } from '../product-card/purchase.js';
import { VariantChangeEvent } from '../product-card/variant-change-event.js';
import { renderVariantPicker } from '../product-card/variant-picker.js';
import { withDefaults, type CardStrings } from '../strings.js';
import { VERSION } from '../version.js';
import { galleryImages, renderGallery, variantImageIndex } from './gallery.js';
import { productDetailsStyles } from './product-details.styles.js';

/** The element focused now, looking into shadow roots (the opener is usually inside one). */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

/**
 * A product's details in a modal sheet (a native `<dialog>`): a gallery of its images,
 * its price and stock, every option as segmented buttons, its description (as text), and
 * Add to cart (or Buy). Escape, the close button and a click on the backdrop close it,
 * and focus goes back to whatever opened it. A product card opens one from its "Details"
 * button; it also works on its own (`show()`).
 *
 * Add to cart fires the card's `live-shop-add-to-cart` (or `live-shop-checkout`) and closes
 * the sheet: the cart takes over from there. Product text is always rendered as text.
 *
 * @tag live-shop-product-details
 * @csspart dialog - The `<dialog>`.
 * @csspart panel - The sheet inside it.
 * @csspart title - The product title (the dialog's name).
 * @csspart close-button - The close button.
 * @csspart gallery - The images; also gallery-image, gallery-previous, gallery-next, gallery-thumbnails, gallery-thumbnail.
 * @csspart price - The current price.
 * @csspart compare-at-price - The former price, struck through.
 * @csspart stock - The stock badge.
 * @csspart variant-picker - The option controls; also option-group, option-label, option-value.
 * @csspart button - Add to cart / Buy / Sold out.
 * @csspart description - The description.
 * @cssprop --live-shop-details-background - Defaults to --live-shop-surface.
 * @cssprop --live-shop-details-color - Defaults to --live-shop-text.
 * @cssprop --live-shop-details-accent - Defaults to --live-shop-accent.
 * @cssprop --live-shop-details-radius - Defaults to --live-shop-radius.
 * @cssprop --live-shop-details-font - Defaults to --live-shop-font.
 * @cssprop --live-shop-details-width - Maximum width of the sheet (default 760px).
 * @cssprop --live-shop-details-image-ratio - Aspect ratio of the gallery's box (default 1).
 * @cssprop --live-shop-details-backdrop - Behind the sheet.
 * @fires live-shop-add-to-cart - {@link AddToCartEvent}
 * @fires live-shop-checkout - {@link CheckoutEvent}
 * @fires live-shop-variant-change - {@link VariantChangeEvent}
 */
export class ProductDetails extends LitElement {
  static readonly version = VERSION;
  static override styles = productDetailsStyles;
  static override properties: PropertyDeclarations = {
    product: { attribute: false },
    variantId: { attribute: 'variant-id' },
    pdt: { type: Number },
    locale: { reflect: true },
    strings: { attribute: false },
    lowStockThreshold: { type: Number, attribute: 'low-stock-threshold' },
    open: { type: Boolean, reflect: true },
    imageIndex: { state: true },
  };

  /** The product to show. */
  declare product: Product | undefined;
  /** The variant chosen; defaults to the first available one. The viewer's choice sets it. */
  declare variantId: string | undefined;
  /** The video moment this product belongs to; passed on in the cart and checkout events. */
  declare pdt: number | undefined;
  /** BCP 47 locale for prices; defaults to the browser's. */
  declare locale: string | undefined;
  /** Text overrides; see {@link CardStrings}. */
  declare strings: Partial<CardStrings> | undefined;
  /** The stock badge says "Only N left" at or below this quantity (default 5). */
  declare lowStockThreshold: number;
  /** Whether the sheet is open; `show()` and `hide()` set it. */
  declare open: boolean;
  declare protected imageIndex: number;

  #opener: HTMLElement | undefined;

  constructor() {
    super();
    this.lowStockThreshold = DEFAULT_LOW_STOCK_THRESHOLD;
    this.open = false;
    this.imageIndex = 0;
  }

  /** Opens the sheet as a modal; focus returns to the element focused now when it closes. */
  show(): void {
    this.#opener = deepActiveElement();
    this.open = true;
  }

  /** Closes the sheet. */
  hide(): void {
    this.open = false;
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new product starts at its first image; a new variant shows its own image, if any.
    if (changed.has('product') && changed.get('product')?.id !== this.product?.id) this.imageIndex = 0;
    if (changed.has('variantId') && this.product) {
      const index = variantImageIndex(galleryImages(this.product), chosenVariant(this.product, this.variantId));
      if (index >= 0) this.imageIndex = index;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    const dialog = this.#dialog;
    if (!dialog) return;
    if (this.open && !dialog.open) {
      this.#opener ??= deepActiveElement();
      dialog.showModal();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  protected override render(): TemplateResult {
    const product = this.product;
    return html`<dialog part="dialog" class="dialog" aria-labelledby="title" @close=${this.#onClose} @click=${this.#onDialogClick}>
      ${product ? this.#renderPanel(product) : nothing}
    </dialog>`;
  }

  #renderPanel(product: Product): TemplateResult {
    const strings = withDefaults(this.strings);
    const variant = chosenVariant(product, this.variantId);
    const { price, compareAt } = pricesOf(product, variant);
    const soldOut = isSoldOut(product, variant);
    const label = soldOut ? strings.soldOut : checkoutUrlOf(product) ? strings.buy : strings.addToCart;
    const images = galleryImages(product);
    return html`<div part="panel" class="panel">
      <header class="header">
        <h2 part="title" class="title" id="title">${product.title}</h2>
        <button part="close-button" class="close-button" type="button" aria-label=${strings.close} @click=${this.hide}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div class="content">
        ${renderGallery({ images, index: Math.min(this.imageIndex, Math.max(images.length - 1, 0)), strings, onShow: this.#showImage })}
        <div class="info">
          ${renderPrices(price, compareAt, this.locale, strings, renderStock(stockLabel(variant, soldOut, this.lowStockThreshold, strings, this.locale), soldOut))}
          ${renderVariantPicker({ product, variant, strings, layout: 'buttons', idPrefix: 'details', onChoose: this.#onChoose })}
          <button part="button" class="button" type="button" ?disabled=${soldOut} @click=${this.#onButtonClick}>${label}</button>
          ${product.description ? html`<p part="description" class="description">${product.description}</p>` : nothing}
        </div>
      </div>
    </div>`;
  }

  #showImage = (index: number): void => {
    this.imageIndex = index;
  };

  #onChoose = (variant: Variant): void => {
    const product = this.product;
    if (!product) return;
    this.variantId = variant.id;
    this.dispatchEvent(new VariantChangeEvent({ product, variantId: variant.id }));
  };

  #onButtonClick = (): void => {
    const product = this.product;
    if (!product) return;
    requestPurchase(this, product, this.variantId, this.pdt);
    this.hide();
  };

  /** A click on the backdrop lands on the dialog itself (the panel fills the rest). */
  #onDialogClick = (event: MouseEvent): void => {
    if (event.target === this.#dialog) this.hide();
  };

  /** Escape (the dialog's own cancel), the close button, a backdrop click or hide(). */
  #onClose = (): void => {
    this.open = false;
    const opener = this.#opener;
    this.#opener = undefined;
    // The browser restores focus itself in most cases; an opener inside a shadow root, or
    // one re-rendered meanwhile, is put back explicitly.
    if (opener?.isConnected && deepActiveElement() !== opener) opener.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    [TAGS.productDetails]: ProductDetails;
  }
}
