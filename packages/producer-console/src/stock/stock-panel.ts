import type { EventData, Product, Variant } from '@live-shop/protocol';
import { css, html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { TAGS } from '../constants.js';
import { actionRequest, ActionRequestEvent } from '../events.js';
import { parseCount } from '../format.js';
import { controlStyles } from '../theme.js';
import { VERSION } from '../version.js';

/**
 * Sets the stock of each variant of a product: a quantity, or sold out / back in stock
 * (`stock.update`). Viewers' cards disable their button when a variant is sold out.
 *
 * @tag live-shop-console-stock
 * @fires live-shop-console-action - {@link ActionRequestEvent}: stock.update.
 */
export class StockPanel extends LitElement {
  static readonly version = VERSION;
  static override styles = [
    controlStyles,
    css`
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 13px;
      }
      th {
        text-align: left;
        font-size: 12px;
        color: var(--console-muted);
        font-weight: 600;
        padding: 4px 4px 4px 0;
      }
      td {
        padding: 4px 4px 4px 0;
        border-top: 1px solid var(--console-border);
        vertical-align: middle;
      }
      td.variant {
        overflow-wrap: anywhere;
      }
      .sold-out {
        color: var(--console-danger);
      }
      .set {
        display: flex;
        gap: 4px;
      }
      .set input {
        width: 64px;
        min-height: 28px;
      }
      td button {
        min-height: 28px;
        padding: 3px 8px;
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    products: { attribute: false },
    _productId: { state: true },
    _error: { state: true },
  };

  declare products: readonly Product[];
  declare _productId: string | undefined;
  declare _error: string | undefined;

  constructor() {
    super();
    this.products = [];
  }

  protected override render(): TemplateResult {
    const product = this.products.find((candidate) => candidate.id === this._productId) ?? this.products[0];
    return html`
      <section class="panel" aria-labelledby="stock-heading">
        <div class="panel-header"><h2 id="stock-heading">Stock</h2></div>
        <div class="field">
          <label for="stock-product">Product</label>
          <select
            id="stock-product"
            @change=${(event: Event) => {
              this._productId = (event.target as HTMLSelectElement).value;
              this._error = undefined;
            }}
          >
            ${this.products.map((candidate) => html`<option value=${candidate.id} ?selected=${candidate === product}>${candidate.title}</option>`)}
          </select>
        </div>
        ${product && product.variants.length > 0
          ? html`<table>
              <thead>
                <tr>
                  <th scope="col">Variant</th>
                  <th scope="col">Now</th>
                  <th scope="col">Quantity</th>
                  <th scope="col"><span class="visually-hidden">Availability</span></th>
                </tr>
              </thead>
              <tbody>
                ${product.variants.map((variant) => this.#renderVariant(product, variant))}
              </tbody>
            </table>`
          : html`<p class="empty">${product ? 'This product has no variants.' : 'No products yet.'}</p>`}
        ${this._error ? html`<p class="form-error" role="alert">${this._error}</p>` : nothing}
      </section>
    `;
  }

  #renderVariant(product: Product, variant: Variant): TemplateResult {
    const name = variant.title || 'Default';
    const inputId = `quantity-${product.variants.indexOf(variant)}`;
    const now = !variant.availableForSale ? 'sold out' : typeof variant.quantityAvailable === 'number' ? String(variant.quantityAvailable) : 'in stock';
    return html`<tr data-variant-id=${variant.id}>
      <td class="variant">${name}</td>
      <td class=${variant.availableForSale ? '' : 'sold-out'}>${now}</td>
      <td>
        <form class="set" @submit=${(event: SubmitEvent) => this.#onSetQuantity(event, product, variant, inputId)}>
          <label class="visually-hidden" for=${inputId}>Quantity of ${product.title}, ${name}</label>
          <input id=${inputId} type="number" min="0" step="1" inputmode="numeric" placeholder=${typeof variant.quantityAvailable === 'number' ? String(variant.quantityAvailable) : '—'} />
          <button type="submit" aria-label="Set quantity of ${name}">Set</button>
        </form>
      </td>
      <td>
        ${variant.availableForSale
          ? html`<button type="button" aria-label="Mark ${name} sold out" @click=${() => this.#setAvailable(product, variant, false)}>Sold out</button>`
          : html`<button type="button" aria-label="Mark ${name} back in stock" @click=${() => this.#setAvailable(product, variant, true)}>Restock</button>`}
      </td>
    </tr>`;
  }

  #onSetQuantity(event: SubmitEvent, product: Product, variant: Variant, inputId: string): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#${inputId}`);
    const quantity = parseCount(input?.value ?? '');
    if (quantity === undefined) {
      this._error = 'Enter the quantity as a whole number, 0 or more.';
      return;
    }
    this._error = undefined;
    if (input) input.value = '';
    // A count decides availability too: 0 is sold out, more is back on sale.
    const data: EventData<'stock.update'> = { productId: product.id, variantId: variant.id, quantityAvailable: quantity, availableForSale: quantity > 0 };
    this.#request(data, `Stock of “${product.title}” ${variant.title || ''}: ${quantity}`);
  }

  #setAvailable(product: Product, variant: Variant, available: boolean): void {
    this._error = undefined;
    const data: EventData<'stock.update'> = { productId: product.id, variantId: variant.id, availableForSale: available };
    this.#request(data, `“${product.title}” ${variant.title || ''}: ${available ? 'back in stock' : 'sold out'}`);
  }

  #request(data: EventData<'stock.update'>, label: string): void {
    this.dispatchEvent(new ActionRequestEvent(actionRequest('stock.update', data, label.replace(/\s+/g, ' '))));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [TAGS.stock]: StockPanel;
  }
}
