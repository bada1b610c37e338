import type { EventData, ShowState } from '@live-shop/protocol';
import { css, html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { TAGS } from '../constants.js';
import { actionRequest, ActionRequestEvent } from '../events.js';
import { controlStyles } from '../theme.js';
import { VERSION } from '../version.js';

/** How long "End show" stays armed for its confirming second press. */
export const END_CONFIRM_MS = 5_000;

const PHASE_LABELS: Record<ShowState['status']['phase'], string> = {
  scheduled: 'Scheduled',
  live: 'Live',
  ended: 'Ended',
  'replay-ready': 'Replay ready',
};

/** A `datetime-local` value (local time) for an epoch ms. */
function toLocalInput(epochMs: number): string {
  const date = new Date(epochMs - new Date(epochMs).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 16);
}

/**
 * The show's status for viewers: scheduled (with its start time), live, or ended
 * (`show.status`). Ending takes a second press within five seconds: it changes every
 * viewer's screen.
 *
 * @tag live-shop-console-status
 * @fires live-shop-console-action - {@link ActionRequestEvent}: show.status.
 */
export class StatusPanel extends LitElement {
  static readonly version = VERSION;
  static override styles = [
    controlStyles,
    css`
      .now {
        display: flex;
        gap: 8px;
        align-items: center;
        margin-bottom: 10px;
      }
      .phase {
        font-size: 16px;
        font-weight: 700;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        margin-top: 8px;
      }
      .armed {
        outline: 2px solid var(--console-focus);
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    status: { attribute: false },
    _confirmEnd: { state: true },
    _error: { state: true },
  };

  declare status: ShowState['status'];
  declare _confirmEnd: boolean;
  declare _error: string | undefined;
  #confirmTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.status = { phase: 'scheduled' };
    this._confirmEnd = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#confirmTimer);
  }

  protected override render(): TemplateResult {
    const { phase, startsAt } = this.status;
    return html`
      <section class="panel" aria-labelledby="status-heading">
        <div class="panel-header"><h2 id="status-heading">Show status</h2></div>
        <p class="now">
          <span class="badge ${phase === 'live' ? 'live' : ''}">${PHASE_LABELS[phase] ?? phase}</span>
          ${startsAt !== undefined && phase === 'scheduled'
            ? html`<span class="muted">starts ${new Date(startsAt).toLocaleString()}</span>`
            : nothing}
        </p>
        <form class="row" @submit=${this.#onSchedule} novalidate>
          <div>
            <label for="starts-at">Starts at (your local time)</label>
            <input id="starts-at" type="datetime-local" .value=${startsAt !== undefined ? toLocalInput(startsAt) : ''} />
          </div>
          <button type="submit">Set scheduled</button>
        </form>
        <div class="buttons">
          <button type="button" class="primary" ?disabled=${phase === 'live'} @click=${() => this.#post({ status: 'live' }, 'Go live')}>Go live</button>
          <button
            type="button"
            class="danger ${this._confirmEnd ? 'armed' : ''}"
            ?disabled=${phase === 'ended'}
            @click=${this.#onEnd}
          >
            ${this._confirmEnd ? 'Press again to end the show' : 'End show'}
          </button>
        </div>
        <p class="visually-hidden" role="status">${this._confirmEnd ? 'Press End show again within five seconds to end the show for every viewer.' : ''}</p>
        ${this._error ? html`<p class="form-error" role="alert">${this._error}</p>` : nothing}
      </section>
    `;
  }

  #onSchedule = (event: SubmitEvent): void => {
    event.preventDefault();
    const value = this.renderRoot.querySelector<HTMLInputElement>('#starts-at')?.value ?? '';
    if (value === '') {
      this._error = undefined;
      this.#post({ status: 'scheduled' }, 'Set scheduled');
      return;
    }
    const startsAt = new Date(value).getTime();
    if (!Number.isFinite(startsAt)) {
      this._error = 'Enter the start as a date and time, or leave it empty.';
      return;
    }
    this._error = undefined;
    this.#post({ status: 'scheduled', startsAt }, `Set scheduled, starting ${new Date(startsAt).toLocaleString()}`);
  };

  #onEnd = (): void => {
    clearTimeout(this.#confirmTimer);
    if (!this._confirmEnd) {
      this._confirmEnd = true;
      this.#confirmTimer = setTimeout(() => {
        this._confirmEnd = false;
      }, END_CONFIRM_MS);
      return;
    }
    this._confirmEnd = false;
    this.#post({ status: 'ended' }, 'End show');
  };

  #post(data: EventData<'show.status'>, label: string): void {
    this.dispatchEvent(new ActionRequestEvent(actionRequest('show.status', data, label)));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [TAGS.status]: StatusPanel;
  }
}
