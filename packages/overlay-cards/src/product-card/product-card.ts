import { isHttpsUrl, isHttpUrl, type Money, type Product, type Variant } from '@live-shop/protocol';
import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { TAGS } from '../constants.js';
import { AddToCartEvent, CheckoutEvent } from '../events.js';
import { formatMoney, isHigherPrice } from '../money.js';
import { withDefaults, type CardStrings } from '../strings.js';
import { VERSION } from '../version.js';
import { productCardStyles } from './product-card.styles.js';

/** The variant a card sells: the one asked for, else the first available, else the first. */
function chosenVariant(product: Product, variantId: string | undefined): Variant | undefined {
  const variants = product.variants;
  return (
    (variantId === undefined ? undefined : variants.find((variant) => variant.id === variantId)) ??
    variants.find((variant) => variant.availableForSale) ??
    variants[0]
  );
}

function pricesOf(product: Product, variant: Variant | undefined): { price: Money; compareAt: Money | null } {
  // A variant with its own price carries its own compare-at price too (Storefront API shape).
  if (variant?.price) return { price: variant.price, compareAt: variant.compareAtPrice ?? null };
  return { price: product.price, compareAt: product.compareAtPrice ?? null };
}

/**
 * A product as it appears over the video: image, title, price (with the compare-at price
 * struck through when higher) and one button. The button adds to the cart
 * (`live-shop-add-to-cart`), or, for a product with a payment link (`checkoutUrl`), is a
 * "Buy" button (`live-shop-checkout`) that opens the link in a new tab. Both events are
 * cancelable so the host page can take over.
 *
 * Product text comes from the network and is always rendered as text.
 *
 * @tag live-shop-product-card
 * @csspart base - The card.
 * @csspart image - The product image (or its placeholder).
 * @csspart title - The product title.
 * @csspart price - The current price.
 * @csspart compare-at-price - The former price, struck through.
 * @csspart button - The "Add to cart" / "Buy" / "Sold out" button.
 * @cssprop --live-shop-card-background - Defaults to --live-shop-surface.
 * @cssprop --live-shop-card-color - Defaults to --live-shop-text.
 * @cssprop --live-shop-card-accent - Button colour; defaults to --live-shop-accent.
 * @cssprop --live-shop-card-radius - Defaults to --live-shop-radius.
 * @cssprop --live-shop-card-font - Defaults to --live-shop-font.
 * @cssprop --live-shop-card-image-size - Width of the image box.
 * @cssprop --live-shop-card-image-ratio - Aspect ratio of the image box (default 1).
 * @cssprop --live-shop-card-width - Maximum width of the card.
 * @fires live-shop-add-to-cart - {@link AddToCartEvent}
 * @fires live-shop-checkout - {@link CheckoutEvent}
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
  };

  // `declare` keeps these fields out of the emitted class, so Lit's accessors are never
  // shadowed whatever the compiler's class-field semantics.
  /** The product to show. */
  declare product: Product | undefined;
  /** The variant to sell; defaults to the first available one. */
  declare variantId: string | undefined;
  /** The video moment this card belongs to; passed on in the cart and checkout events. */
  declare pdt: number | undefined;
  /** BCP 47 locale for prices, e.g. "fr-FR"; defaults to the browser's. */
  declare locale: string | undefined;
  /** Text overrides; see {@link CardStrings}. */
  declare strings: Partial<CardStrings> | undefined;

  protected override render(): TemplateResult | typeof nothing {
    const product = this.product;
    if (!product) return nothing;
    const strings = withDefaults(this.strings);
    const variant = chosenVariant(product, this.variantId);
    const { price, compareAt } = pricesOf(product, variant);
    const soldOut = product.variants.length > 0 && !variant?.availableForSale;
    const checkoutUrl = this.#checkoutUrl(product);
    const label = soldOut ? strings.soldOut : checkoutUrl ? strings.buy : strings.addToCart;
    return html`
      <article part="base" class="base" aria-label=${product.title}>
        ${this.#renderImage(product, variant)}
        <div class="body">
          <p part="title" class="title">${product.title}</p>
          <p class="prices">
            <span part="price" class="price">${formatMoney(price, this.locale)}</span>
            ${isHigherPrice(compareAt, price)
              ? html`<s part="compare-at-price" class="compare-at-price"
                  ><span class="visually-hidden">${strings.compareAtPrice} </span>${formatMoney(compareAt, this.locale)}</s
                >`
              : nothing}
          </p>
          <button part="button" class="button" type="button" ?disabled=${soldOut} @click=${this.#onButtonClick}>
            ${label}
          </button>
        </div>
      </article>
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

  /** The payment link, if it is one a viewer may safely follow: https only (money changes hands there). */
  #checkoutUrl(product: Product): string | undefined {
    const url = product.checkoutUrl;
    return url !== undefined && isHttpsUrl(url) ? url : undefined;
  }

  #onButtonClick = (): void => {
    const product = this.product;
    if (!product) return;
    const detail = { product, variantId: chosenVariant(product, this.variantId)?.id, pdt: this.pdt };
    const url = this.#checkoutUrl(product);
    if (url === undefined) {
      this.dispatchEvent(new AddToCartEvent(detail));
      return;
    }
    const event = new CheckoutEvent({ ...detail, url });
    // A listener may add to the link (the player adds the attribution); still https only.
    if (this.dispatchEvent(event) && isHttpsUrl(event.detail.url)) {
      // noopener: the store's page must not be able to navigate this one (reverse tabnabbing).
      window.open(event.detail.url, '_blank', 'noopener');
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    [TAGS.productCard]: ProductCard;
  }
}
