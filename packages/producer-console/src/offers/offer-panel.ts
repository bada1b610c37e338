import { formatMoney } from '@live-shop/overlay-cards';
import type { EventData, Offer, Product } from '@live-shop/protocol';
import { css, html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { TAGS } from '../constants.js';
import { actionRequest, ActionRequestEvent } from '../events.js';
import { formatCountdown, parseAmount, parseCount } from '../format.js';
import { randomId } from '../relay/ids.js';
import { controlStyles } from '../theme.js';
import { VERSION } from '../version.js';

const MAX_MINUTES = 24 * 60;

/**
 * Starts a price drop on a product (new price, duration, optional code and quantity
 * limit) and ends it, with a countdown per running offer. The end time is on the relay's
 * clock, as viewers' countdowns are.
 *
 * @tag live-shop-console-offers
 * @fires live-shop-console-action - {@link ActionRequestEvent}: offer.start / offer.end.
 */
export class OfferPanel extends LitElement {
  static readonly version = VERSION;
  static override styles = [
    controlStyles,
    css`
      .grid {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0 8px;
      }
      .grid .wide {
        grid-column: 1 / -1;
      }
      ul {
        display: grid;
        gap: 6px;
        margin: 10px 0 0;
        padding: 0;
        list-style: none;
      }
      li {
        display: flex;
        align-items: center;
        gap: 10px;
        padding: 6px 8px;
        background: var(--console-raised);
        border: 1px solid var(--console-border);
        border-radius: 6px;
      }
      li .what {
        flex: 1;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .countdown {
        font-family: var(--console-mono);
        font-size: 18px;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
        color: var(--console-warn);
      }
      .countdown.over {
        color: var(--console-danger);
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    products: { attribute: false },
    offers: { attribute: false },
    clockOffset: { attribute: false },
    locale: {},
    _error: { state: true },
    _now: { state: true },
  };

  declare products: readonly Product[];
  /** The running offers, from the log. */
  declare offers: readonly Offer[];
  /** The relay's clock minus this browser's (ms). */
  declare clockOffset: number;
  declare locale: string | undefined;
  declare _error: string | undefined;
  declare _now: number;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.products = [];
    this.offers = [];
    this.clockOffset = 0;
    this._now = Date.now();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopTicking();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A countdown's first render must not use the clock of an earlier tick (or of the
    // element's construction, seconds before its offers arrived).
    if (changed.has('offers')) this._now = Date.now();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('offers')) return;
    // Tick only while a countdown is on screen.
    if (this.offers.some((offer) => offer.endsAt !== undefined)) {
      this.#timer ??= setInterval(() => {
        this._now = Date.now();
      }, 250);
    } else {
      this.#stopTicking();
    }
  }

  #stopTicking(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  protected override render(): TemplateResult {
    const selected = this.#selectedProduct();
    return html`
      <section class="panel" aria-labelledby="offer-heading">
        <div class="panel-header"><h2 id="offer-heading">Price drop</h2></div>
        <form @submit=${this.#onStart} novalidate>
          <div class="grid">
            <div class="field wide">
              <label for="offer-product">Product</label>
              <select id="offer-product" name="product" @change=${() => this.requestUpdate()}>
                ${this.products.map((product) => html`<option value=${product.id}>${product.title}</option>`)}
              </select>
            </div>
            <div class="field">
              <label for="offer-price">New price${selected ? ` (${selected.price.currencyCode})` : ''}</label>
              <input id="offer-price" name="price" inputmode="decimal" autocomplete="off" placeholder=${selected ? selected.price.amount : '0.00'} />
            </div>
            <div class="field">
              <label for="offer-minutes">Duration (minutes)</label>
              <input id="offer-minutes" name="minutes" type="number" min="1" max=${MAX_MINUTES} step="1" value="10" />
            </div>
            <div class="field">
              <label for="offer-code">Code (optional)</label>
              <input id="offer-code" name="code" autocomplete="off" spellcheck="false" placeholder="SPRING20" />
            </div>
            <div class="field">
              <label for="offer-limit">Quantity limit (optional)</label>
              <input id="offer-limit" name="limit" type="number" min="1" step="1" />
            </div>
          </div>
          <button class="primary" type="submit" ?disabled=${this.products.length === 0}>Start price drop</button>
          ${this._error ? html`<p class="form-error" role="alert">${this._error}</p>` : nothing}
        </form>
        ${this.offers.length === 0
          ? nothing
          : html`<ul aria-label="Running offers">
              ${this.offers.map((offer) => this.#renderOffer(offer))}
            </ul>`}
      </section>
    `;
  }

  #renderOffer(offer: Offer): TemplateResult {
    const product = this.products.find((candidate) => candidate.id === offer.productId);
    const name = product?.title ?? offer.title ?? offer.offerId;
    const left = offer.endsAt === undefined ? undefined : offer.endsAt - (this._now + this.clockOffset);
    return html`<li data-offer-id=${offer.offerId}>
      <div class="what">
        <strong>${name}</strong>
        <span class="muted">
          ${offer.price ? html` · ${formatMoney(offer.price, this.locale)}` : nothing}${offer.code ? html` · code ${offer.code}` : nothing}${offer.quantityLimit !== undefined
            ? html` · ${offer.quantityLimit} max`
            : nothing}
        </span>
      </div>
      ${left === undefined
        ? nothing
        : html`<span class="countdown ${left <= 0 ? 'over' : ''}" role="timer" aria-label="Time left for ${name}">${left <= 0 ? 'ended' : formatCountdown(left)}</span>`}
      <button type="button" class="danger" aria-label="End offer on ${name}" @click=${() => this.#end(offer, name)}>End</button>
    </li>`;
  }

  #selectedProduct(): Product | undefined {
    const id = this.renderRoot.querySelector<HTMLSelectElement>('#offer-product')?.value;
    return this.products.find((product) => product.id === id) ?? this.products[0];
  }

  #onStart = (event: SubmitEvent): void => {
    event.preventDefault();
    const field = (name: string) => this.renderRoot.querySelector<HTMLInputElement>(`#offer-${name}`)?.value ?? '';
    const product = this.#selectedProduct();
    if (!product) return;
    const amount = parseAmount(field('price'));
    const minutes = parseCount(field('minutes'));
    const code = field('code').trim();
    const limitText = field('limit').trim();
    const limit = parseCount(limitText);
    const problem =
      amount === undefined
        ? 'Enter the new price as a number like 149.00.'
        : minutes === undefined || minutes < 1 || minutes > MAX_MINUTES
          ? `Enter a duration in whole minutes, from 1 to ${MAX_MINUTES}.`
          : !/^[\w-]{0,64}$/.test(code)
            ? 'The code may only have letters, digits, "_" and "-" (at most 64).'
            : limitText !== '' && (limit === undefined || limit < 1)
              ? 'Enter the quantity limit as a whole number of at least 1, or leave it empty.'
              : undefined;
    this._error = problem;
    if (problem !== undefined || amount === undefined || minutes === undefined) return;
    const price = { amount, currencyCode: product.price.currencyCode };
    const data: EventData<'offer.start'> = {
      offerId: randomId('offer'),
      kind: 'price-drop',
      productId: product.id,
      price,
      // The relay's clock: viewers count down against it, whatever this laptop's clock says.
      endsAt: Math.round(Date.now() + this.clockOffset + minutes * 60_000),
      ...(code ? { code } : {}),
      ...(limit !== undefined ? { quantityLimit: limit } : {}),
    };
    const label = `Price drop on “${product.title}” to ${formatMoney(price, this.locale)} for ${minutes} min`;
    this.dispatchEvent(new ActionRequestEvent(actionRequest('offer.start', data, label)));
  };

  #end(offer: Offer, name: string): void {
    this.dispatchEvent(new ActionRequestEvent(actionRequest('offer.end', { offerId: offer.offerId }, `End offer on “${name}”`)));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [TAGS.offers]: OfferPanel;
  }
}
