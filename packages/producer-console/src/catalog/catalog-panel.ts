import { formatMoney, isHigherPrice } from '@live-shop/overlay-cards';
import { isHttpUrl, type Highlight, type Product, type Variant } from '@live-shop/protocol';
import { css, html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { TAGS } from '../constants.js';
import { actionRequest, ActionRequestEvent } from '../events.js';
import { SHORTCUT_HELP } from '../shortcuts.js';
import { controlStyles } from '../theme.js';
import { VERSION } from '../version.js';

/** How many products have a number key. */
export const NUMBERED_PRODUCTS = 9;

export function highlightRequest(product: Product): ActionRequestEvent {
  return new ActionRequestEvent(actionRequest('product.highlight', { productId: product.id }, `Highlight “${product.title}”`));
}

export function clearRequest(product?: Product): ActionRequestEvent {
  return product
    ? new ActionRequestEvent(actionRequest('product.clear', { productId: product.id }, `Clear “${product.title}”`))
    : new ActionRequestEvent(actionRequest('product.clear', {}, 'Clear all highlights'));
}

function stockText(variant: Variant): string {
  if (!variant.availableForSale) return 'sold out';
  if (typeof variant.quantityAvailable === 'number') return String(variant.quantityAvailable);
  return 'in stock';
}

/**
 * Every product of the show with its price and stock per variant, and Highlight / Clear
 * buttons. The first nine are numbered: their digit key highlights them from anywhere in
 * the console (see SHORTCUT_HELP). Product text is rendered as text.
 *
 * @tag live-shop-console-catalog
 * @fires live-shop-console-action - {@link ActionRequestEvent}: product.highlight / product.clear.
 */
export class CatalogPanel extends LitElement {
  static readonly version = VERSION;
  static override styles = [
    controlStyles,
    css`
      .shortcuts {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 14px;
        margin: 0 0 10px;
        padding: 0;
        list-style: none;
        font-size: 13px;
        color: var(--console-muted);
      }
      ol.products {
        display: grid;
        gap: 6px;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .product {
        display: grid;
        grid-template-columns: 26px 52px 1fr auto;
        gap: 10px;
        align-items: center;
        padding: 8px;
        background: var(--console-raised);
        border: 1px solid var(--console-border);
        border-left: 4px solid transparent;
        border-radius: 6px;
      }
      .product.on-air {
        border-left-color: var(--console-live);
        background: color-mix(in srgb, var(--console-live) 10%, var(--console-raised));
      }
      .image {
        width: 52px;
        height: 52px;
        object-fit: cover;
        border-radius: 4px;
        background: var(--console-bg);
      }
      .info {
        min-width: 0;
      }
      .title {
        display: flex;
        gap: 6px;
        align-items: center;
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .price {
        font-size: 13px;
      }
      .price s {
        margin-left: 4px;
        color: var(--console-muted);
      }
      .variants {
        display: flex;
        flex-wrap: wrap;
        gap: 2px 10px;
        margin: 2px 0 0;
        padding: 0;
        list-style: none;
        font-size: 12px;
        color: var(--console-muted);
      }
      .variants strong {
        color: var(--console-text);
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      .variants .sold-out,
      .variants .sold-out strong {
        color: var(--console-danger);
      }
      .actions {
        display: flex;
        flex-direction: column;
        gap: 4px;
      }
      .actions button {
        min-height: 28px;
        padding: 3px 10px;
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    products: { attribute: false },
    highlights: { attribute: false },
    locale: {},
  };

  /** The show's products, in catalog order. */
  declare products: readonly Product[];
  /** What is highlighted in the log now (most recent first). */
  declare highlights: readonly Highlight[];
  /** BCP 47 locale for prices; the browser's by default. */
  declare locale: string | undefined;

  constructor() {
    super();
    this.products = [];
    this.highlights = [];
  }

  protected override render(): TemplateResult {
    const onAir = new Set(this.highlights.map((highlight) => highlight.productId));
    return html`
      <section class="panel" aria-labelledby="catalog-heading">
        <div class="panel-header">
          <h2 id="catalog-heading">Catalog <span class="muted">(${this.products.length})</span></h2>
          <button type="button" @click=${() => this.dispatchEvent(clearRequest())} ?disabled=${this.products.length === 0}>
            Clear all <kbd aria-hidden="true">C</kbd>
          </button>
        </div>
        <ul class="shortcuts" aria-label="Keyboard shortcuts">
          ${SHORTCUT_HELP.map((shortcut) => html`<li><kbd>${shortcut.keys}</kbd> ${shortcut.label}</li>`)}
        </ul>
        ${this.products.length === 0
          ? html`<p class="empty">No products yet: the show's catalog (catalog.set) is empty.</p>`
          : html`<ol class="products">
              ${repeat(
                this.products,
                (product) => product.id,
                (product, index) => this.#renderProduct(product, index, onAir.has(product.id)),
              )}
            </ol>`}
      </section>
    `;
  }

  #renderProduct(product: Product, index: number, onAir: boolean): TemplateResult {
    const image = product.images[0];
    const key = index < NUMBERED_PRODUCTS ? String(index + 1) : undefined;
    return html`
      <li class="product ${onAir ? 'on-air' : ''}" data-product-id=${product.id}>
        <span>${key ? html`<kbd title="Press ${key} to highlight">${key}</kbd>` : nothing}</span>
        ${image && isHttpUrl(image.url)
          ? html`<img class="image" src=${image.url} alt="" width="52" height="52" loading="lazy" decoding="async" />`
          : html`<span class="image" aria-hidden="true"></span>`}
        <div class="info">
          <p class="title">${product.title} ${onAir ? html`<span class="badge live">On air</span>` : nothing}</p>
          <p class="price">
            ${formatMoney(product.price, this.locale)}${isHigherPrice(product.compareAtPrice, product.price)
              ? html`<s><span class="visually-hidden">was </span>${formatMoney(product.compareAtPrice, this.locale)}</s>`
              : nothing}
          </p>
          ${product.variants.length > 0
            ? html`<ul class="variants" aria-label="Stock of ${product.title}">
                ${product.variants.map(
                  (variant) => html`<li class=${variant.availableForSale ? '' : 'sold-out'}>${variant.title || 'Default'}: <strong>${stockText(variant)}</strong></li>`,
                )}
              </ul>`
            : nothing}
        </div>
        <div class="actions">
          <button type="button" class="primary" aria-label="Highlight ${product.title}" @click=${() => this.dispatchEvent(highlightRequest(product))}>
            Highlight
          </button>
          <button type="button" aria-label="Clear ${product.title}" @click=${() => this.dispatchEvent(clearRequest(product))}>
            Clear
          </button>
        </div>
      </li>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [TAGS.catalog]: CatalogPanel;
  }
}
