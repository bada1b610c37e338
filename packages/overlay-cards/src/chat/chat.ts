import { AUTHOR_NAME_MAX, CHAT_TEXT_MAX, type ChatMessage, type IntentError } from '@live-shop/protocol';
import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleProps } from '../style-props.js';
import { fillCount, formatNumber } from '../audience/audience-format.js';
import { secondsLeft } from '../clock/countdown.js';
import { msToNextSecond, ServerClock, serverNow } from '../clock/server-clock.js';
import { TAGS } from '../constants.js';
import { fill } from '../strings.js';
import { VERSION } from '../version.js';
import { ChatSendEvent } from './chat-events.js';
import { messageContent } from './chat-message.js';
import { cleanName, loadChatName, saveChatName } from './chat-name.js';
import { withChatDefaults, type ChatStrings } from './chat-strings.js';
import { chatStyles } from './chat.styles.js';
import { OwnMessages } from './own-messages.js';
import { RowMeasurer } from './row-measurer.js';
import {
  anchorAt,
  BOTTOM,
  rowAt,
  RowHeights,
  rowOffsets,
  scrollTopFor,
  survivingAnchor,
  visibleRows,
  type Anchor,
  type RowRange,
} from './row-layout.js';

/** Rows rendered beyond each edge of the viewport, so a scroll of a few rows shows no gap. */
const OVERSCAN = 4;
/** The height of a row before any has been measured: one line of name, one of text. */
const ESTIMATED_ROW_HEIGHT = 52;
/** Within this many px of the end, the viewer is "at the bottom" and new messages scroll in. */
const BOTTOM_SLACK = 10;
/** The character counter shows from this many characters left. */
const COUNTER_FROM = 50;
/**
 * While messages keep coming, the list takes them at most this often (ms). A message after
 * a quiet moment shows at once; a busy chat (dozens a second, faster than anyone reads) is
 * laid out about eight times a second instead of on every video frame that brings one.
 */
export const CHAT_BATCH_MS = 125;

interface Spacers extends RowRange {
  above: number;
  below: number;
}

function sameSpacers(a: Spacers, b: Spacers): boolean {
  return a.start === b.start && a.end === b.end && Math.abs(a.above - b.above) < 0.5 && Math.abs(a.below - b.below) < 0.5;
}

/** Why a send was refused, as the relay says it (`IntentError`): shown as given. */
export type ChatSendError = Pick<IntentError, 'code' | 'message'> & Partial<IntentError>;

/** What the relay answered when it took a message (`chat.send`'s `{ok: true, …}`). */
export interface ChatSentResult {
  /** The new message's id: the message is marked as the viewer's own. */
  messageId?: string;
  /** Slow mode: how long until the relay takes the viewer's next message, in ms. */
  nextSendInMs?: number;
}

/**
 * The live chat of a show: the messages (virtualized: a few dozen rows in the page however
 * long the chat), the pinned message above them, and a composer that asks for a display
 * name once. It renders what it is given and fires `live-shop-chat-send`; the player wires
 * it to the relay.
 *
 * Sending: the chat sets `sending` and fires the event; the listener answers on the element
 * with `sent({messageId, nextSendInMs})` (the field is cleared) or `failed({code, message,
 * retryAfterMs})` (the text stays and the message is shown). While slow mode (or the rate
 * limit) makes the viewer wait, the composer counts down to the moment the relay takes the
 * next message, on the relay's clock (`serverOffset`), and the Send button is disabled; the
 * field stays editable. Only the viewer's own send result is announced to screen readers,
 * once; the list is a `role="log"` that is not live (see the README).
 *
 * The viewer's own messages (`ownAuthorId`, `ownMessageIds` and the author id those carry) are
 * marked: a "You" tag after the name, read by screen readers, and the `own-message` part.
 *
 * @tag live-shop-chat
 * @csspart base - The whole chat (a region named "Chat").
 * @csspart pinned - The pinned message, above the list.
 * @csspart pinned-label - Its "Pinned" label.
 * @csspart list - The scrolling list of messages (`role="log"`).
 * @csspart message - One message in the list; the viewer's own also have `own-message`.
 * @csspart own-tag - "You", after the author of the viewer's own messages.
 * @csspart author - A message's author name (in the list and pinned).
 * @csspart badge - The role badge of a host's or moderator's message; also `badge-host` or `badge-moderator`.
 * @csspart time - A message's time.
 * @csspart text - A message's text.
 * @csspart empty - The text of an empty chat.
 * @csspart new-messages-button - "N new messages", shown when the viewer has scrolled up and more came in.
 * @csspart error - Why the last send was refused.
 * @csspart composer - The message form.
 * @csspart input - The message field.
 * @csspart send-button - The Send button.
 * @csspart counter - Characters left, near the limit.
 * @csspart send-countdown - "You can send again in 8 seconds", while slow mode makes the viewer wait.
 * @csspart name - "Chatting as …".
 * @csspart change-name-button - The "Change name" button.
 * @csspart name-form - The form that asks for a display name.
 * @csspart name-label - Its label.
 * @csspart name-input - Its field.
 * @csspart name-save-button - Its submit button.
 * @csspart name-cancel-button - Its cancel button.
 * @csspart name-error - Shown when the name is left empty.
 * @csspart closed-notice - Shown instead of the composer while the chat is closed.
 * @cssprop --live-shop-chat-height - The chat's height (default 28rem); the list scrolls inside it.
 * @cssprop --live-shop-chat-background - Defaults to --live-shop-surface.
 * @cssprop --live-shop-chat-color - Defaults to --live-shop-text.
 * @cssprop --live-shop-chat-muted-color - Times, hints, the counter; a mix of the text and background colours.
 * @cssprop --live-shop-chat-border-color - Field borders.
 * @cssprop --live-shop-chat-divider-color - Lines between the parts.
 * @cssprop --live-shop-chat-pinned-background - Behind the pinned message.
 * @cssprop --live-shop-chat-accent - Send button, host badge, focus ring; defaults to --live-shop-accent.
 * @cssprop --live-shop-chat-accent-text - Text on the accent colour.
 * @cssprop --live-shop-chat-moderator-color - The moderator badge.
 * @cssprop --live-shop-chat-moderator-text - Text on the moderator badge.
 * @cssprop --live-shop-chat-error-color - The refused-send message.
 * @cssprop --live-shop-chat-own-background - Behind the viewer's own messages; a tint of the accent.
 * @cssprop --live-shop-chat-own-color - The edge of the viewer's own messages and of their "You" tag; defaults to the accent.
 * @cssprop --live-shop-chat-radius - Defaults to --live-shop-radius.
 * @cssprop --live-shop-chat-font - Defaults to --live-shop-font.
 * @fires live-shop-chat-send - {@link ChatSendEvent}
 */
export class LiveChat extends LitElement {
  static readonly version = VERSION;
  static override styles = chatStyles;
  static override properties: PropertyDeclarations = {
    messages: { attribute: false },
    pinnedId: { attribute: false },
    locale: { reflect: true },
    strings: { attribute: false },
    closed: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    sending: { type: Boolean, reflect: true },
    error: { attribute: false },
    name: { attribute: false },
    ownMessageIds: { attribute: false },
    ownAuthorId: { attribute: 'own-author-id' },
    serverOffset: { type: Number, attribute: 'server-offset' },
    draft: { state: true },
    askingName: { state: true },
    nameDraft: { state: true },
    nameMissing: { state: true },
    announcement: { state: true },
  };

  /** The messages, oldest first (`ShowState.chat.messages`). Replace the array to change it. */
  declare messages: readonly ChatMessage[];
  /** The pinned message's id (`ShowState.chat.pinnedId`). */
  declare pinnedId: string | null;
  /** BCP 47 locale for times and counts, e.g. "fr-FR"; defaults to the browser's. */
  declare locale: string | undefined;
  /** Text overrides; see {@link ChatStrings}. */
  declare strings: Partial<ChatStrings> | undefined;
  /** The chat is closed (turned off, or the show is over): messages stay readable, the composer is replaced by a notice. */
  declare closed: boolean;
  /** Sending is not possible for now (e.g. while connecting): the composer is disabled. */
  declare disabled: boolean;
  /** A message is on its way: set by the chat when it fires `live-shop-chat-send`, cleared by `sent()` / `failed()`. */
  declare sending: boolean;
  /** Why the last send was refused, shown above the composer; set by `failed()`, cleared by the next send. */
  declare error: ChatSendError | null;
  /**
   * The display name messages are sent under. Defaults to the one the viewer chose before
   * (localStorage `live-shop:chat-name`); a page with signed-in viewers may set it.
   */
  declare name: string | undefined;
  /**
   * Ids of the messages this viewer sent (as the relay acknowledged them); `sent({messageId})`
   * adds to it. They, and the other messages of the author id they carry, are marked as the
   * viewer's own. Replace the array to change it.
   */
  declare ownMessageIds: readonly string[];
  /**
   * The viewer's author id, as the relay publishes it in `author.id` (the player learns it
   * at join): every message with it is marked as the viewer's own, from before a reload too.
   */
  declare ownAuthorId: string | undefined;
  /** The relay's clock minus this browser's, in ms (the player learns it at join): slow-mode waits count on the relay's clock. */
  declare serverOffset: number;
  declare protected draft: string;
  declare protected askingName: boolean;
  declare protected nameDraft: string;
  declare protected nameMissing: boolean;
  declare protected announcement: string;

  // The virtualized list: see row-layout.ts and the README.
  readonly #heights = new RowHeights(ESTIMATED_ROW_HEIGHT);
  readonly #measurer = new RowMeasurer(this.#heights, () => {
    this.#offsetsStale = true;
    this.#listChanged();
  });
  /** Something the list's layout depends on changed: the next update lays it out again. */
  #listDirty = true;
  /** This update lays the list out (set in willUpdate, done in updated). */
  #listPass = false;
  #ids: string[] = [];
  #indexById = new Map<string, number>();
  #offsets: Float64Array = new Float64Array(1);
  #offsetsStale = true;
  #anchor: Anchor = BOTTOM;
  #viewport = 0;
  #targetScrollTop = 0;
  /** The scrollTop last seen or set; a different one means the viewer scrolled since. */
  #knownScrollTop = 0;
  #range: RowRange = { start: 0, end: 0 };
  #rendered: Spacers = { start: 0, end: 0, above: 0, below: 0 };
  #width = 0;
  #resizeObserver: ResizeObserver | undefined;
  #list: HTMLElement | null = null;
  #rows: HTMLElement | null = null;
  /** The messages the list shows: `messages` as last taken (see CHAT_BATCH_MS). */
  #shown: readonly ChatMessage[] = [];
  #takenAt = Number.NEGATIVE_INFINITY;
  /** Newer `messages` wait for the next batch: its timer, and a promise kept when it is taken. */
  #batch: { timer: ReturnType<typeof setTimeout>; due: boolean; taken: Promise<void>; take: () => void } | undefined;

  /** The newest message the viewer has had on screen; messages after it are "new". */
  #lastSeen: { id: string; at: number } | undefined;
  #unseen = 0;
  /** The pinned message as last found in `messages`, kept once the 200 kept messages no longer hold it. */
  #pinned: ChatMessage | undefined;
  #sendAfterName = false;
  #focusAfterUpdate: 'input' | 'name-input' | undefined;
  readonly #own = new OwnMessages();
  readonly #clock = new ServerClock(this, (now) => (this.#sendAgainAt !== undefined && now < this.#sendAgainAt ? now + msToNextSecond(now, this.#sendAgainAt) : undefined));
  /** When, on the relay's clock, the relay takes the viewer's next message. */
  #sendAgainAt: number | undefined;
  /** The refusal that started the wait: it goes when the wait is over. */
  #waitError: ChatSendError | null = null;
  /** Whole seconds left to wait, as of this update. */
  #waitSeconds = 0;

  constructor() {
    super();
    this.messages = [];
    this.pinnedId = null;
    this.closed = false;
    this.disabled = false;
    this.sending = false;
    this.error = null;
    this.ownMessageIds = [];
    this.serverOffset = 0;
    this.draft = '';
    this.askingName = false;
    this.nameDraft = '';
    this.nameMissing = false;
    this.announcement = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.name ??= loadChatName();
    // Messages that came while the chat was out of the page.
    if (this.messages !== this.#shown) this.requestUpdate();
    if (this.#list) this.#observeSize(this.#list);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#endBatch();
    this.#resizeObserver?.disconnect();
    this.#measurer.disconnect();
  }

  /**
   * The relay took the message: the field is cleared, the result announced, the newest
   * messages shown, the message marked as the viewer's own, and a slow-mode wait counted down.
   */
  sent(result: ChatSentResult = {}): void {
    if (!this.sending) return;
    const strings = withChatDefaults(this.strings);
    this.sending = false;
    this.error = null;
    this.draft = '';
    this.#anchor = BOTTOM;
    this.#listDirty = true;
    if (result.messageId !== undefined) this.ownMessageIds = [...this.ownMessageIds, result.messageId];
    const wait = this.#startWait(result.nextSendInMs, null);
    this.#announce(wait > 0 ? `${strings.sent}. ${this.#waitText(strings, wait)}` : strings.sent);
  }

  /**
   * The relay refused the message: the text stays in the field and `error.message` is shown
   * and announced; with `retryAfterMs` (slow mode, rate limit) Send waits that long.
   */
  failed(error: ChatSendError): void {
    this.sending = false;
    this.error = error;
    this.#startWait(error.retryAfterMs, error);
    this.#announce(error.message || withChatDefaults(this.strings).sendFailed);
  }

  /** Resolves once the element has rendered, newer `messages` waiting for their batch included. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.#batch) {
      await this.#batch.taken;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#countWait(this.#clock.read());
    // Back to what is shown (replaced and put back within a batch): no batch is waited for.
    if (this.messages === this.#shown) this.#endBatch();
    const take = this.messages !== this.#shown && this.#batchDue();
    // The list is laid out only when it can have changed: a keystroke or a tick of the
    // countdown reads no layout.
    this.#listPass = this.#listDirty || take;
    this.#listDirty = false;
    if (this.#listPass) {
      // First: if the viewer scrolled since the last scroll event, anchor where they are
      // now, while the layout still describes what is on screen.
      this.#syncAnchor();
      if (take) this.#takeMessages();
      if (this.#list) this.#viewport = this.#list.clientHeight;
      this.#layout();
    }
    if (take || changed.has('ownMessageIds') || changed.has('ownAuthorId')) this.#own.update(this.ownMessageIds, this.#shown, this.#indexById, this.ownAuthorId);
    this.#pinned = this.#findPinned();
  }

  protected override render(): TemplateResult {
    const strings = withChatDefaults(this.strings);
    const messages = this.#shown;
    this.#rendered = this.#spacers(this.#range);
    const { start, end, above, below } = this.#rendered;
    return html`
      <section part="base" class="base" aria-label=${strings.chat}>
        ${this.#renderPinned(strings)}
        <div class="list-area">
          <div part="list" class="list" role="log" aria-live="off" aria-label=${strings.messages} tabindex="0" @scroll=${this.#onScroll}>
            ${messages.length === 0 ? html`<p part="empty" class="empty">${strings.noMessages}</p>` : nothing}
            <ol class="rows" role="list" style=${styleProps({ 'padding-block-start': `${above}px`, 'padding-block-end': `${below}px` })}>
              ${repeat(
                messages.slice(start, end),
                (message) => message.messageId,
                (message, index) => {
                  const own = this.#own.has(message);
                  return html`<li
                    part=${own ? 'message own-message' : 'message'}
                    class=${own ? 'message own' : 'message'}
                    data-message-id=${message.messageId}
                    aria-posinset=${start + index + 1}
                    aria-setsize=${messages.length}
                  >
                    ${messageContent(message, strings, this.locale, own)}
                  </li>`;
                },
              )}
            </ol>
          </div>
          ${this.#unseen > 0
            ? html`<button part="new-messages-button" class="new-messages" type="button" @click=${this.#onNewMessagesClick}>
                ${fillCount(strings.newMessages, this.#unseen, formatNumber(this.#unseen, this.locale), this.locale)}
              </button>`
            : nothing}
        </div>
        ${this.error ? html`<p part="error" id="error" class="error">${this.error.message || strings.sendFailed}</p>` : nothing}
        ${this.closed ? html`<p part="closed-notice" class="closed-notice">${strings.closed}</p>` : this.askingName ? this.#renderNameForm(strings) : this.#renderComposer(strings)}
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      </section>
    `;
  }

  protected override firstUpdated(): void {
    this.#list = this.renderRoot.querySelector<HTMLElement>('.list');
    this.#rows = this.renderRoot.querySelector<HTMLElement>('.rows');
    if (this.#list) this.#observeSize(this.#list);
  }

  protected override updated(): void {
    const list = this.#list;
    if (list && this.#listPass) {
      if (this.#rows && this.#measurer.measureNew(this.#rows)) this.#offsetsStale = true;
      if (this.#offsetsStale || list.clientHeight !== this.#viewport) {
        this.#viewport = list.clientHeight;
        this.#layout();
      }
      this.#scrollToTarget(list);
      // Measuring may show that other rows are in view than were rendered, or move the
      // rendered ones (while the estimate is still being sampled, every estimated row above
      // changes with it): render again. The loop ends: each pass measures rows that were
      // only estimated before, and the estimate is fixed after the first few dozen.
      if (!sameSpacers(this.#spacers(this.#range), this.#rendered)) this.#listChanged();
    }
    const focus = this.#focusAfterUpdate;
    this.#focusAfterUpdate = undefined;
    if (focus) this.renderRoot.querySelector<HTMLElement>(`#${focus}`)?.focus();
  }

  #renderPinned(strings: ChatStrings): TemplateResult | typeof nothing {
    const pinned = this.#pinned;
    if (!pinned) return nothing;
    return html`<div part="pinned" class="pinned" role="group" aria-labelledby="pinned-label">
      <p part="pinned-label" id="pinned-label" class="pinned-label">${strings.pinned}</p>
      ${messageContent(pinned, strings, this.locale, this.#own.has(pinned))}
    </div>`;
  }

  #renderComposer(strings: ChatStrings): TemplateResult {
    const left = CHAT_TEXT_MAX - this.draft.length;
    const counter = left <= COUNTER_FROM;
    const wait = this.#waitSeconds;
    const describedBy = [counter ? 'counter' : '', wait > 0 ? 'send-countdown' : '', this.error ? 'error' : ''].filter(Boolean).join(' ');
    const empty = this.draft.trim() === '';
    return html`<form part="composer" class="composer" novalidate @submit=${this.#onSubmit}>
      <label class="visually-hidden" for="input">${strings.messageLabel}</label>
      <textarea
        id="input"
        part="input"
        class="input"
        rows="1"
        dir="auto"
        maxlength=${CHAT_TEXT_MAX}
        placeholder=${strings.messagePlaceholder}
        .value=${live(this.draft)}
        ?disabled=${this.disabled}
        ?readonly=${this.sending}
        aria-describedby=${ifDefined(describedBy || undefined)}
        @input=${this.#onInput}
        @keydown=${this.#onKeyDown}
      ></textarea>
      <button
        part="send-button"
        class=${wait > 0 ? 'send waiting' : 'send'}
        type="submit"
        ?disabled=${this.disabled}
        aria-disabled=${empty || this.sending || wait > 0 ? 'true' : 'false'}
        aria-describedby=${ifDefined(wait > 0 ? 'send-countdown' : undefined)}
      >
        ${this.sending ? strings.sending : strings.send}
      </button>
      ${wait > 0 ? html`<p part="send-countdown" id="send-countdown" class="send-countdown">${this.#waitText(strings, wait)}</p>` : nothing}
      ${this.name || counter
        ? html`<div class="composer-info">
            ${this.name
              ? html`<span part="name" class="name">${fill(strings.chattingAs, { name: this.name })}</span>
                  <button part="change-name-button" class="link-button" type="button" ?disabled=${this.disabled || this.sending} @click=${this.#onChangeName}>
                    ${strings.changeName}
                  </button>`
              : nothing}
            ${counter ? html`<span part="counter" id="counter" class="counter">${fillCount(strings.charactersLeft, left, formatNumber(left, this.locale), this.locale)}</span>` : nothing}
          </div>`
        : nothing}
    </form>`;
  }

  #renderNameForm(strings: ChatStrings): TemplateResult {
    return html`<form part="name-form" class="name-form" novalidate @submit=${this.#onNameSubmit} @keydown=${this.#onNameKeyDown}>
      <label part="name-label" class="name-label" for="name-input">${strings.nameLabel}</label>
      <p id="name-hint" class="hint">${strings.nameHint}</p>
      <input
        id="name-input"
        part="name-input"
        class="input"
        type="text"
        dir="auto"
        autocomplete="nickname"
        maxlength=${AUTHOR_NAME_MAX}
        .value=${live(this.nameDraft)}
        aria-invalid=${this.nameMissing ? 'true' : 'false'}
        aria-describedby=${this.nameMissing ? 'name-hint name-error' : 'name-hint'}
        @input=${this.#onNameInput}
      />
      <button part="name-save-button" class="send" type="submit">${strings.saveName}</button>
      <button part="name-cancel-button" class="secondary" type="button" @click=${this.#closeNameForm}>${strings.cancel}</button>
      ${this.nameMissing ? html`<p part="name-error" id="name-error" class="name-error">${strings.nameRequired}</p>` : nothing}
    </form>`;
  }

  // ----- the virtualized list -----

  /**
   * Whether newer `messages` are taken in this update: the first after a quiet moment is;
   * within CHAT_BATCH_MS of the last, they wait for a timer (one at a time).
   */
  #batchDue(): boolean {
    const now = performance.now();
    const wait = this.#takenAt + CHAT_BATCH_MS - now;
    if (wait <= 0 || this.#shown.length === 0 || this.#batch?.due) {
      this.#takenAt = now;
      this.#endBatch();
      return true;
    }
    if (!this.#batch) {
      let take = (): void => {};
      const taken = new Promise<void>((resolve) => (take = resolve));
      const batch = { due: false, taken, take, timer: setTimeout(() => ((batch.due = true), this.requestUpdate()), wait) };
      this.#batch = batch;
    }
    return false;
  }

  #endBatch(): void {
    const batch = this.#batch;
    if (!batch) return;
    this.#batch = undefined;
    clearTimeout(batch.timer);
    batch.take();
  }

  /** Takes a new `messages` array: new ids, the anchor moved off a removed message, measurements of removed rows forgotten. */
  #takeMessages(): void {
    const before = this.#ids;
    this.#shown = this.messages;
    const ids = this.#shown.map((message) => message.messageId);
    const indexById = new Map(ids.map((id, index) => [id, index]));
    this.#anchor = survivingAnchor(this.#anchor, before, indexById, this.#heights);
    // Keep measurements while a message may come back (a replaced array of the same
    // messages); forget them once most of what is measured is gone.
    if (this.#heights.size > 2 * ids.length + 100) this.#heights.retain(new Set(ids));
    this.#ids = ids;
    this.#indexById = indexById;
    this.#offsetsStale = true;
  }

  /** Offsets, where the viewport belongs, which rows to render, and how many messages are new. */
  #layout(): void {
    if (this.#offsetsStale) {
      this.#offsets = rowOffsets(this.#ids, this.#heights);
      this.#offsetsStale = false;
    }
    this.#targetScrollTop = scrollTopFor(this.#anchor, this.#offsets, this.#indexById, this.#viewport);
    this.#range = visibleRows(this.#offsets, this.#targetScrollTop, this.#viewport, OVERSCAN);
    this.#unseen = this.#countUnseen();
  }

  /** The rendered rows and the space that stands for the rows above and below them. */
  #spacers({ start, end }: RowRange): Spacers {
    const offsets = this.#offsets;
    const total = offsets[offsets.length - 1] ?? 0;
    return { start, end, above: offsets[start] ?? 0, below: total - (offsets[end] ?? total) };
  }

  #listChanged(): void {
    this.#listDirty = true;
    this.requestUpdate();
  }

  #scrollToTarget(list: HTMLElement): void {
    if (this.#anchor.kind === 'bottom') {
      if (list.scrollHeight - list.clientHeight - list.scrollTop > 0.5) list.scrollTop = list.scrollHeight;
    } else if (Math.abs(list.scrollTop - this.#targetScrollTop) >= 1) {
      list.scrollTop = this.#targetScrollTop;
    }
    this.#knownScrollTop = list.scrollTop;
  }

  /** Re-anchors on the viewer's scroll position, if it moved since it was last seen. */
  #syncAnchor(): boolean {
    const list = this.#list;
    if (!list) return false;
    const top = list.scrollTop;
    if (Math.abs(top - this.#knownScrollTop) < 1) return false;
    this.#knownScrollTop = top;
    const atBottom = list.scrollHeight - list.clientHeight - top <= BOTTOM_SLACK;
    this.#anchor = atBottom ? BOTTOM : anchorAt(top, this.#offsets, this.#ids);
    return true;
  }

  #countUnseen(): number {
    const ids = this.#ids;
    const last = ids.length - 1;
    if (last < 0) return 0;
    // What is on screen now counts as seen.
    const lastVisible = this.#anchor.kind === 'bottom' ? last : rowAt(this.#offsets, this.#targetScrollTop + Math.max(0, this.#viewport - 1));
    let seen = this.#lastSeen === undefined ? -1 : this.#indexOfSeen(this.#lastSeen);
    if (lastVisible > seen || this.#lastSeen === undefined) {
      seen = Math.max(seen, lastVisible);
      const message = this.#shown[seen];
      if (message) this.#lastSeen = { id: message.messageId, at: message.at };
    }
    return last - seen;
  }

  /** Where the last seen message is now; if it was deleted, the last message not newer than it. */
  #indexOfSeen(seen: { id: string; at: number }): number {
    const index = this.#indexById.get(seen.id);
    if (index !== undefined) return index;
    return this.#shown.findLastIndex((message) => message.at <= seen.at);
  }

  #findPinned(): ChatMessage | undefined {
    const id = this.pinnedId;
    if (!id) return undefined;
    const index = this.#indexById.get(id);
    if (index !== undefined) return this.#shown[index];
    // Pinned long ago: the state keeps only the latest messages, but a pin stays until
    // unpinned (a deleted message is unpinned by the reducer).
    return this.#pinned?.messageId === id ? this.#pinned : undefined;
  }

  #observeSize(list: HTMLElement): void {
    this.#resizeObserver ??= new ResizeObserver(([entry]) => {
      const width = entry?.contentRect.width ?? 0;
      // A new width wraps every row differently: measure again as rows are rendered.
      if (width !== this.#width) {
        if (this.#width !== 0) {
          this.#heights.clear();
          this.#measurer.forgetAll();
        }
        this.#width = width;
        this.#offsetsStale = true;
      }
      this.#listChanged();
    });
    this.#resizeObserver.observe(list);
  }

  #onScroll = (): void => {
    if (!this.#syncAnchor()) return;
    const unseen = this.#unseen;
    this.#layout();
    if (!sameSpacers(this.#spacers(this.#range), this.#rendered) || this.#unseen !== unseen) this.#listChanged();
  };

  #onNewMessagesClick = (): void => {
    this.#anchor = BOTTOM;
    // The button goes away: keep focus in the chat, on the list the viewer now reads.
    this.#list?.focus();
    this.#listChanged();
  };

  // ----- slow mode -----

  /** Starts waiting `ms` (on the relay's clock, from now) before the next send; returns the whole seconds. */
  #startWait(ms: number | undefined, error: ChatSendError | null): number {
    if (ms === undefined || !Number.isFinite(ms) || ms <= 0) return 0;
    const now = serverNow(this.serverOffset);
    this.#sendAgainAt = now + ms;
    this.#waitError = error;
    return secondsLeft(now, this.#sendAgainAt);
  }

  #countWait(now: number): void {
    const until = this.#sendAgainAt;
    this.#waitSeconds = until === undefined ? 0 : secondsLeft(now, until);
    if (until === undefined || this.#waitSeconds > 0) return;
    this.#sendAgainAt = undefined;
    // A refusal that said to wait is answered once the wait is over.
    if (this.#waitError !== null && this.error === this.#waitError) this.error = null;
    this.#waitError = null;
  }

  #waiting(): boolean {
    return this.#sendAgainAt !== undefined && serverNow(this.serverOffset) < this.#sendAgainAt;
  }

  #waitText(strings: ChatStrings, seconds: number): string {
    return fillCount(strings.sendAgainIn, seconds, formatNumber(seconds, this.locale), this.locale);
  }

  // ----- the composer -----

  #onInput = (event: Event): void => {
    this.draft = (event.target as HTMLTextAreaElement).value;
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    // Enter sends and Shift+Enter makes a new line; Enter that ends an IME composition
    // (Japanese, Chinese…) only confirms the composed text.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    this.#send();
  };

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    this.#send();
  };

  #send(): void {
    if (this.closed || this.disabled || this.sending || this.#waiting()) return;
    const text = this.draft.trim();
    if (text === '') return;
    const name = cleanName(this.name ?? '');
    if (name === '') {
      this.#sendAfterName = true;
      this.#openNameForm();
      return;
    }
    this.error = null;
    this.sending = true;
    this.dispatchEvent(new ChatSendEvent({ text, name }));
  }

  #onChangeName = (): void => {
    this.#sendAfterName = false;
    this.#openNameForm();
  };

  #openNameForm(): void {
    this.nameDraft = this.name ?? '';
    this.nameMissing = false;
    this.askingName = true;
    this.#focusAfterUpdate = 'name-input';
  }

  #closeNameForm = (): void => {
    this.askingName = false;
    this.#sendAfterName = false;
    this.#focusAfterUpdate = 'input';
  };

  #onNameInput = (event: Event): void => {
    this.nameDraft = (event.target as HTMLInputElement).value;
    if (this.nameMissing && this.nameDraft.trim() !== '') this.nameMissing = false;
  };

  #onNameKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.#closeNameForm();
    }
  };

  #onNameSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const name = cleanName(this.nameDraft);
    if (name === '') {
      this.nameMissing = true;
      this.#focusAfterUpdate = 'name-input';
      return;
    }
    const sendAfter = this.#sendAfterName;
    this.name = name;
    saveChatName(name);
    this.#closeNameForm();
    if (sendAfter) this.#send();
  };

  #announce(text: string): void {
    // A live region reads a change: the same words twice in a row need a difference.
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }
}

// Measuring rows after a render and rendering the rows that turn out to be in view is an
// update caused by an update by design; Lit's dev-mode warning about that does not apply.
LiveChat.disableWarning?.('change-in-update');

declare global {
  interface HTMLElementTagNameMap {
    [TAGS.chat]: LiveChat;
  }
}
