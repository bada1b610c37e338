import { css } from 'lit';
import { visuallyHidden } from '@live-shop/overlay-cards';

/**
 * The console's dark control-room palette, declared once on the app's :host; custom
 * properties inherit through every panel's shadow root. Text colours keep at least 4.5:1
 * contrast on the panel background (WCAG AA).
 */
export const themeTokens = css`
  :host {
    color-scheme: dark;
    --console-bg: #0d0f13;
    --console-panel: #161a21;
    --console-raised: #1f242d;
    --console-border: #303745;
    --console-text: #e8eaf0;
    --console-muted: #a3acbd;
    --console-accent: #5b9cff;
    --console-accent-strong: #2f6fe0;
    --console-accent-text: #ffffff;
    --console-focus: #ffd166;
    --console-danger: #ff7b7b;
    --console-danger-strong: #c73737;
    --console-live: #d42a2d;
    --console-ok: #5ee08f;
    --console-warn: #ffc45c;
    --console-radius: 8px;
    --console-font: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --console-mono: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
  }
`;

/** Panels, headings, fields and buttons: what every console element shares. */
export const controlStyles = css`
  :host {
    display: block;
    color: var(--console-text);
    font-family: var(--console-font);
    font-size: 14px;
    line-height: 1.4;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .panel {
    background: var(--console-panel);
    border: 1px solid var(--console-border);
    border-radius: var(--console-radius);
    padding: 12px;
  }

  .panel-header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    margin-bottom: 10px;
  }

  h2 {
    margin: 0;
    font-size: 13px;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--console-muted);
  }

  h3 {
    margin: 0 0 6px;
    font-size: 13px;
    font-weight: 600;
  }

  p {
    margin: 0;
  }

  .muted {
    color: var(--console-muted);
  }

  .mono {
    font-family: var(--console-mono);
    font-variant-numeric: tabular-nums;
  }

  label,
  .label {
    display: block;
    font-size: 12px;
    font-weight: 600;
    color: var(--console-muted);
    margin-bottom: 3px;
  }

  input,
  select,
  textarea {
    width: 100%;
    min-height: 32px;
    padding: 5px 8px;
    font: inherit;
    color: var(--console-text);
    background: var(--console-bg);
    border: 1px solid var(--console-border);
    border-radius: 6px;
  }

  input::placeholder,
  textarea::placeholder {
    color: #7d8696;
  }

  button {
    min-height: 32px;
    padding: 5px 12px;
    font: inherit;
    font-weight: 600;
    color: var(--console-text);
    background: var(--console-raised);
    border: 1px solid var(--console-border);
    border-radius: 6px;
    cursor: pointer;
    white-space: nowrap;
  }

  button:hover:not(:disabled) {
    border-color: var(--console-muted);
  }

  button.primary {
    color: var(--console-accent-text);
    background: var(--console-accent-strong);
    border-color: var(--console-accent-strong);
  }

  button.danger {
    color: #ffffff;
    background: var(--console-danger-strong);
    border-color: var(--console-danger-strong);
  }

  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }

  /* Focus is always visible: a producer drives the console from the keyboard. */
  :is(button, input, select, textarea, a, [tabindex]):focus-visible {
    outline: 3px solid var(--console-focus);
    outline-offset: 2px;
  }

  kbd {
    display: inline-block;
    min-width: 1.6em;
    padding: 1px 5px;
    font-family: var(--console-mono);
    font-size: 12px;
    text-align: center;
    color: var(--console-text);
    background: var(--console-bg);
    border: 1px solid var(--console-border);
    border-bottom-width: 2px;
    border-radius: 4px;
  }

  .row {
    display: flex;
    gap: 8px;
    align-items: flex-end;
  }

  .row > * {
    flex: 1;
    min-width: 0;
  }

  .row > button,
  .row > .fit {
    flex: none;
  }

  .field {
    margin-bottom: 8px;
  }

  .form-error {
    margin-top: 6px;
    color: var(--console-danger);
    font-size: 13px;
  }

  .badge {
    display: inline-block;
    padding: 1px 7px;
    font-size: 11px;
    font-weight: 700;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    border-radius: 999px;
    background: var(--console-raised);
    border: 1px solid var(--console-border);
  }

  .badge.live {
    color: #ffffff;
    background: var(--console-live);
    border-color: var(--console-live);
  }

  .empty {
    color: var(--console-muted);
    font-style: italic;
  }

  ${visuallyHidden}
`;
