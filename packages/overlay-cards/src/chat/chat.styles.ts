import { css } from 'lit';
import { visuallyHidden } from '../shared-styles.js';

/**
 * The chat's own custom properties, with defaults, falling back to the shared
 * --live-shop-* tokens (as the product card does). Logical properties only (inline/block,
 * start/end), so a right-to-left page gets a right-to-left chat. The default colours pass
 * WCAG AA: muted text ≥ 4.5:1 on the surface (it is mixed with the surface, not made
 * transparent, so its contrast is what it looks like), white on the accent 4.8:1.
 */
export const chatStyles = [
  visuallyHidden,
  css`
    :host {
      --live-shop-chat-background: var(--live-shop-surface, #ffffff);
      --live-shop-chat-color: var(--live-shop-text, #111111);
      --live-shop-chat-muted-color: color-mix(in srgb, var(--live-shop-chat-color) 68%, var(--live-shop-chat-background));
      --live-shop-chat-border-color: color-mix(in srgb, var(--live-shop-chat-color) 55%, var(--live-shop-chat-background));
      --live-shop-chat-divider-color: color-mix(in srgb, var(--live-shop-chat-color) 12%, var(--live-shop-chat-background));
      --live-shop-chat-pinned-background: color-mix(in srgb, var(--live-shop-chat-accent) 8%, var(--live-shop-chat-background));
      --live-shop-chat-accent: var(--live-shop-accent, #d6246e);
      --live-shop-chat-accent-text: #ffffff;
      --live-shop-chat-moderator-color: #1f6b45;
      --live-shop-chat-moderator-text: #ffffff;
      --live-shop-chat-error-color: #b3261e;
      --live-shop-chat-own-color: var(--live-shop-chat-accent);
      --live-shop-chat-own-background: color-mix(in srgb, var(--live-shop-chat-own-color) 8%, var(--live-shop-chat-background));
      --live-shop-chat-radius: var(--live-shop-radius, 12px);
      --live-shop-chat-font: var(--live-shop-font, system-ui, sans-serif);
      --live-shop-chat-height: 28rem;

      display: block;
      box-sizing: border-box;
      block-size: var(--live-shop-chat-height);
      font-family: var(--live-shop-chat-font);
      font-size: 0.9rem;
      line-height: 1.35;
      color: var(--live-shop-chat-color);
    }

    :host([hidden]) {
      display: none;
    }

    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }

    .base {
      display: flex;
      flex-direction: column;
      block-size: 100%;
      overflow: hidden;
      background: var(--live-shop-chat-background);
      border-radius: var(--live-shop-chat-radius);
    }

    .pinned {
      flex: none;
      padding: 8px 12px;
      background: var(--live-shop-chat-pinned-background);
      border-block-end: 1px solid var(--live-shop-chat-divider-color);
    }

    .pinned-label {
      margin: 0 0 2px;
      font-size: 0.75rem;
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--live-shop-chat-muted-color);
    }

    .list-area {
      position: relative;
      flex: 1 1 auto;
      min-block-size: 0;
    }

    /* Instant scrolling always (no smooth scrolling to reduce or to wait for), and no
       browser scroll anchoring: the list keeps its own anchor (a message, not a node). */
    .list {
      display: flex;
      flex-direction: column;
      block-size: 100%;
      overflow-y: auto;
      overflow-anchor: none;
      overscroll-behavior: contain;
      scroll-behavior: auto;
      /* Its size never depends on its rows: measuring a new row lays out the list alone,
         not the page (the row measure after each batch of messages is a forced layout). */
      contain: strict;
    }

    .rows {
      flex: none;
      /* Few messages sit at the bottom, next to the composer, as in every chat. */
      margin-block: auto 0;
      margin-inline: 0;
      padding-inline: 0;
      list-style: none;
    }

    .message {
      padding: 6px 12px;
    }

    /* Not by colour alone: the edge and the "You" tag say it too. */
    .message.own {
      padding-inline-start: 9px;
      background: var(--live-shop-chat-own-background);
      border-inline-start: 3px solid var(--live-shop-chat-own-color);
    }

    .own-tag {
      padding: 0 5px;
      font-size: 0.7rem;
      font-weight: 700;
      line-height: 1.4;
      border: 1px solid var(--live-shop-chat-own-color);
      border-radius: 999px;
    }

    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      align-items: baseline;
    }

    .author {
      font-weight: 700;
      overflow-wrap: anywhere;
    }

    .badge {
      padding: 0 6px;
      font-size: 0.7rem;
      font-weight: 700;
      line-height: 1.5;
      border-radius: 999px;
      color: var(--live-shop-chat-accent-text);
      background: var(--live-shop-chat-accent);
    }

    .badge.moderator {
      color: var(--live-shop-chat-moderator-text);
      background: var(--live-shop-chat-moderator-color);
    }

    .time {
      font-size: 0.75rem;
      color: var(--live-shop-chat-muted-color);
    }

    .text {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }

    .empty {
      margin: auto 0 0;
      padding: 12px;
      color: var(--live-shop-chat-muted-color);
    }

    .new-messages {
      position: absolute;
      inset-block-end: 8px;
      inset-inline: 0;
      inline-size: fit-content;
      margin-inline: auto;
      padding: 4px 12px;
      font: inherit;
      font-size: 0.8rem;
      font-weight: 700;
      color: var(--live-shop-chat-accent-text);
      background: var(--live-shop-chat-accent);
      border: none;
      border-radius: 999px;
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.25);
      cursor: pointer;
    }

    .error {
      flex: none;
      margin: 0;
      padding: 6px 12px;
      color: var(--live-shop-chat-error-color);
      border-inline-start: 3px solid var(--live-shop-chat-error-color);
    }

    .composer,
    .name-form {
      flex: none;
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 6px 8px;
      align-items: end;
      padding: 8px 12px;
      border-block-start: 1px solid var(--live-shop-chat-divider-color);
    }

    .name-form {
      grid-template-columns: 1fr auto auto;
    }

    .name-form > .name-label,
    .name-form > .hint,
    .name-form > .name-error,
    .composer > .composer-info {
      grid-column: 1 / -1;
    }

    .name-label {
      font-weight: 700;
    }

    .hint {
      margin: 0;
      font-size: 0.8rem;
      color: var(--live-shop-chat-muted-color);
    }

    .name-error {
      margin: 0;
      color: var(--live-shop-chat-error-color);
    }

    .input {
      min-inline-size: 0;
      padding: 6px 10px;
      font: inherit;
      color: var(--live-shop-chat-color);
      background: var(--live-shop-chat-background);
      border: 1px solid var(--live-shop-chat-border-color);
      border-radius: calc(var(--live-shop-chat-radius) * 0.66);
    }

    textarea.input {
      resize: none;
      field-sizing: content;
      min-block-size: 2.4em;
      max-block-size: 7.5em;
    }

    .input::placeholder {
      color: var(--live-shop-chat-muted-color);
      opacity: 1;
    }

    .send,
    .secondary {
      padding: 7px 14px;
      font: inherit;
      font-weight: 700;
      color: var(--live-shop-chat-accent-text);
      background: var(--live-shop-chat-accent);
      border: 1px solid var(--live-shop-chat-accent);
      border-radius: calc(var(--live-shop-chat-radius) * 0.66);
      cursor: pointer;
    }

    .secondary {
      color: var(--live-shop-chat-color);
      background: transparent;
      border-color: var(--live-shop-chat-border-color);
    }

    .send[aria-disabled='true'],
    .send:disabled,
    .input:disabled {
      cursor: not-allowed;
    }

    .send:disabled,
    .send.waiting,
    .input:disabled {
      opacity: 0.6;
    }

    .send-countdown {
      grid-column: 1 / -1;
      margin: 0;
      font-size: 0.8rem;
      color: var(--live-shop-chat-muted-color);
    }

    .composer-info {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      align-items: baseline;
      font-size: 0.8rem;
      color: var(--live-shop-chat-muted-color);
    }

    .counter {
      margin-inline-start: auto;
    }

    .link-button {
      padding: 0;
      font: inherit;
      color: inherit;
      text-decoration: underline;
      background: none;
      border: none;
      cursor: pointer;
    }

    .closed-notice {
      flex: none;
      margin: 0;
      padding: 10px 12px;
      color: var(--live-shop-chat-muted-color);
      border-block-start: 1px solid var(--live-shop-chat-divider-color);
    }

    .list:focus-visible,
    .input:focus-visible,
    button:focus-visible {
      outline: 2px solid var(--live-shop-chat-accent);
      outline-offset: 2px;
    }

    /* Inside the scroll box an outer outline would be clipped. */
    .list:focus-visible {
      outline-offset: -2px;
    }

    .new-messages:focus-visible {
      outline-color: var(--live-shop-chat-color);
    }
  `,
];
