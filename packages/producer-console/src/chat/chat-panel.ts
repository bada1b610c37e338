import type { ChatMessage, ModerationAction, ModerationView } from '@live-shop/protocol';
import { css, html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { TAGS } from '../constants.js';
import { actionRequest, ActionRequestEvent, ModerationRequestEvent } from '../events.js';
import { formatClock, parseCount } from '../format.js';
import { randomId } from '../relay/ids.js';
import { controlStyles } from '../theme.js';
import { VERSION } from '../version.js';
import { chatPanelStyles } from './chat-panel.styles.js';

/** Splits a typed blocklist ("spam, buy now\nscam") into words and phrases. */
export function parseBlocklist(input: string): string[] {
  return [...new Set(input.split(/[,\n]/).map((word) => word.trim()).filter((word) => word !== ''))];
}

/**
 * The show's chat as viewers see it (`chat.message` events, on arrival), newest at the
 * bottom, with the pinned message on top; the host can write in it. With `moderation`
 * (the relay's settings, read with the producer token) each message can be pinned,
 * deleted, or its author banned or shadow-banned, and slow mode and the blocklist can be
 * set. Messages are rendered as text.
 *
 * @tag live-shop-console-chat
 * @fires live-shop-console-moderate - {@link ModerationRequestEvent}
 * @fires live-shop-console-action - {@link ActionRequestEvent}: chat.message (the host's own message).
 */
export class ChatPanel extends LitElement {
  static readonly version = VERSION;
  static override styles = [controlStyles, chatPanelStyles];
  static override properties: PropertyDeclarations = {
    messages: { attribute: false },
    pinnedId: { attribute: false },
    moderation: { attribute: false },
    moderationError: {},
    _banning: { state: true },
    _error: { state: true },
  };

  /** The most recent messages, oldest first (the show state keeps the last 200). */
  declare messages: readonly ChatMessage[];
  declare pinnedId: string | null;
  /** The relay's moderation settings; undefined hides the moderation controls. */
  declare moderation: ModerationView | undefined;
  /** Why moderation is not available (e.g. a relay without it), shown instead of the controls. */
  declare moderationError: string | undefined;
  /** The message whose author the producer is about to ban (the choice is shown inline). */
  declare _banning: string | undefined;
  declare _error: string | undefined;
  #stickToBottom = true;

  constructor() {
    super();
    this.messages = [];
    this.pinnedId = null;
  }

  protected override willUpdate(): void {
    // Follow new messages only when the producer has not scrolled up to read.
    const list = this.renderRoot.querySelector?.('.messages');
    this.#stickToBottom = !list || list.scrollHeight - list.scrollTop - list.clientHeight < 24;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const list = this.renderRoot.querySelector('.messages');
    if (changed.has('messages') && list && this.#stickToBottom) list.scrollTop = list.scrollHeight;
  }

  protected override render(): TemplateResult {
    const pinned = this.pinnedId === null ? undefined : this.messages.find((message) => message.messageId === this.pinnedId);
    const moderation = this.moderation;
    return html`
      <section class="panel" aria-labelledby="chat-heading">
        <div class="panel-header">
          <h2 id="chat-heading">Chat</h2>
          <span class="muted">${this.messages.length} recent${moderation && moderation.slowModeSeconds > 0 ? html` · slow mode ${moderation.slowModeSeconds} s` : nothing}</span>
        </div>
        ${pinned
          ? html`<div class="pinned">
              <p><span class="badge">Pinned</span> <span class="author">${pinned.author.name}</span>${pinned.text}</p>
              ${moderation ? html`<button type="button" @click=${() => this.#moderate({ action: 'unpin' }, 'Unpin the chat message')}>Unpin</button>` : nothing}
            </div>`
          : nothing}
        ${this.messages.length === 0
          ? html`<p class="empty">No messages yet.</p>`
          : html`<ol class="messages" aria-label="Chat messages" tabindex="0">
              ${repeat(
                this.messages,
                (message) => message.messageId,
                (message) => this.#renderMessage(message, moderation !== undefined),
              )}
            </ol>`}
        <form class="say row" @submit=${this.#onSay}>
          <div class="fit name">
            <label for="say-name">As</label>
            <input id="say-name" value="Host" maxlength="50" autocomplete="off" />
          </div>
          <div>
            <label for="say-text">Message to the chat</label>
            <input id="say-text" maxlength="500" autocomplete="off" placeholder="Say something to viewers" />
          </div>
          <button type="submit">Send</button>
        </form>
        ${this._error ? html`<p class="form-error" role="alert">${this._error}</p>` : nothing}
        ${moderation ? this.#renderSettings(moderation) : html`<p class="muted note">${this.moderationError ?? 'Loading moderation settings…'}</p>`}
      </section>
    `;
  }

  #renderMessage(message: ChatMessage, canModerate: boolean): TemplateResult {
    const authorId = message.author.id;
    const pinned = message.messageId === this.pinnedId;
    return html`<li class="message" data-message-id=${message.messageId}>
      <p>
        <span class="time">${formatClock(message.at).slice(0, 8)}</span>
        <span class="author">${message.author.name}</span>${message.author.role !== 'viewer' ? html`<span class="badge role">${message.author.role}</span>` : nothing}
        <span class="text">${message.text}</span>
      </p>
      ${canModerate
        ? html`<div class="tools">
            <button type="button" ?disabled=${pinned} aria-label="Pin message of ${message.author.name}" @click=${() => this.#moderate({ action: 'pin', messageId: message.messageId }, `Pin the message of ${message.author.name}`)}>
              Pin
            </button>
            <button type="button" aria-label="Delete message of ${message.author.name}" @click=${() => this.#moderate({ action: 'delete', messageId: message.messageId }, `Delete the message of ${message.author.name}`)}>
              Delete
            </button>
            ${authorId && message.author.role === 'viewer'
              ? html`<button type="button" aria-expanded=${this._banning === message.messageId ? 'true' : 'false'} aria-label="Ban ${message.author.name}…" @click=${() => (this._banning = this._banning === message.messageId ? undefined : message.messageId)}>
                  Ban…
                </button>`
              : nothing}
          </div>
          ${authorId && this._banning === message.messageId
            ? html`<div class="ban" role="group" aria-label="Ban ${message.author.name}">
                <span>${message.author.name}:</span>
                <button type="button" class="danger" @click=${() => this.#ban('ban', authorId, message.author.name)}>Ban</button>
                <button type="button" @click=${() => this.#ban('shadow-ban', authorId, message.author.name)}>Shadow-ban</button>
                <button type="button" @click=${() => (this._banning = undefined)}>Cancel</button>
              </div>`
            : nothing}`
        : nothing}
    </li>`;
  }

  #renderSettings(moderation: ModerationView): TemplateResult {
    const banned = [...moderation.banned.map((id) => ({ id, kind: 'banned' })), ...moderation.shadowBanned.map((id) => ({ id, kind: 'shadow-banned' }))];
    return html`<details class="settings">
      <summary>Moderation settings</summary>
      <form class="row" @submit=${this.#onSlowMode}>
        <div>
          <label for="slow-mode">Slow mode (seconds between messages, 0 = off)</label>
          <input id="slow-mode" type="number" min="0" max="3600" step="1" .value=${String(moderation.slowModeSeconds)} />
        </div>
        <button type="submit">Set</button>
      </form>
      <form @submit=${this.#onBlocklist}>
        <label for="blocklist">Blocked words (comma or line separated)</label>
        <textarea id="blocklist" rows="2" .value=${moderation.blocklist.join(', ')}></textarea>
        <button type="submit">Save blocklist</button>
      </form>
      ${banned.length === 0
        ? html`<p class="muted">Nobody is banned.</p>`
        : html`<ul class="banned" aria-label="Banned authors">
            ${banned.map(
              ({ id, kind }) => html`<li>
                <span class="mono">${id.slice(0, 16)}</span> <span class="muted">${kind}</span>
                <button type="button" @click=${() => this.#moderate({ action: 'unban', authorId: id }, `Unban ${id.slice(0, 16)}`)}>Unban</button>
              </li>`,
            )}
          </ul>`}
    </details>`;
  }

  #moderate(action: ModerationAction, label: string): Promise<boolean> {
    const request = new ModerationRequestEvent(action, label);
    this.dispatchEvent(request);
    return request.outcome ?? Promise.resolve(false);
  }

  #ban(action: 'ban' | 'shadow-ban', authorId: string, name: string): void {
    this._banning = undefined;
    void this.#moderate({ action, authorId }, `${action === 'ban' ? 'Ban' : 'Shadow-ban'} ${name}`);
  }

  #onSay = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const textInput = this.renderRoot.querySelector<HTMLInputElement>('#say-text');
    const name = this.renderRoot.querySelector<HTMLInputElement>('#say-name')?.value.trim() || 'Host';
    const text = textInput?.value.trim() ?? '';
    if (text === '') {
      this._error = 'Write the message first.';
      return;
    }
    this._error = undefined;
    const data = { messageId: randomId('host'), text, author: { name, role: 'producer' as const } };
    const request = new ActionRequestEvent(actionRequest('chat.message', data, `Chat as ${name}: “${text.slice(0, 60)}”`));
    this.dispatchEvent(request);
    if ((await request.outcome) && textInput) textInput.value = '';
  };

  #onSlowMode = (event: SubmitEvent): void => {
    event.preventDefault();
    const seconds = parseCount(this.renderRoot.querySelector<HTMLInputElement>('#slow-mode')?.value ?? '');
    if (seconds === undefined || seconds > 3600) {
      this._error = 'Enter slow mode as whole seconds from 0 (off) to 3600.';
      return;
    }
    this._error = undefined;
    void this.#moderate({ action: 'slow-mode', seconds }, seconds === 0 ? 'Slow mode off' : `Slow mode: ${seconds} s`);
  };

  #onBlocklist = (event: SubmitEvent): void => {
    event.preventDefault();
    const words = parseBlocklist(this.renderRoot.querySelector<HTMLTextAreaElement>('#blocklist')?.value ?? '');
    this._error = undefined;
    void this.#moderate({ action: 'blocklist', set: words }, `Blocklist: ${words.length} word${words.length === 1 ? '' : 's'}`);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    [TAGS.chat]: ChatPanel;
  }
}
