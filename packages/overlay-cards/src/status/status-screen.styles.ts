import { css } from 'lit';
import { visuallyHidden } from '../shared-styles.js';

/** Own custom properties with defaults, falling back to the shared --live-shop-* tokens. Logical properties only (RTL). */
export const statusScreenStyles = [
  visuallyHidden,
  css`
    :host {
      --live-shop-status-background: var(--live-shop-surface, #ffffff);
      --live-shop-status-color: var(--live-shop-text, #111111);
      --live-shop-status-accent: var(--live-shop-accent, #d6246e);
      --live-shop-status-accent-text: #ffffff;
      --live-shop-status-radius: var(--live-shop-radius, 12px);
      --live-shop-status-font: var(--live-shop-font, system-ui, sans-serif);
      --live-shop-status-padding: 24px;
      --live-shop-status-max-width: 36rem;
      --live-shop-status-enter-duration: 200ms;

      display: block;
      box-sizing: border-box;
      font-family: var(--live-shop-status-font);
      color: var(--live-shop-status-color);
    }

    :host([hidden]) {
      display: none;
    }

    .base {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 8px;
      box-sizing: border-box;
      min-block-size: 100%;
      justify-content: center;
      padding: var(--live-shop-status-padding);
      text-align: center;
      background: var(--live-shop-status-background);
      border-radius: var(--live-shop-status-radius);
      animation: enter var(--live-shop-status-enter-duration) ease-out;
    }

    .base > * {
      max-inline-size: var(--live-shop-status-max-width);
    }

    @keyframes enter {
      from {
        opacity: 0.4;
      }
    }

    p {
      margin: 0;
    }

    .eyebrow {
      font-size: 0.8rem;
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.06em;
    }

    .title {
      margin: 0;
      font-size: 1.5rem;
      line-height: 1.2;
      overflow-wrap: anywhere;
    }

    .title:focus {
      outline: none;
    }

    .start-time {
      font-size: 1rem;
    }

    .countdown {
      font-size: 1.25rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      unicode-bidi: isolate;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 8px;
      margin-block-start: 8px;
    }

    .button {
      display: inline-block;
      padding-block: 8px;
      padding-inline: 18px;
      font: inherit;
      font-weight: 600;
      text-decoration: none;
      color: var(--live-shop-status-accent-text);
      background: var(--live-shop-status-accent);
      border: 2px solid var(--live-shop-status-accent);
      border-radius: calc(var(--live-shop-status-radius) * 0.66);
      cursor: pointer;
    }

    .button.secondary {
      color: inherit;
      background: transparent;
    }

    .button:focus-visible {
      outline: 2px solid var(--live-shop-status-accent);
      outline-offset: 2px;
    }

    @media (prefers-reduced-motion: reduce) {
      .base {
        animation: none;
      }
    }
  `,
];
