import type { Product, Variant } from '@live-shop/protocol';
import { css, html, nothing, type TemplateResult } from 'lit';
import type { CardStrings } from '../strings.js';
import { productOptions, variantForChoice, type OptionValue, type ProductOption } from './variant-options.js';

export interface VariantPickerOptions {
  product: Product;
  variant: Variant | undefined;
  strings: CardStrings;
  /**
   * "select": one native select per option, on one line (the card over the video: compact,
   * and the platform's own picker on phones); "buttons": a segmented group of radio buttons
   * per option (the details sheet: every value in sight).
   */
  layout: 'select' | 'buttons';
  /** Unique within the shadow root: ids and radio group names derive from it. */
  idPrefix: string;
  onChoose: (variant: Variant) => void;
}

/**
 * One control per product option (Size, Color…), built from the variants'
 * `selectedOptions`. Native controls, so keyboard and screen readers work as everywhere:
 * a labelled select, or a fieldset of radios (Tab in, arrows between values). A value no
 * available variant has is disabled; one unavailable with the other options chosen is
 * marked, and choosing it moves the other options to an available combination. Option
 * names and values come from the network and are rendered as text.
 */
export function renderVariantPicker(options: VariantPickerOptions): TemplateResult | typeof nothing {
  const productOptionList = productOptions(options.product, options.variant);
  if (productOptionList.length === 0) return nothing;
  return html`<div part="variant-picker" class="variant-picker ${options.layout}">
    ${productOptionList.map((option, index) =>
      options.layout === 'select' ? renderSelect(option, index, options) : renderButtons(option, index, options),
    )}
  </div>`;
}

function choose(options: VariantPickerOptions, name: string, value: string): void {
  const variant = variantForChoice(options.product, options.variant, name, value);
  if (variant && variant.id !== options.variant?.id) options.onChoose(variant);
}

function valueLabel(value: OptionValue, strings: CardStrings): string {
  if (!value.purchasable) return `${value.value} (${strings.soldOut})`;
  return value.available ? value.value : `${value.value} (${strings.unavailable})`;
}

function renderSelect(option: ProductOption, index: number, options: VariantPickerOptions): TemplateResult {
  const id = `${options.idPrefix}-option-${index}`;
  return html`<span class="option">
    <label part="option-label" class="option-label" for=${id}>${option.name}</label>
    <select
      part="option-select"
      class="option-select"
      id=${id}
      @change=${(event: Event) => choose(options, option.name, (event.target as HTMLSelectElement).value)}
    >
      ${option.values.map(
        (value) => html`<option .value=${value.value} .selected=${value.selected} ?disabled=${!value.purchasable}>${valueLabel(value, options.strings)}</option>`,
      )}
    </select>
  </span>`;
}

function renderButtons(option: ProductOption, index: number, options: VariantPickerOptions): TemplateResult {
  const name = `${options.idPrefix}-option-${index}`;
  return html`<fieldset part="option-group" class="option-group">
    <legend part="option-label" class="option-label">${option.name}</legend>
    <div class="segments">
      ${option.values.map(
        (value) => html`<label part="option-value" class="segment ${value.available ? '' : 'unavailable'}">
          <input
            type="radio"
            name=${name}
            .value=${value.value}
            .checked=${value.selected}
            ?disabled=${!value.purchasable}
            @change=${() => choose(options, option.name, value.value)}
          />
          <span class="segment-text">${value.value}</span>
          ${value.available ? nothing : html`<span class="visually-hidden">(${value.purchasable ? options.strings.unavailable : options.strings.soldOut})</span>`}
        </label>`,
      )}
    </div>
  </fieldset>`;
}

/** Styles of both layouts; the host declares --live-shop-card-* (or the sheet's own) properties. */
export const variantPickerStyles = css`
  .variant-picker {
    display: flex;
    flex-wrap: wrap;
    gap: 6px 10px;
    min-width: 0;
  }

  .variant-picker.buttons {
    flex-direction: column;
    gap: 12px;
  }

  .option {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    min-width: 0;
    font-size: 0.8rem;
  }

  .option-label {
    color: var(--live-shop-picker-muted-color, currentColor);
    overflow-wrap: anywhere;
  }

  .option-select {
    min-width: 0;
    max-width: 9rem;
    padding: 2px 4px;
    font: inherit;
    color: inherit;
    background: var(--live-shop-picker-background, transparent);
    border: 1px solid var(--live-shop-picker-border-color, currentColor);
    border-radius: 6px;
  }

  .option-group {
    margin: 0;
    padding: 0;
    border: none;
    min-width: 0;
  }

  .option-group .option-label {
    padding: 0;
    margin-bottom: 6px;
    font-size: 0.85rem;
    font-weight: 600;
  }

  .segments {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }

  .segment {
    position: relative;
    display: inline-flex;
  }

  /* The radio stays in the accessibility tree and takes the keyboard; the text is the target. */
  .segment input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }

  .segment-text {
    min-width: 2.5rem;
    padding: 6px 12px;
    text-align: center;
    font-size: 0.85rem;
    border: 1px solid var(--live-shop-picker-border-color, currentColor);
    border-radius: 999px;
    overflow-wrap: anywhere;
  }

  .segment input:checked + .segment-text {
    color: var(--live-shop-picker-selected-text, #ffffff);
    background: var(--live-shop-picker-selected-background, #111111);
    border-color: var(--live-shop-picker-selected-background, #111111);
  }

  .segment input:focus-visible + .segment-text {
    outline: 2px solid var(--live-shop-picker-focus-color, currentColor);
    outline-offset: 2px;
  }

  .segment.unavailable .segment-text {
    text-decoration: line-through;
    border-style: dashed;
  }

  .segment input:disabled {
    cursor: not-allowed;
  }

  .segment input:disabled + .segment-text {
    opacity: 0.55;
  }
`;
