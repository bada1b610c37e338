import { css } from 'lit';
import { visuallyHidden } from '../../shared-styles.js';

export const viewerCountStyles = [
  visuallyHidden,
  css`
    :host {
      --live-shop-viewer-count-background: var(--live-shop-surface, #ffffff);
      --live-shop-viewer-count-color: var(--live-shop-text, #111111);
      --live-shop-viewer-count-accent: var(--live-shop-accent, #d6246e);
      --live-shop-viewer-count-radius: var(--live-shop-radius, 12px);
      --live-shop-viewer-count-font: var(--live-shop-font, system-ui, sans-serif);

      display: inline-block;
      font-family: var(--live-shop-viewer-count-font);
      color: var(--live-shop-viewer-count-color);
    }

    :host([hidden]) {
      display: none;
    }

    .base {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding-block: 3px;
      padding-inline: 10px;
      font-size: 0.8rem;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
      background: var(--live-shop-viewer-count-background);
      border-radius: var(--live-shop-viewer-count-radius);
    }

    .icon {
      inline-size: 8px;
      block-size: 8px;
      border-radius: 50%;
      background: var(--live-shop-viewer-count-accent);
    }
  `,
];
