import { css } from 'lit';
import { visuallyHidden } from '../shared-styles.js';
import { variantPickerStyles } from './variant-picker.js';

/**
 * Two layers of custom properties (as Web Awesome does): the card's own, with defaults,
 * falling back to the few shared --live-shop-* tokens a brand sets once for everything.
 */
export const productCardStyles = [
  visuallyHidden,
  variantPickerStyles,
  css`
    :host {
      --live-shop-card-background: var(--live-shop-surface, #ffffff);
      --live-shop-card-color: var(--live-shop-text, #111111);
      --live-shop-card-muted-color: color-mix(in srgb, var(--live-shop-card-color) 60%, transparent);
      --live-shop-card-radius: var(--live-shop-radius, 12px);
      --live-shop-card-font: var(--live-shop-font, system-ui, sans-serif);
      --live-shop-card-accent: var(--live-shop-accent, #d6246e);
      --live-shop-card-accent-text: #ffffff;
      --live-shop-card-image-size: 72px;
      --live-shop-card-image-ratio: 1;
      --live-shop-card-width: 320px;
      --live-shop-card-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
      --live-shop-card-low-stock-color: #b3261e;
      --live-shop-picker-muted-color: var(--live-shop-card-muted-color);
      --live-shop-picker-border-color: color-mix(in srgb, var(--live-shop-card-color) 35%, transparent);
      --live-shop-picker-focus-color: var(--live-shop-card-accent);

      display: block;
      box-sizing: border-box;
      max-width: var(--live-shop-card-width);
      font-family: var(--live-shop-card-font);
      color: var(--live-shop-card-color);
    }

    :host([hidden]) {
      display: none;
    }

    .base {
      display: grid;
      grid-template-columns: var(--live-shop-card-image-size) 1fr;
      gap: 10px;
      align-items: center;
      padding: 10px;
      background: var(--live-shop-card-background);
      border-radius: var(--live-shop-card-radius);
      box-shadow: var(--live-shop-card-shadow);
    }

    /* A fixed box whatever the image: no layout shift while it loads, or if it never does. */
    .image {
      display: block;
      width: var(--live-shop-card-image-size);
      height: auto;
      aspect-ratio: var(--live-shop-card-image-ratio);
      object-fit: cover;
      border-radius: calc(var(--live-shop-card-radius) * 0.66);
      background: color-mix(in srgb, var(--live-shop-card-color) 8%, transparent);
    }

    .body {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: 0;
    }

    .title {
      margin: 0;
      font-size: 0.95rem;
      font-weight: 600;
      line-height: 1.25;
      display: -webkit-box;
      -webkit-line-clamp: 2;
      -webkit-box-orient: vertical;
      overflow: hidden;
      overflow-wrap: anywhere;
    }

    .prices {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      align-items: baseline;
      font-size: 0.9rem;
    }

    .price {
      font-weight: 600;
    }

    .compare-at-price {
      color: var(--live-shop-card-muted-color);
    }

    .stock {
      padding: 1px 6px;
      font-size: 0.75rem;
      font-weight: 600;
      border-radius: 999px;
      color: var(--live-shop-card-low-stock-color);
      border: 1px solid currentColor;
    }

    .stock.sold-out {
      color: var(--live-shop-card-muted-color);
    }

    .inline-picker {
      display: var(--live-shop-card-picker-display, flex);
      min-width: 0;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      align-items: center;
      margin-top: 2px;
    }

    .details-button {
      padding: 6px 10px;
      font: inherit;
      font-size: 0.85rem;
      color: inherit;
      background: transparent;
      border: 1px solid var(--live-shop-picker-border-color);
      border-radius: calc(var(--live-shop-card-radius) * 0.66);
      cursor: pointer;
    }

    .details-button:focus-visible {
      outline: 2px solid var(--live-shop-card-accent);
      outline-offset: 2px;
    }

    .button {
      justify-self: start;
      padding: 6px 14px;
      font: inherit;
      font-size: 0.9rem;
      font-weight: 600;
      color: var(--live-shop-card-accent-text);
      background: var(--live-shop-card-accent);
      border: none;
      border-radius: calc(var(--live-shop-card-radius) * 0.66);
      cursor: pointer;
    }

    .button:focus-visible {
      outline: 2px solid var(--live-shop-card-accent);
      outline-offset: 2px;
    }

    .button:disabled {
      cursor: not-allowed;
      color: var(--live-shop-card-muted-color);
      background: color-mix(in srgb, var(--live-shop-card-color) 12%, transparent);
    }
  `,
];
