import { css } from 'lit';
import { visuallyHidden } from '../../shared-styles.js';

export const pollStyles = [
  visuallyHidden,
  css`
    :host {
      --live-shop-poll-background: var(--live-shop-surface, #ffffff);
      --live-shop-poll-color: var(--live-shop-text, #111111);
      --live-shop-poll-muted-color: color-mix(in srgb, var(--live-shop-poll-color) 65%, var(--live-shop-poll-background));
      --live-shop-poll-accent: var(--live-shop-accent, #d6246e);
      --live-shop-poll-accent-text: #ffffff;
      --live-shop-poll-radius: var(--live-shop-radius, 12px);
      --live-shop-poll-font: var(--live-shop-font, system-ui, sans-serif);
      --live-shop-poll-width: 320px;
      --live-shop-poll-bar-color: var(--live-shop-poll-accent);
      --live-shop-poll-bar-background: color-mix(in srgb, var(--live-shop-poll-color) 10%, var(--live-shop-poll-background));
      --live-shop-poll-bar-height: 8px;
      --live-shop-poll-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
      --live-shop-poll-countdown-color: var(--live-shop-poll-muted-color);
      --live-shop-poll-urgent-color: var(--live-shop-poll-accent);

      display: block;
      box-sizing: border-box;
      max-inline-size: var(--live-shop-poll-width);
      font-family: var(--live-shop-poll-font);
      color: var(--live-shop-poll-color);
    }

    :host([hidden]) {
      display: none;
    }

    .base {
      padding: 12px;
      background: var(--live-shop-poll-background);
      border-radius: var(--live-shop-poll-radius);
      box-shadow: var(--live-shop-poll-shadow);
    }

    .fieldset {
      margin: 0;
      padding: 0;
      border: none;
      min-inline-size: 0;
    }

    .question {
      display: block;
      margin: 0 0 8px;
      padding: 0;
      font-size: 0.95rem;
      font-weight: 600;
      line-height: 1.3;
      overflow-wrap: anywhere;
    }

    .label {
      display: block;
      font-size: 0.75rem;
      font-weight: 600;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--live-shop-poll-muted-color);
    }

    .badge {
      display: inline-block;
      margin-inline-start: 6px;
      padding-block: 1px;
      padding-inline: 6px;
      font-size: 0.75rem;
      font-weight: 600;
      color: var(--live-shop-poll-color);
      background: var(--live-shop-poll-bar-background);
      border-radius: 999px;
      vertical-align: middle;
    }

    .options {
      display: flex;
      flex-direction: column;
      gap: 6px;
      margin-block-end: 10px;
    }

    .option {
      display: flex;
      align-items: center;
      gap: 8px;
      padding-block: 6px;
      padding-inline: 8px;
      border: 1px solid color-mix(in srgb, var(--live-shop-poll-color) 20%, transparent);
      border-radius: calc(var(--live-shop-poll-radius) * 0.66);
      cursor: pointer;
      overflow-wrap: anywhere;
    }

    .option:has(input:checked) {
      border-color: var(--live-shop-poll-accent);
    }

    .option input {
      margin: 0;
      accent-color: var(--live-shop-poll-accent);
    }

    .option:has(input:focus-visible) {
      outline: 2px solid var(--live-shop-poll-accent);
      outline-offset: 2px;
    }

    .vote {
      padding-block: 6px;
      padding-inline: 16px;
      font: inherit;
      font-size: 0.9rem;
      font-weight: 600;
      color: var(--live-shop-poll-accent-text);
      background: var(--live-shop-poll-accent);
      border: none;
      border-radius: calc(var(--live-shop-poll-radius) * 0.66);
      cursor: pointer;
    }

    .vote[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.8;
    }

    .vote:focus-visible {
      outline: 2px solid var(--live-shop-poll-accent);
      outline-offset: 2px;
    }

    .results-group:focus {
      outline: none;
    }

    .results {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 4px 8px;
      margin-block-end: 4px;
      font-size: 0.9rem;
    }

    .text {
      flex: 1 1 auto;
      min-inline-size: 0;
      overflow-wrap: anywhere;
    }

    .your-vote {
      font-size: 0.75rem;
      font-weight: 600;
      color: var(--live-shop-poll-color);
    }

    .percent {
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }

    .votes,
    .total {
      font-size: 0.8rem;
      color: var(--live-shop-poll-muted-color);
      font-variant-numeric: tabular-nums;
    }

    .total {
      margin: 0;
    }

    .footer {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 4px 12px;
    }

    .results + .footer {
      margin-block-start: 10px;
    }

    .countdown {
      font-size: 0.8rem;
      color: var(--live-shop-poll-countdown-color);
      font-variant-numeric: tabular-nums;
    }

    :host(:state(closing)) .countdown {
      font-weight: 600;
      color: var(--live-shop-poll-urgent-color);
    }

    .bar {
      block-size: var(--live-shop-poll-bar-height);
      background: var(--live-shop-poll-bar-background);
      border-radius: calc(var(--live-shop-poll-bar-height) / 2);
      overflow: hidden;
    }

    /* The bar grows with transform (compositor only), from the start edge in either direction. */
    .fill {
      block-size: 100%;
      background: var(--live-shop-poll-bar-color);
      transform-origin: left center;
      transition: transform 300ms ease-out;
    }

    .fill:dir(rtl) {
      transform-origin: right center;
    }

    .mine .fill {
      background: color-mix(in srgb, var(--live-shop-poll-bar-color) 80%, var(--live-shop-poll-color));
    }

    .error {
      margin: 8px 0 0;
      font-size: 0.85rem;
      color: var(--live-shop-poll-color);
    }

    /* A sign for the eye; the empty alternative text keeps screen readers from reading it. */
    .error::before {
      content: '⚠' / '';
      margin-inline-end: 4px;
    }

    @media (prefers-reduced-motion: reduce) {
      .fill {
        transition: none;
      }
    }
  `,
];
