import { css } from 'lit';
import { visuallyHidden } from '@live-shop/overlay-cards/shared';

/**
 * Two layers of custom properties (as Web Awesome does): the cart's own, with defaults,
 * falling back to the few shared --live-shop-* tokens a brand sets once for everything.
 * Sides are logical (inline-start/end), so the panel comes from the left in RTL pages.
 */
export const cartDrawerStyles = [
  visuallyHidden,
  css`
    :host {
      --live-shop-cart-width: 420px;
      --live-shop-cart-background: var(--live-shop-surface, #ffffff);
      --live-shop-cart-color: var(--live-shop-text, #111111);
      --live-shop-cart-muted-color: color-mix(in srgb, var(--live-shop-cart-color) 65%, transparent);
      --live-shop-cart-accent: var(--live-shop-accent, #d6246e);
      --live-shop-cart-accent-text: #ffffff;
      --live-shop-cart-radius: var(--live-shop-radius, 12px);
      --live-shop-cart-font: var(--live-shop-font, system-ui, sans-serif);
      --live-shop-cart-overlay: rgb(0 0 0 / 0.45);
      --live-shop-cart-image-size: 64px;
      --live-shop-cart-duration: 250ms;
      --live-shop-cart-warning-color: #8a4600;
      --live-shop-cart-error-color: #b3261e;
      /* On a phone, the room the sheet leaves at the top: a 16:9 video as wide as the screen, with its toolbar. */
      --live-shop-cart-sheet-top: min(45dvh, calc(64px + (100vw - 32px) * 9 / 16));

      /* The panel lives in the top layer; the host itself takes no room on the page. */
      display: contents;
    }

    .panel {
      box-sizing: border-box;
      position: fixed;
      inset-block: 0;
      inset-inline: auto 0;
      margin: 0;
      padding: 0;
      width: min(var(--live-shop-cart-width), 100vw);
      max-width: 100vw;
      height: 100%;
      max-height: 100%;
      border: none;
      border-start-start-radius: var(--live-shop-cart-radius);
      border-end-start-radius: var(--live-shop-cart-radius);
      background: var(--live-shop-cart-background);
      color: var(--live-shop-cart-color);
      font-family: var(--live-shop-cart-font);
      box-shadow: 0 0 32px rgb(0 0 0 / 0.25);
      overflow: hidden;
    }

    .panel[open] {
      display: flex;
      flex-direction: column;
    }

    /* A phone (no room for the show's video beside a side panel): a sheet from the bottom
       edge that leaves the top of the screen to the video, which the player floats there
       while the cart is open. */
    @media (max-width: 620px) {
      .panel {
        inset-block: auto 0;
        inset-inline: 0;
        width: 100%;
        height: calc(100dvh - var(--live-shop-cart-sheet-top));
        border-radius: var(--live-shop-cart-radius) var(--live-shop-cart-radius) 0 0;
      }
    }

    .panel::backdrop {
      background: var(--live-shop-cart-overlay, rgb(0 0 0 / 0.45));
    }

    .header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
      padding: 16px 20px;
      border-block-end: 1px solid color-mix(in srgb, var(--live-shop-cart-color) 12%, transparent);
    }

    .title {
      margin: 0;
      font-size: 1.15rem;
      font-weight: 700;
    }

    button {
      font: inherit;
      color: inherit;
      cursor: pointer;
    }

    button:focus-visible,
    input:focus-visible {
      outline: 2px solid var(--live-shop-cart-accent);
      outline-offset: 2px;
    }

    button[aria-disabled='true'] {
      cursor: progress;
    }

    .close {
      display: grid;
      place-items: center;
      inline-size: 36px;
      block-size: 36px;
      padding: 0;
      background: none;
      border: none;
      border-radius: 50%;
    }

    .close svg {
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
    }

    .body {
      position: relative;
      flex: 1;
      overflow-y: auto;
      overscroll-behavior: contain;
      padding: 8px 20px;
    }

    .body[aria-busy='true'] .lines {
      opacity: 0.6;
    }

    .progress {
      position: absolute;
      inset-block-start: 0;
      inset-inline: 0;
      block-size: 3px;
      background: linear-gradient(90deg, transparent, var(--live-shop-cart-accent), transparent) 0 0 / 40% 100% no-repeat;
      animation: progress 1s linear infinite;
    }

    @keyframes progress {
      from {
        background-position: -40% 0;
      }
      to {
        background-position: 140% 0;
      }
    }

    .error {
      margin-block: 8px;
      padding: 10px 12px;
      border-radius: calc(var(--live-shop-cart-radius) * 0.66);
      color: var(--live-shop-cart-error-color);
      background: color-mix(in srgb, var(--live-shop-cart-error-color) 10%, transparent);
    }

    .error p {
      margin: 0 0 6px;
    }

    .retry {
      padding: 4px 12px;
      background: none;
      border: 1px solid currentColor;
      border-radius: calc(var(--live-shop-cart-radius) * 0.5);
    }

    .warning {
      margin: 4px 0 0;
      font-size: 0.85rem;
      color: var(--live-shop-cart-warning-color);
    }

    .empty {
      margin: 32px 0;
      text-align: center;
      color: var(--live-shop-cart-muted-color);
    }

    .lines {
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .line {
      display: grid;
      grid-template-columns: var(--live-shop-cart-image-size) 1fr auto;
      gap: 12px;
      padding-block: 12px;
      border-block-end: 1px solid color-mix(in srgb, var(--live-shop-cart-color) 8%, transparent);
    }

    /* A fixed box whatever the image: no layout shift while it loads, or if it never does. */
    .image {
      display: block;
      inline-size: var(--live-shop-cart-image-size);
      block-size: var(--live-shop-cart-image-size);
      object-fit: cover;
      border-radius: calc(var(--live-shop-cart-radius) * 0.5);
      background: color-mix(in srgb, var(--live-shop-cart-color) 8%, transparent);
    }

    .details {
      min-inline-size: 0;
    }

    .details p {
      margin: 0;
    }

    .line-title {
      font-weight: 600;
      overflow-wrap: anywhere;
    }

    .variant,
    .each {
      font-size: 0.85rem;
      color: var(--live-shop-cart-muted-color);
    }

    .controls {
      display: flex;
      align-items: center;
      gap: 12px;
      margin-block-start: 8px;
    }

    .quantity {
      display: inline-flex;
      align-items: center;
      border: 1px solid color-mix(in srgb, var(--live-shop-cart-color) 25%, transparent);
      border-radius: calc(var(--live-shop-cart-radius) * 0.5);
    }

    .step {
      inline-size: 32px;
      block-size: 32px;
      padding: 0;
      background: none;
      border: none;
    }

    .quantity-input {
      inline-size: 3ch;
      padding: 0;
      font: inherit;
      color: inherit;
      text-align: center;
      background: none;
      border: none;
      -moz-appearance: textfield;
    }

    .quantity-input::-webkit-inner-spin-button,
    .quantity-input::-webkit-outer-spin-button {
      -webkit-appearance: none;
      margin: 0;
    }

    .remove {
      padding: 0;
      font-size: 0.85rem;
      text-decoration: underline;
      background: none;
      border: none;
    }

    .line-total {
      margin: 0;
      font-weight: 600;
    }

    /* A failed change beside its line: under the line, across all of it. */
    .line > .error {
      grid-column: 1 / -1;
      margin-block: 0;
    }

    .footer {
      padding: 16px 20px;
      border-block-start: 1px solid color-mix(in srgb, var(--live-shop-cart-color) 12%, transparent);
    }

    .totals {
      margin: 0 0 12px;
    }

    .row {
      display: flex;
      justify-content: space-between;
      gap: 12px;
    }

    .row dd {
      margin: 0;
    }

    .row.total {
      font-weight: 700;
      font-size: 1.05rem;
    }

    .checkout {
      inline-size: 100%;
      padding: 12px 16px;
      font-weight: 700;
      color: var(--live-shop-cart-accent-text);
      background: var(--live-shop-cart-accent);
      border: none;
      border-radius: calc(var(--live-shop-cart-radius) * 0.66);
    }

    @media (prefers-reduced-motion: reduce) {
      .progress {
        animation: none;
        background: var(--live-shop-cart-accent);
        opacity: 0.6;
      }
    }
  `,
];
