import { isHttpUrl } from '@live-shop/protocol';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { CartLine, CartWarning } from '../commerce-adapter.js';
import { fill, formatMoney } from '@live-shop/overlay-cards/shared';
import type { CartStrings } from '../strings.js';
import type { Failure } from './cart-controller.js';
import { renderFailure } from './cart-failure.js';

export interface LineContext {
  strings: CartStrings;
  locale: string | undefined;
  /**
   * A change is being saved: the controls say so with aria-disabled and the element
   * ignores them. Not `disabled`, which would drop the focus of a keyboard user stepping.
   */
  busy: boolean;
  warnings: readonly CartWarning[];
  /** A change made on this line that failed: shown beside it, with its Try again. */
  failure: Failure | undefined;
  setQuantity(line: CartLine, quantity: number): void;
  remove(line: CartLine): void;
}

function renderImage(line: CartLine): TemplateResult {
  // Only http(s) images: a cart pushed in by a host page is not validated at any edge.
  if (!line.image || !isHttpUrl(line.image.url)) return html`<div part="image" class="image" aria-hidden="true"></div>`;
  // The title is right beside the image, so without alt text the image is decorative.
  return html`<img
    part="image"
    class="image"
    src=${line.image.url}
    alt=${line.image.altText ?? ''}
    width=${line.image.width ?? nothing}
    height=${line.image.height ?? nothing}
    loading="lazy"
    decoding="async"
  />`;
}

function onQuantityChange(event: Event, line: CartLine, context: LineContext): void {
  const input = event.target as HTMLInputElement;
  const quantity = Number(input.value);
  if (input.value.trim() === '' || !Number.isSafeInteger(quantity) || quantity < 0) {
    input.value = String(line.quantity); // not a quantity: show the one the cart has
    return;
  }
  context.setQuantity(line, quantity);
}

/** One cart line: image, title, variant, price, quantity stepper, remove, its warnings, and the failure of a change made on it. */
export function renderLine(line: CartLine, context: LineContext): TemplateResult {
  const { strings, locale, busy } = context;
  const names = { title: line.title };
  const warnings = context.warnings.filter((warning) => warning.lineId === line.id);
  return html`
    <li part="line" class="line">
      ${renderImage(line)}
      <div class="details">
        <p part="line-title" class="line-title">${line.title}</p>
        ${line.variantTitle ? html`<p part="variant" class="variant">${line.variantTitle}</p>` : nothing}
        ${line.quantity > 1
          ? html`<p class="each">${fill(strings.each, { price: formatMoney(line.price, locale) })}</p>`
          : nothing}
        <div class="controls">
          <div part="quantity" class="quantity" role="group" aria-label=${fill(strings.quantity, names)}>
            <button
              class="step"
              type="button"
              aria-label=${fill(strings.decrease, names)}
              aria-disabled=${busy ? 'true' : 'false'}
              @click=${() => context.setQuantity(line, line.quantity - 1)}
            >
              −
            </button>
            <input
              class="quantity-input"
              type="number"
              inputmode="numeric"
              min="0"
              step="1"
              aria-label=${fill(strings.quantity, names)}
              .value=${live(String(line.quantity))}
              @change=${(event: Event) => onQuantityChange(event, line, context)}
            />
            <button
              class="step"
              type="button"
              aria-label=${fill(strings.increase, names)}
              aria-disabled=${busy ? 'true' : 'false'}
              @click=${() => context.setQuantity(line, line.quantity + 1)}
            >
              +
            </button>
          </div>
          <button
            part="remove-button"
            class="remove"
            type="button"
            aria-label=${fill(strings.removeLine, names)}
            aria-disabled=${busy ? 'true' : 'false'}
            @click=${() => context.remove(line)}
          >
            ${strings.remove}
          </button>
        </div>
        ${warnings.map((warning) => html`<p part="warning" class="warning">${warning.message}</p>`)}
      </div>
      <p part="line-total" class="line-total">${formatMoney(line.lineTotal, locale)}</p>
      ${context.failure ? renderFailure(context.failure, strings) : nothing}
    </li>
  `;
}
