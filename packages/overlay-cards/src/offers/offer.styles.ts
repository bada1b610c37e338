import { css } from 'lit';
import { visuallyHidden } from '../shared-styles.js';

/** Own custom properties with defaults, falling back to the shared --live-shop-* tokens (as the product card does). */
export const offerStyles = [
  visuallyHidden,
  css`
    :host {
      --live-shop-offer-background: var(--live-shop-surface, #ffffff);
      --live-shop-offer-color: var(--live-shop-text, #111111);
      --live-shop-offer-muted-color: color-mix(in srgb, var(--live-shop-offer-color) 65%, transparent);
      --live-shop-offer-accent: var(--live-shop-accent, #d6246e);
      --live-shop-offer-accent-text: #ffffff;
      --live-shop-offer-urgent-color: #b3261e;
      --live-shop-offer-radius: var(--live-shop-radius, 12px);
      --live-shop-offer-font: var(--live-shop-font, system-ui, sans-serif);
      --live-shop-offer-image-size: 72px;
      --live-shop-offer-width: 340px;
      --live-shop-offer-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
      --live-shop-offer-enter-duration: 200ms;

      display: block;
      box-sizing: border-box;
      max-width: var(--live-shop-offer-width);
      font-family: var(--live-shop-offer-font);
      color: var(--live-shop-offer-color);
    }

    :host([hidden]) {
      display: none;
    }

    .base {
      display: flex;
      gap: 10px;
      align-items: flex-start;
      padding: 10px;
      background: var(--live-shop-offer-background);
      border-radius: var(--live-shop-offer-radius);
      box-shadow: var(--live-shop-offer-shadow);
      animation: enter var(--live-shop-offer-enter-duration) ease-out;
    }

    .base:focus {
      outline: none;
    }

    @keyframes enter {
      from {
        opacity: 0.4;
        transform: translateY(8px);
      }
    }

    .image {
      flex: none;
      width: var(--live-shop-offer-image-size);
      height: auto;
      aspect-ratio: 1;
      object-fit: cover;
      border-radius: calc(var(--live-shop-offer-radius) * 0.66);
      background: color-mix(in srgb, var(--live-shop-offer-color) 8%, transparent);
    }

    .body {
      display: flex;
      flex: 1;
      flex-direction: column;
      align-items: flex-start;
      gap: 4px;
      min-width: 0;
    }

    p {
      margin: 0;
    }

    .kind {
      padding: 1px 8px;
      font-size: 0.75rem;
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--live-shop-offer-accent-text);
      background: var(--live-shop-offer-accent);
      border-radius: 999px;
    }

    .title {
      font-size: 0.95rem;
      font-weight: 600;
      line-height: 1.25;
      overflow-wrap: anywhere;
    }

    .product-title {
      font-size: 0.85rem;
      overflow-wrap: anywhere;
    }

    .prices {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      align-items: baseline;
    }

    .price {
      font-size: 1.05rem;
      font-weight: 700;
    }

    .compare-at-price {
      font-size: 0.85rem;
    }

    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 10px;
      font-size: 0.85rem;
    }

    /* Digits of equal width, so the countdown does not jiggle; isolated so it reads left to right in RTL text. */
    .countdown {
      font-weight: 600;
      font-variant-numeric: tabular-nums;
      unicode-bidi: isolate;
    }

    :host(:state(last-minute)) .countdown {
      color: var(--live-shop-offer-urgent-color);
    }

    .code-row {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      align-items: center;
      font-size: 0.85rem;
    }

    .code {
      min-width: 0;
      padding: 3px 6px;
      font: inherit;
      font-family: ui-monospace, monospace;
      font-weight: 700;
      color: inherit;
      background: transparent;
      border: 1px dashed currentColor;
      border-radius: 4px;
    }

    button {
      padding: 5px 12px;
      font: inherit;
      font-weight: 600;
      border-radius: calc(var(--live-shop-offer-radius) * 0.66);
      cursor: pointer;
    }

    .copy-button {
      font-size: 0.85rem;
      color: inherit;
      background: transparent;
      border: 1px solid currentColor;
    }

    .shop-button {
      margin-top: 2px;
      font-size: 0.9rem;
      color: var(--live-shop-offer-accent-text);
      background: var(--live-shop-offer-accent);
      border: none;
    }

    button:focus-visible,
    .code:focus-visible {
      outline: 2px solid var(--live-shop-offer-accent);
      outline-offset: 2px;
    }

    .shop-button:disabled {
      cursor: not-allowed;
      color: var(--live-shop-offer-muted-color);
      background: color-mix(in srgb, var(--live-shop-offer-color) 12%, transparent);
    }

    @media (prefers-reduced-motion: reduce) {
      .base {
        animation: none;
      }
    }
  `,
];
