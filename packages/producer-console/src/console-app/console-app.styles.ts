import { css } from 'lit';
import { controlStyles, themeTokens } from '../theme.js';

export const consoleAppStyles = [
  themeTokens,
  controlStyles,
  css`
    :host {
      min-height: 100vh;
      background: var(--console-bg);
    }

    header {
      display: flex;
      align-items: center;
      gap: 14px;
      height: 48px;
      padding: 0 16px;
      background: var(--console-panel);
      border-bottom: 1px solid var(--console-border);
    }

    .brand {
      margin: 0;
      font-size: 15px;
      font-weight: 700;
      white-space: nowrap;
    }

    .brand span {
      color: var(--console-muted);
      font-weight: 500;
    }

    .show-title {
      flex: 1;
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      color: var(--console-muted);
    }

    .show-title strong {
      color: var(--console-text);
    }

    .facts {
      display: flex;
      align-items: center;
      gap: 12px;
      font-size: 13px;
      white-space: nowrap;
    }

    .dot {
      display: inline-block;
      width: 8px;
      height: 8px;
      margin-right: 5px;
      border-radius: 50%;
      background: var(--console-warn);
    }

    .dot.connected {
      background: var(--console-ok);
    }

    .dot.refused {
      background: var(--console-danger);
    }

    .banner {
      margin: 12px 16px 0;
      padding: 10px 12px;
      border: 1px solid var(--console-danger);
      border-radius: var(--console-radius);
      background: color-mix(in srgb, var(--console-danger-strong) 25%, var(--console-panel));
    }

    .banner > p {
      margin-bottom: 8px;
    }

    .sign-in {
      max-width: 640px;
      margin: 64px auto;
    }

    .sign-in h1 {
      margin: 0 0 6px;
      font-size: 22px;
    }

    .sign-in > p {
      margin-bottom: 16px;
    }

    /* Three columns that each scroll, so a long catalog never pushes the preview away. */
    main {
      display: grid;
      grid-template-columns: minmax(380px, 34fr) minmax(360px, 36fr) minmax(320px, 30fr);
      gap: 12px;
      height: calc(100vh - 48px);
      padding: 12px 16px;
    }

    main.with-banner {
      height: auto;
      min-height: calc(100vh - 48px);
    }

    .column {
      display: flex;
      flex-direction: column;
      gap: 12px;
      min-height: 0;
      overflow-y: auto;
      /* Keeps focus outlines of the panels' edges visible inside the scroller. */
      padding: 3px;
      scrollbar-color: var(--console-border) transparent;
    }

    @media (max-width: 1100px) {
      main {
        grid-template-columns: 1fr 1fr;
        height: auto;
      }
      .column {
        overflow: visible;
      }
    }
  `,
];
