import { css, html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { TAGS } from '../constants.js';
import { RetryEvent } from '../events.js';
import { formatClock } from '../format.js';
import { controlStyles } from '../theme.js';
import { VERSION } from '../version.js';

/** One control action and what became of it. */
export interface ActivityEntry {
  /** The event id sent to the relay (a retry sends the same id, so it is never stored twice). */
  id: string;
  label: string;
  /** When the producer pressed the button, this browser's clock (epoch ms). */
  pressedAt: number;
  /** The preview frame it was stamped with; undefined when the preview was not playing (the relay stamped it). */
  pdt: number | undefined;
  /** A chat moderation action: about the audience, not the video, so never stamped with a frame. */
  moderation?: boolean;
  state: 'sending' | 'stored' | 'failed';
  seq?: number;
  /** The relay's error message, for a failed action. */
  message?: string;
  /** A failed action that may be sent again unchanged (the relay did not answer). */
  retryable?: boolean;
}

/**
 * What the producer did, newest first: each action's sequence number in the log, or the
 * relay's error message. A polite live region announces each result.
 *
 * @tag live-shop-console-activity
 * @fires live-shop-console-retry - {@link RetryEvent}: send a failed action again.
 */
export class ActivityLog extends LitElement {
  static readonly version = VERSION;
  static override styles = [
    controlStyles,
    css`
      ol {
        display: grid;
        gap: 4px;
        margin: 0;
        padding: 0;
        list-style: none;
        font-size: 13px;
      }
      li {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0 8px;
        padding: 5px 8px;
        background: var(--console-raised);
        border-left: 3px solid var(--console-border);
        border-radius: 4px;
      }
      li.stored {
        border-left-color: var(--console-ok);
      }
      li.failed {
        border-left-color: var(--console-danger);
      }
      .time {
        color: var(--console-muted);
        font-family: var(--console-mono);
        font-size: 12px;
      }
      .label {
        margin: 0;
        font-size: 13px;
        font-weight: 600;
        color: var(--console-text);
        overflow-wrap: anywhere;
      }
      .result {
        grid-column: 2;
        color: var(--console-muted);
      }
      .failed .result {
        color: var(--console-danger);
      }
      .result button {
        min-height: 24px;
        margin-left: 6px;
        padding: 1px 8px;
        font-size: 12px;
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    entries: { attribute: false },
  };

  /** Newest first. */
  declare entries: readonly ActivityEntry[];

  constructor() {
    super();
    this.entries = [];
  }

  protected override render(): TemplateResult {
    const latest = this.entries[0];
    return html`
      <section class="panel" aria-labelledby="activity-heading">
        <div class="panel-header"><h2 id="activity-heading">Activity</h2></div>
        <!-- One short sentence per result, separate from the list so it is read once. -->
        <p class="visually-hidden" role="status" aria-live="polite">${latest && latest.state !== 'sending' ? this.#sentence(latest) : ''}</p>
        ${this.entries.length === 0
          ? html`<p class="empty">Nothing sent yet. Every action is stamped with the frame the preview shows.</p>`
          : html`<ol aria-label="Actions, newest first">
              ${repeat(
                this.entries,
                (entry) => entry.id,
                (entry) => html`<li class=${entry.state} data-entry-id=${entry.id} data-state=${entry.state}>
                  <span class="time">${formatClock(entry.pressedAt).slice(0, 8)}</span>
                  <p class="label">${entry.label}</p>
                  <span class="result">${this.#result(entry)}</span>
                </li>`,
              )}
            </ol>`}
      </section>
    `;
  }

  #result(entry: ActivityEntry): TemplateResult | string {
    const frame = entry.moderation ? 'chat moderation' : entry.pdt === undefined ? 'stamped by the relay (no preview frame)' : `frame ${formatClock(entry.pdt)}`;
    switch (entry.state) {
      case 'sending':
        return `Sending… · ${frame}`;
      case 'stored':
        return entry.seq === undefined ? `applied · ${frame}` : html`<span data-seq=${entry.seq}>seq ${entry.seq}</span> · ${frame}`;
      case 'failed':
        return html`${entry.message}${entry.retryable
          ? html`<button type="button" @click=${() => this.dispatchEvent(new RetryEvent(entry.id))}>Retry</button>`
          : nothing}`;
    }
  }

  #sentence(entry: ActivityEntry): string {
    if (entry.state === 'failed') return `${entry.label} failed: ${entry.message ?? ''}`;
    return entry.seq === undefined ? `${entry.label}: done.` : `${entry.label}: done, seq ${entry.seq}.`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [TAGS.activity]: ActivityLog;
  }
}
