import { isHttpsUrl, isHttpUrl, type Money, type Offer, type Product } from '@live-shop/protocol';
import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { formatCountdown, secondsLeft } from '../clock/countdown.js';
import { msToNextSecond, ServerClock, serverNow } from '../clock/server-clock.js';
import { TAGS } from '../constants.js';
import { AddToCartEvent, CheckoutEvent } from '../events.js';
import { formatMoney, isHigherPrice } from '../money.js';
import { fill } from '../strings.js';
import { VERSION } from '../version.js';
import { OfferEndEvent } from './offer-events.js';
import { kindLabel, withOfferDefaults, type OfferStrings } from './offer-strings.js';
import { offerStyles } from './offer.styles.js';

/** How long the copy button says "Copied". */
const COPIED_MS = 2000;
/** The countdown's last stretch: announced once, and styled (`:state(last-minute)`). */
const LAST_MINUTE_S = 60;
/** How long the first render's announcement waits for its live region to exist (see #announce). */
const FIRST_ANNOUNCEMENT_DELAY_MS = 250;

/** The struck-through price: the product's price, or its compare-at price, whichever is above the offer's. */
function formerPrice(product: Product | undefined, price: Money): Money | undefined {
  if (!product) return undefined;
  if (isHigherPrice(product.price, price)) return product.price;
  return isHigherPrice(product.compareAtPrice, price) ? product.compareAtPrice : undefined;
}

/** Sold out when the product has variants and none is for sale (as on the product card). */
function isSoldOut(product: Product): boolean {
  return product.variants.length > 0 && !product.variants.some((variant) => variant.availableForSale);
}

const counts = new Map<string, Intl.NumberFormat>();
function formatCount(count: number, locale: string | undefined): string {
  let format = counts.get(locale ?? '');
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale || undefined);
    } catch {
      format = new Intl.NumberFormat();
    }
    counts.set(locale ?? '', format);
  }
  return format.format(count);
}

/**
 * A limited offer over the video (a price drop, a countdown, limited stock): the offer's
 * title and product, the new price with the former one struck through, a countdown to
 * its end on the relay's clock, the quantity limit, a discount code with a Copy button,
 * and a button to shop it (the product card's add-to-cart / checkout flow, with the
 * offer's moment as `pdt`).
 *
 * The countdown counts on the relay's clock (`Date.now() + serverOffset`), so a viewer
 * whose clock is wrong still sees the right time left. It changes on the second, with one
 * timer per element that runs only while the element is in the page and something on it
 * is due to change. Screen readers are not told every second: the timer is a `role=timer`
 * (not live), and a polite status announces the new offer, its last minute, its end and a
 * copied code.
 *
 * When the end time passes the element shows "Offer ended" and fires
 * `live-shop-offer-end` once; it stays until the host removes it (the player does, on
 * that event or on the producer's `offer.end`).
 *
 * All offer and product text is rendered as text.
 *
 * @tag live-shop-offer
 * @csspart base - The offer box.
 * @csspart image - The product image.
 * @csspart kind - The badge: "Price drop", "Limited time", "Limited stock".
 * @csspart title - The offer's title (else the product's).
 * @csspart product-title - The product's title, under an offer title of its own.
 * @csspart price - The offer price.
 * @csspart compare-at-price - The former price, struck through.
 * @csspart countdown - "Ends in 04:59" / "Offer ended".
 * @csspart quantity - "Only 12 left".
 * @csspart code-label - The label of the code.
 * @csspart code - The code (a read-only text field, so it can be selected by hand).
 * @csspart copy-button - Copies the code.
 * @csspart shop-button - "Shop now" / "Buy" / "Sold out".
 * @cssstate ended - The end time has passed.
 * @cssstate last-minute - Less than a minute left.
 * @cssprop --live-shop-offer-background - Defaults to --live-shop-surface.
 * @cssprop --live-shop-offer-color - Defaults to --live-shop-text.
 * @cssprop --live-shop-offer-accent - Badge and button colour; defaults to --live-shop-accent.
 * @cssprop --live-shop-offer-accent-text - Text on the accent colour.
 * @cssprop --live-shop-offer-urgent-color - The countdown in its last minute.
 * @cssprop --live-shop-offer-radius - Defaults to --live-shop-radius.
 * @cssprop --live-shop-offer-font - Defaults to --live-shop-font.
 * @cssprop --live-shop-offer-image-size - Width of the image box.
 * @cssprop --live-shop-offer-width - Maximum width.
 * @cssprop --live-shop-offer-enter-duration - Length of the entry transition (none with prefers-reduced-motion).
 * @fires live-shop-offer-end - {@link OfferEndEvent}, once when the end time passes.
 * @fires live-shop-add-to-cart - {@link AddToCartEvent} from the shop button (cancelable).
 * @fires live-shop-checkout - {@link CheckoutEvent} from the shop button of a product with a payment link (cancelable).
 */
export class OfferCard extends LitElement {
  static readonly version = VERSION;
  static override styles = offerStyles;
  static override properties: PropertyDeclarations = {
    offer: { attribute: false },
    product: { attribute: false },
    serverOffset: { type: Number, attribute: 'server-offset' },
    locale: { reflect: true },
    strings: { attribute: false },
    announcement: { state: true },
    copyResult: { state: true },
  };

  /** The running offer, as in `ShowState.offers`. */
  declare offer: Offer | undefined;
  /** The offer's product (`offer.productId` in the catalog): title, image, former price, the shop button. */
  declare product: Product | undefined;
  /** The relay's clock minus this browser's, in ms (the player learns it at join); 0 if unknown. */
  declare serverOffset: number;
  /** BCP 47 locale for prices and numbers; defaults to the browser's. */
  declare locale: string | undefined;
  /** Text overrides; see {@link OfferStrings}. */
  declare strings: Partial<OfferStrings> | undefined;
  declare protected announcement: string;
  declare protected copyResult: { text: string; until: number } | undefined;

  readonly #clock = new ServerClock(this, (now) => this.#nextChange(now));
  readonly #internals: ElementInternals;
  #offerId: string | undefined;
  /** Offer id and end time: the end event fires once per pair (a producer may extend an offer). */
  #offerKey: string | undefined;
  #endedKey: string | undefined;
  /** Seconds left at the last update; undefined without an end time. */
  #secondsLeft: number | undefined;
  /** An announcement held back from the first render (see #announce). */
  #pending: { text: string; at: number } | undefined;
  #hadFocus = false;

  constructor() {
    super();
    this.serverOffset = 0;
    this.announcement = '';
    this.#internals = this.attachInternals();
  }

  /** True once the offer's end time has passed on the relay's clock. */
  get ended(): boolean {
    const endsAt = this.offer?.endsAt;
    return endsAt !== undefined && secondsLeft(serverNow(this.serverOffset), endsAt) === 0;
  }

  #nextChange(now: number): number | undefined {
    const due: number[] = [];
    const endsAt = this.offer?.endsAt;
    if (endsAt !== undefined && now < endsAt) due.push(now + msToNextSecond(now, endsAt));
    if (this.copyResult && this.copyResult.until > now) due.push(this.copyResult.until);
    if (this.#pending) due.push(this.#pending.at);
    return due.length > 0 ? Math.min(...due) : undefined;
  }

  /**
   * Text put into a live region in the same render that creates the region is often not
   * read (the region must exist first), so the first render's announcement waits a moment.
   */
  #announce(text: string, now: number): void {
    if (this.hasUpdated) this.announcement = text;
    else this.#pending = { text, at: now + FIRST_ANNOUNCEMENT_DELAY_MS };
  }

  protected override willUpdate(): void {
    const now = this.#clock.read();
    this.#hadFocus = this.shadowRoot?.activeElement != null;
    if (this.#pending && now >= this.#pending.at) {
      this.announcement = this.#pending.text;
      this.#pending = undefined;
    }
    const offer = this.offer;
    const strings = withOfferDefaults(this.strings);
    const left = offer?.endsAt === undefined ? undefined : secondsLeft(now, offer.endsAt);
    const previous = this.#secondsLeft;
    this.#secondsLeft = left;
    this.#offerKey = offer ? `${offer.offerId}|${offer.endsAt ?? ''}` : undefined;
    if (offer?.offerId !== this.#offerId) {
      this.#offerId = offer?.offerId;
      this.copyResult = undefined;
      this.#pending = undefined;
      // An offer that is already over when it arrives (a late join) is not news.
      if (offer && left !== 0) this.#announce(fill(strings.newOffer, { title: this.#title(offer) }), now);
    } else if (left !== undefined && previous !== undefined) {
      if (left === 0 && previous > 0) this.#announce(strings.ended, now);
      else if (left > 0 && left <= LAST_MINUTE_S && previous > LAST_MINUTE_S) this.#announce(strings.oneMinuteLeft, now);
    }
    this.#setState('ended', left === 0);
    this.#setState('last-minute', left !== undefined && left > 0 && left <= LAST_MINUTE_S);
  }

  protected override updated(): void {
    // The shop and copy buttons go when the offer ends: keep keyboard focus in the offer.
    if (this.#hadFocus && this.shadowRoot?.activeElement == null) this.renderRoot.querySelector<HTMLElement>('.base')?.focus();
    const offer = this.offer;
    if (offer && this.#secondsLeft === 0 && this.isConnected && this.#endedKey !== this.#offerKey) {
      this.#endedKey = this.#offerKey;
      this.dispatchEvent(new OfferEndEvent({ offer }));
    }
  }

  #setState(state: string, on: boolean): void {
    // CustomStateSet (Chromium 125, Firefox 126, Safari 17.4): a styling hook only.
    const states = this.#internals.states as Set<string> | undefined;
    if (!states) return;
    if (on) states.add(state);
    else states.delete(state);
  }

  #title(offer: Offer): string {
    return offer.title || this.product?.title || '';
  }

  protected override render(): TemplateResult {
    return html`${this.#renderOffer()}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>`;
  }

  #renderOffer(): TemplateResult | typeof nothing {
    const offer = this.offer;
    if (!offer) return nothing;
    const product = this.product;
    const strings = withOfferDefaults(this.strings);
    const title = this.#title(offer);
    const ended = this.#secondsLeft === 0;
    const price = offer.price ?? product?.price;
    const former = price ? formerPrice(product, price) : undefined;
    return html`
      <article part="base" class="base" tabindex="-1" aria-label=${title || kindLabel(offer.kind, strings)}>
        ${this.#renderImage(product)}
        <div class="body">
          <p part="kind" class="kind">${kindLabel(offer.kind, strings)}</p>
          ${title ? html`<p part="title" class="title">${title}</p>` : nothing}
          ${offer.title && product && product.title !== offer.title
            ? html`<p part="product-title" class="product-title">${product.title}</p>`
            : nothing}
          ${price
            ? html`<p class="prices">
                <span part="price" class="price">${formatMoney(price, this.locale)}</span>
                ${former
                  ? html`<s part="compare-at-price" class="compare-at-price"
                      ><span class="visually-hidden">${strings.compareAtPrice} </span>${formatMoney(former, this.locale)}</s
                    >`
                  : nothing}
              </p>`
            : nothing}
          ${this.#renderMeta(offer, strings, ended)}
          ${ended ? nothing : this.#renderCode(offer, strings)} ${ended || !product ? nothing : this.#renderShop(product, strings)}
        </div>
      </article>
    `;
  }

  #renderImage(product: Product | undefined): TemplateResult | typeof nothing {
    const image = product?.images[0];
    if (!image || !isHttpUrl(image.url)) return nothing;
    return html`<img part="image" class="image" src=${image.url} alt="" width=${image.width ?? nothing} height=${image.height ?? nothing} loading="lazy" decoding="async" />`;
  }

  #renderMeta(offer: Offer, strings: OfferStrings, ended: boolean): TemplateResult | typeof nothing {
    const countdown =
      offer.endsAt === undefined
        ? nothing
        : ended
          ? html`<span part="countdown" class="countdown ended">${strings.ended}</span>`
          : // A timer is not a live region: it is read when visited, never every second.
            html`<span part="countdown" class="countdown" role="timer"
              >${fill(strings.endsIn, { time: formatCountdown(this.#secondsLeft ?? 0, this.locale) })}</span
            >`;
    const quantity =
      !ended && offer.quantityLimit !== undefined && offer.quantityLimit > 0
        ? html`<span part="quantity" class="quantity">${fill(strings.quantityLeft, { count: formatCount(offer.quantityLimit, this.locale) })}</span>`
        : nothing;
    if (countdown === nothing && quantity === nothing) return nothing;
    return html`<p class="meta">${countdown} ${quantity}</p>`;
  }

  #renderCode(offer: Offer, strings: OfferStrings): TemplateResult | typeof nothing {
    const code = offer.code;
    if (!code) return nothing;
    const copied = this.copyResult && this.copyResult.until > this.#clock.now ? this.copyResult.text : undefined;
    return html`<div class="code-row">
      <label part="code-label" class="code-label" for="code">${strings.code}</label>
      <input
        part="code"
        class="code"
        id="code"
        readonly
        spellcheck="false"
        autocomplete="off"
        size=${Math.max(4, code.length)}
        .value=${code}
        @focus=${this.#selectCode}
      />
      <button part="copy-button" class="copy-button" type="button" @click=${this.#onCopy}>${copied ?? strings.copy}</button>
    </div>`;
  }

  #renderShop(product: Product, strings: OfferStrings): TemplateResult {
    const soldOut = isSoldOut(product);
    const label = soldOut ? strings.soldOut : this.#checkoutUrl(product) ? strings.buy : strings.shop;
    return html`<button part="shop-button" class="shop-button" type="button" ?disabled=${soldOut} @click=${this.#onShop}>${label}</button>`;
  }

  #selectCode = (): void => {
    this.renderRoot.querySelector<HTMLInputElement>('#code')?.select();
  };

  #onCopy = async (): Promise<void> => {
    const code = this.offer?.code;
    if (!code) return;
    const strings = withOfferDefaults(this.strings);
    let copied = false;
    try {
      // Undefined outside secure contexts, and rejects without permission or focus.
      await navigator.clipboard.writeText(code);
      copied = true;
    } catch {
      // Fallback: select the code, so Ctrl+C copies it; and try the old copy command,
      // which works where the Clipboard API does not (an http: page in an iframe).
      this.#selectCode();
      try {
        copied = document.execCommand('copy');
      } catch {
        copied = false;
      }
    }
    const text = copied ? strings.copied : strings.copyManually;
    this.announcement = text;
    this.copyResult = copied ? { text, until: serverNow(this.serverOffset) + COPIED_MS } : undefined;
  };

  #checkoutUrl(product: Product): string | undefined {
    const url = product.checkoutUrl;
    return url !== undefined && isHttpsUrl(url) ? url : undefined;
  }

  #onShop = (): void => {
    const product = this.product;
    const offer = this.offer;
    if (!product || !offer || this.ended) return;
    const variant = product.variants.find((candidate) => candidate.availableForSale) ?? product.variants[0];
    // The offer's moment, for attribution: the sale belongs to the moment the offer started.
    const detail = { product, variantId: variant?.id, pdt: offer.pdt };
    const url = this.#checkoutUrl(product);
    if (url === undefined) {
      this.dispatchEvent(new AddToCartEvent(detail));
      return;
    }
    const event = new CheckoutEvent({ ...detail, url });
    if (this.dispatchEvent(event) && isHttpsUrl(event.detail.url)) window.open(event.detail.url, '_blank', 'noopener');
  };
}

declare global {
  interface HTMLElementTagNameMap {
    [TAGS.offer]: OfferCard;
  }
}
