import { css } from 'lit';
import { galleryStyles } from './gallery.js';
import { variantPickerStyles } from '../product-card/variant-picker.js';
import { visuallyHidden } from '../shared-styles.js';

export const productDetailsStyles = [
  visuallyHidden,
  variantPickerStyles,
  galleryStyles,
  css`
    :host {
      --live-shop-details-background: var(--live-shop-surface, #ffffff);
      --live-shop-details-color: var(--live-shop-text, #111111);
      --live-shop-details-muted-color: color-mix(in srgb, var(--live-shop-details-color) 65%, transparent);
      --live-shop-details-border-color: color-mix(in srgb, var(--live-shop-details-color) 25%, transparent);
      --live-shop-details-accent: var(--live-shop-accent, #d6246e);
      --live-shop-details-accent-text: #ffffff;
      --live-shop-details-radius: var(--live-shop-radius, 12px);
      --live-shop-details-font: var(--live-shop-font, system-ui, sans-serif);
      --live-shop-details-width: 760px;
      --live-shop-details-backdrop: rgb(0 0 0 / 0.5);
      --live-shop-details-low-stock-color: #b3261e;
      --live-shop-picker-muted-color: var(--live-shop-details-muted-color);
      --live-shop-picker-border-color: color-mix(in srgb, var(--live-shop-details-color) 40%, transparent);
      --live-shop-picker-selected-background: var(--live-shop-details-color);
      --live-shop-picker-selected-text: var(--live-shop-details-background);
      --live-shop-picker-focus-color: var(--live-shop-details-accent);

      /* The element itself takes no room: the sheet is in the top layer when open. */
      display: contents;
    }

    .dialog {
      box-sizing: border-box;
      width: min(var(--live-shop-details-width), calc(100vw - 24px));
      max-height: calc(100dvh - 24px);
      padding: 0;
      font-family: var(--live-shop-details-font);
      color: var(--live-shop-details-color);
      background: var(--live-shop-details-background);
      border: none;
      border-radius: var(--live-shop-details-radius);
      overflow: auto;
      overscroll-behavior: contain;
    }

    .dialog::backdrop {
      background: var(--live-shop-details-backdrop);
    }

    .panel {
      display: flex;
      flex-direction: column;
      gap: 12px;
      padding: 16px;
    }

    .header {
      display: flex;
      gap: 12px;
      align-items: start;
      justify-content: space-between;
    }

    .title {
      margin: 0;
      font-size: 1.15rem;
      line-height: 1.3;
      overflow-wrap: anywhere;
    }

    .close-button {
      flex: none;
      width: 36px;
      height: 36px;
      padding: 0;
      font: inherit;
      font-size: 1.4rem;
      line-height: 1;
      color: inherit;
      background: transparent;
      border: 1px solid var(--live-shop-details-border-color);
      border-radius: 50%;
      cursor: pointer;
    }

    .content {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(260px, 100%), 1fr));
      gap: 16px;
      align-items: start;
    }

    .info {
      display: flex;
      flex-direction: column;
      gap: 14px;
      min-width: 0;
    }

    .prices {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: baseline;
      margin: 0;
      font-size: 1.05rem;
    }

    .price {
      font-weight: 700;
    }

    .compare-at-price {
      color: var(--live-shop-details-muted-color);
    }

    .stock {
      padding: 1px 8px;
      font-size: 0.8rem;
      font-weight: 600;
      color: var(--live-shop-details-low-stock-color);
      border: 1px solid currentColor;
      border-radius: 999px;
    }

    .stock.sold-out {
      color: var(--live-shop-details-muted-color);
    }

    .button {
      align-self: start;
      padding: 10px 20px;
      font: inherit;
      font-weight: 600;
      color: var(--live-shop-details-accent-text);
      background: var(--live-shop-details-accent);
      border: none;
      border-radius: calc(var(--live-shop-details-radius) * 0.66);
      cursor: pointer;
    }

    .button:disabled {
      cursor: not-allowed;
      color: var(--live-shop-details-muted-color);
      background: color-mix(in srgb, var(--live-shop-details-color) 12%, transparent);
    }

    .description {
      margin: 0;
      font-size: 0.9rem;
      line-height: 1.5;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }

    .close-button:focus-visible,
    .button:focus-visible {
      outline: 2px solid var(--live-shop-details-accent);
      outline-offset: 2px;
    }
  `,
];
