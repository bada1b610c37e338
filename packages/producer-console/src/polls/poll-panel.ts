import type { Poll } from '@live-shop/protocol';
import { css, html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { TAGS } from '../constants.js';
import { actionRequest, ActionRequestEvent } from '../events.js';
import { randomId } from '../relay/ids.js';
import { controlStyles } from '../theme.js';
import { VERSION } from '../version.js';

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 6;

/**
 * Opens a poll (a question and 2–6 options) and closes it; shows the open polls with
 * their counts as `poll.results` reports them.
 *
 * @tag live-shop-console-polls
 * @fires live-shop-console-action - {@link ActionRequestEvent}: poll.open / poll.close.
 */
export class PollPanel extends LitElement {
  static readonly version = VERSION;
  static override styles = [
    controlStyles,
    css`
      fieldset {
        margin: 0;
        padding: 0;
        border: 0;
      }
      .option {
        display: flex;
        gap: 6px;
        margin-bottom: 6px;
      }
      .option button {
        flex: none;
      }
      .buttons {
        display: flex;
        gap: 8px;
      }
      ul.polls {
        display: grid;
        gap: 6px;
        margin: 10px 0 0;
        padding: 0;
        list-style: none;
      }
      .poll {
        padding: 8px;
        background: var(--console-raised);
        border: 1px solid var(--console-border);
        border-radius: 6px;
      }
      .poll-head {
        display: flex;
        gap: 8px;
        align-items: flex-start;
        justify-content: space-between;
      }
      .question {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .counts {
        margin: 4px 0 0;
        padding: 0;
        list-style: none;
        font-size: 13px;
        color: var(--console-muted);
      }
      .counts span {
        font-family: var(--console-mono);
        color: var(--console-text);
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    polls: { attribute: false },
    _options: { state: true },
    _error: { state: true },
  };

  /** The show's polls, from the log. */
  declare polls: readonly Poll[];
  declare _options: string[];
  declare _error: string | undefined;

  constructor() {
    super();
    this.polls = [];
    this._options = ['', ''];
  }

  protected override render(): TemplateResult {
    const open = this.polls.filter((poll) => !poll.closed);
    return html`
      <section class="panel" aria-labelledby="poll-heading">
        <div class="panel-header"><h2 id="poll-heading">Polls</h2></div>
        <form @submit=${this.#onOpen} novalidate>
          <div class="field">
            <label for="poll-question">Question</label>
            <input id="poll-question" name="question" maxlength="300" autocomplete="off" placeholder="Which colour should we show next?" />
          </div>
          <fieldset>
            <legend class="label">Options (${MIN_OPTIONS}–${MAX_OPTIONS})</legend>
            ${this._options.map(
              (value, index) => html`<div class="option">
                <label class="visually-hidden" for="poll-option-${index}">Option ${index + 1}</label>
                <input
                  id="poll-option-${index}"
                  maxlength="200"
                  autocomplete="off"
                  placeholder="Option ${index + 1}"
                  .value=${value}
                  @input=${(event: InputEvent) => this.#setOption(index, (event.target as HTMLInputElement).value)}
                />
                ${this._options.length > MIN_OPTIONS
                  ? html`<button type="button" aria-label="Remove option ${index + 1}" @click=${() => this.#removeOption(index)}>✕</button>`
                  : nothing}
              </div>`,
            )}
          </fieldset>
          <div class="buttons">
            <button type="button" ?disabled=${this._options.length >= MAX_OPTIONS} @click=${this.#addOption}>Add option</button>
            <button type="submit" class="primary">Open poll</button>
          </div>
          ${this._error ? html`<p class="form-error" role="alert">${this._error}</p>` : nothing}
        </form>
        ${open.length === 0
          ? nothing
          : html`<ul class="polls" aria-label="Open polls">
              ${open.map((poll) => this.#renderPoll(poll))}
            </ul>`}
      </section>
    `;
  }

  #renderPoll(poll: Poll): TemplateResult {
    return html`<li class="poll" data-poll-id=${poll.pollId}>
      <div class="poll-head">
        <span class="question">${poll.question}</span>
        <button type="button" class="danger" aria-label="Close poll: ${poll.question}" @click=${() => this.#close(poll)}>Close</button>
      </div>
      <ul class="counts">
        ${poll.options.map((option) => html`<li>${option.text}: <span>${poll.counts[option.id] ?? 0}</span></li>`)}
      </ul>
    </li>`;
  }

  #setOption(index: number, value: string): void {
    this._options = this._options.map((existing, at) => (at === index ? value : existing));
  }

  #addOption = (): void => {
    if (this._options.length < MAX_OPTIONS) this._options = [...this._options, ''];
  };

  #removeOption(index: number): void {
    this._options = this._options.filter((_, at) => at !== index);
  }

  #onOpen = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const questionInput = this.renderRoot.querySelector<HTMLInputElement>('#poll-question');
    const question = questionInput?.value.trim() ?? '';
    const options = this._options.map((option) => option.trim()).filter((option) => option !== '');
    this._error =
      question === ''
        ? 'Write the question first.'
        : options.length < MIN_OPTIONS
          ? `Give at least ${MIN_OPTIONS} options.`
          : new Set(options).size !== options.length
            ? 'Two options say the same thing; make each one different.'
            : undefined;
    if (this._error) return;
    const data = {
      pollId: randomId('poll'),
      question,
      options: options.map((text, index) => ({ id: `o${index + 1}`, text })),
    };
    const request = new ActionRequestEvent(actionRequest('poll.open', data, `Open poll “${question}”`));
    this.dispatchEvent(request);
    // Keep what was typed until the relay has the poll: a failed post can be fixed and sent again.
    if (!(await request.outcome)) return;
    if (questionInput) questionInput.value = '';
    this._options = ['', ''];
  };

  #close(poll: Poll): void {
    this.dispatchEvent(new ActionRequestEvent(actionRequest('poll.close', { pollId: poll.pollId }, `Close poll “${poll.question}”`)));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [TAGS.polls]: PollPanel;
  }
}
