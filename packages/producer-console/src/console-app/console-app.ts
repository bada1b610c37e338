import { initialState, type EventInput, type ModerationView, type ShowState } from '@live-shop/protocol';
import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { ActivityEntry } from '../activity/activity-log.js';
import { clearRequest, highlightRequest } from '../catalog/catalog-panel.js';
import { ACTIVITY_KEPT, DEFAULT_PREVIEW_SRC, EVENTS, TAGS } from '../constants.js';
import type { ActionRequestEvent, ModerationRequestEvent, RetryEvent, SignInEvent } from '../events.js';
import type { PreviewPanel } from '../preview/preview-panel.js';
import { randomId } from '../relay/ids.js';
import { RelayApi, RelayApiError, type ShowApi } from '../relay/relay-api.js';
import { SocketShowFeed, type FeedListener, type FeedStatus, type ShowFeed } from '../relay/show-feed.js';
import { forgetToken, loadToken, saveToken, tokenProblem } from '../relay/token.js';
import { shortcutFor } from '../shortcuts.js';
import { VERSION } from '../version.js';
import { consoleAppStyles } from './console-app.styles.js';

/** Makes the live feed of a show; tests replace it. */
export type FeedFactory = (options: { server: string; show: string; token: string }) => ShowFeed;

const FEED_LABELS: Record<FeedStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  refused: 'Refused',
};

/**
 * The producer console: sign in with a producer token, then run the show from one
 * screen: preview, catalog (highlight / clear, with keyboard shortcuts), price drops,
 * stock, polls, status and chat. Every action is posted to the relay stamped with the
 * program date time of the frame the preview shows when it is asked for (DESIGN.md: the
 * producer reacts to what they see), and its result lands in the activity log.
 *
 * @tag live-shop-console
 * @attr show - The show id.
 * @attr server - The relay's origin; defaults to the page's origin (the relay serves the console).
 * @attr src - The preview's HLS stream; defaults to /hls/live.m3u8.
 */
export class ConsoleApp extends LitElement {
  static readonly version = VERSION;
  static override styles = consoleAppStyles;
  static override properties: PropertyDeclarations = {
    show: {},
    server: {},
    src: {},
    _signedIn: { state: true },
    _checking: { state: true },
    _signInError: { state: true },
    _authProblem: { state: true },
    _loadError: { state: true },
    _title: { state: true },
    _state: { state: true },
    _feedStatus: { state: true },
    _clockOffset: { state: true },
    _entries: { state: true },
    _moderation: { state: true },
    _moderationError: { state: true },
  };

  declare show: string;
  declare server: string | undefined;
  declare src: string;
  /** The HTTP API; set before connecting to stand in for the relay (tests). */
  api: ShowApi | undefined;
  /** Makes the socket feed; set before connecting to stand in for the relay (tests). */
  createFeed: FeedFactory = (options) => new SocketShowFeed(options);

  declare _signedIn: boolean;
  declare _checking: boolean;
  declare _signInError: string | undefined;
  declare _authProblem: string | undefined;
  declare _loadError: string | undefined;
  declare _title: string | undefined;
  declare _state: ShowState;
  declare _feedStatus: FeedStatus;
  declare _clockOffset: number;
  declare _entries: ActivityEntry[];
  declare _moderation: ModerationView | undefined;
  declare _moderationError: string | undefined;

  #token: string | undefined;
  #feed: ShowFeed | undefined;
  #seq = -1;
  #started = false;
  /** What each activity entry sent, to send it again unchanged on Retry. */
  readonly #sent = new Map<string, EventInput>();

  constructor() {
    super();
    this.show = '';
    this.src = DEFAULT_PREVIEW_SRC;
    this._signedIn = false;
    this._checking = false;
    this._state = initialState;
    this._feedStatus = 'connecting';
    this._clockOffset = 0;
    this._entries = [];
    this.addEventListener(EVENTS.action, (event) => this.#onAction(event));
    this.addEventListener(EVENTS.signIn, (event) => this.#onSignIn(event));
    this.addEventListener(EVENTS.retry, (event) => this.#onRetry(event));
    this.addEventListener(EVENTS.moderate, (event) => this.#onModerate(event));
  }

  /** The preview panel (its `currentPdt` is what actions are stamped with). */
  get preview(): PreviewPanel | null {
    return this.renderRoot.querySelector(TAGS.preview);
  }

  /** The show state with every event of the log applied: what the controls act on. */
  get showState(): ShowState {
    return this._state;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.#onKeyDown);
    if (!this.#started) {
      this.#started = true;
      // After the first render: properties set right after creation are in by then.
      void this.updateComplete.then(() => this.#start());
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.#onKeyDown);
    this.#feed?.stop();
    this.#feed = undefined;
    this.#started = false;
  }

  /** Uses `token` as if the producer had pasted it (the relay checks it first). */
  signIn(token: string): void {
    const problem = tokenProblem(token, this.show, Date.now() + this._clockOffset);
    if (problem) {
      this._signInError = problem;
      return;
    }
    this._checking = true;
    this._signInError = undefined;
    // What is on screen stays while the new feed connects; it replaces it on its snapshot.
    this.#feed?.stop();
    const feed = this.createFeed({ server: this.#server(), show: this.show, token });
    this.#feed = feed;
    feed.start(this.#feedListener(feed, token));
  }

  /** Forgets the token and returns to the sign-in form. */
  signOut(): void {
    forgetToken(this.show);
    this.#token = undefined;
    this.#feed?.stop();
    this.#feed = undefined;
    this._signedIn = false;
    this._authProblem = undefined;
    this._signInError = undefined;
  }

  #server(): string {
    return this.server || location.origin;
  }

  async #start(): Promise<void> {
    if (!this.show) return;
    this.api ??= new RelayApi(this.#server(), this.show);
    const api = this.api;
    const token = loadToken(this.show);
    // The catalog and the clock need no token: load them while the token is checked.
    const loading = Promise.all([
      api.showInfo().then((info) => {
        this._title = info.title;
      }),
      api.state().then(({ seq, state }) => this.#setState(state, seq)),
      api.clockOffset().then((offset) => {
        this._clockOffset = offset;
      }),
    ]).catch((error: unknown) => {
      this._loadError = error instanceof RelayApiError ? error.message : 'The relay could not be reached; check that it is running, then reload this page.';
    });
    if (token) this.signIn(token);
    await loading;
  }

  #setState(state: ShowState, seq: number): void {
    if (seq < this.#seq) return;
    this.#seq = seq;
    this._state = state;
  }

  #feedListener(feed: ShowFeed, token: string): FeedListener {
    const current = () => feed === this.#feed;
    return {
      state: (state, seq) => {
        if (current()) this.#setState(state, seq);
      },
      status: (status, problem) => {
        if (!current()) return;
        this._feedStatus = status;
        if (status === 'connected' && this._checking) {
          this._checking = false;
          this._signedIn = true;
          this._authProblem = undefined;
          this.#token = token;
          saveToken(this.show, token);
          void this.#loadModeration(token);
        } else if (status === 'refused') {
          const message = problem?.message ?? 'The relay refused the connection.';
          feed.stop();
          if (this._checking) {
            this._checking = false;
            this._signInError = `The relay refused this token: ${message}`;
            if (!this._signedIn) forgetToken(this.show);
          } else {
            this._authProblem = message;
          }
        }
      },
    };
  }

  async #loadModeration(token: string): Promise<void> {
    try {
      this._moderation = await this.api?.moderation(token);
      this._moderationError = undefined;
    } catch (error) {
      this._moderation = undefined;
      this._moderationError =
        error instanceof RelayApiError && error.status === 404 && error.code === 'not_found'
          ? 'This relay has no chat moderation; the chat is read-only here.'
          : `Moderation is not available: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  #onModerate(event: ModerationRequestEvent): void {
    event.stopPropagation();
    const token = this.#token;
    const api = this.api;
    if (!this._signedIn || token === undefined || !api) {
      event.outcome = Promise.resolve(false);
      return;
    }
    const entry: ActivityEntry = { id: randomId('moderation'), label: event.detail.label, pressedAt: Date.now(), pdt: undefined, state: 'sending', moderation: true };
    this.#log(entry);
    event.outcome = api.moderate(event.detail.action, token).then(
      (result) => {
        this._moderation = result.moderation;
        if (result.event) this.#feed?.add(result.event);
        this.#update(entry.id, { state: 'stored', ...(result.event ? { seq: result.event.seq } : {}) });
        return true;
      },
      (error: unknown) => {
        this.#fail(entry, error);
        return false;
      },
    );
  }

  #onSignIn(event: SignInEvent): void {
    event.stopPropagation();
    this.signIn(event.detail.token);
  }

  #onKeyDown = (event: KeyboardEvent): void => {
    if (!this._signedIn) return;
    const shortcut = shortcutFor(event);
    if (!shortcut) return;
    event.preventDefault();
    if (shortcut.kind === 'clear-all') {
      this.#onAction(clearRequest());
      return;
    }
    const product = this._state.products[shortcut.index];
    if (product) {
      this.#onAction(highlightRequest(product));
      return;
    }
    const count = this._state.products.length;
    this.#log({
      id: randomId('key'),
      label: `Key ${shortcut.index + 1}`,
      pressedAt: Date.now(),
      pdt: undefined,
      state: 'failed',
      message: `There is no product ${shortcut.index + 1}: the catalog has ${count} product${count === 1 ? '' : 's'}.`,
    });
  };

  #onAction(event: ActionRequestEvent): void {
    event.stopPropagation();
    // Read first, in the same task as the press: the frame the producer is looking at.
    const framePdt = this.preview?.currentPdt;
    const pdt = framePdt === undefined ? undefined : Math.round(framePdt);
    const token = this.#token;
    if (!this._signedIn || token === undefined) {
      event.outcome = Promise.resolve(false);
      return;
    }
    const { type, data, label } = event.detail;
    const input = { type, data, id: randomId('console'), ...(pdt === undefined ? {} : { pdt }) } as EventInput;
    const entry: ActivityEntry = { id: input.id as string, label, pressedAt: Date.now(), pdt, state: 'sending' };
    this.#sent.set(entry.id, input);
    this.#log(entry);
    event.outcome = this.#send(input, entry, token);
  }

  #onRetry(event: RetryEvent): void {
    event.stopPropagation();
    const input = this.#sent.get(event.detail.entryId);
    const entry = this._entries.find((candidate) => candidate.id === event.detail.entryId);
    if (!input || !entry || this.#token === undefined) return;
    this.#update(entry.id, { state: 'sending' });
    void this.#send(input, entry, this.#token);
  }

  async #send(input: EventInput, entry: ActivityEntry, token: string): Promise<boolean> {
    const api = this.api;
    if (!api) return false;
    try {
      const envelope = await api.post(input, token);
      this.#feed?.add(envelope);
      this.#update(entry.id, { state: 'stored', seq: envelope.seq, pdt: envelope.pdt });
      return true;
    } catch (error) {
      this.#fail(entry, error, true);
      return false;
    }
  }

  /** Logs why an action failed; a refused token also asks for a valid one. */
  #fail(entry: ActivityEntry, error: unknown, canRetry = false): void {
    const relayError = error instanceof RelayApiError ? error : new RelayApiError(0, 'unknown', 'The action could not be sent; try again.');
    if (relayError.isAuthProblem) this._authProblem = relayError.message;
    this.#update(entry.id, { state: 'failed', message: relayError.message, retryable: canRetry && relayError.isRetryable });
  }

  #log(entry: ActivityEntry): void {
    const entries = [entry, ...this._entries];
    for (const dropped of entries.splice(ACTIVITY_KEPT)) this.#sent.delete(dropped.id);
    this._entries = entries;
  }

  #update(id: string, change: Partial<ActivityEntry>): void {
    this._entries = this._entries.map((entry) => (entry.id === id ? { ...entry, ...change } : entry));
  }

  protected override render(): TemplateResult {
    return html`
      ${this.#renderHeader()}
      ${this._loadError ? html`<div class="banner" role="alert">${this._loadError}</div>` : nothing}
      ${!this.show ? this.#renderNoShow() : this._signedIn ? this.#renderConsole() : this.#renderSignIn()}
    `;
  }

  #renderHeader(): TemplateResult {
    const state = this._state;
    return html`<header>
      <p class="brand">live-shop <span>producer console</span></p>
      <p class="show-title">${this.show ? html`<strong>${this._title ?? this.show}</strong> · show <span class="mono">${this.show}</span>` : nothing}</p>
      ${this._signedIn
        ? html`<div class="facts">
            <span class="badge ${state.status.phase === 'live' ? 'live' : ''}">${state.status.phase}</span>
            <span><span class="dot ${this._feedStatus}" aria-hidden="true"></span>${FEED_LABELS[this._feedStatus]}</span>
            <span>${state.viewers} viewer${state.viewers === 1 ? '' : 's'}</span>
            <button type="button" @click=${() => this.signOut()}>Sign out</button>
          </div>`
        : nothing}
    </header>`;
  }

  #renderNoShow(): TemplateResult {
    return html`<section class="sign-in panel" aria-labelledby="no-show-heading">
      <h1 id="no-show-heading">Which show?</h1>
      <p class="muted">Open the console with the show id in the address, e.g. <span class="mono">/console/?show=demo</span>.</p>
      <form class="row" method="get">
        <div>
          <label for="show-id">Show id</label>
          <input id="show-id" name="show" required autocomplete="off" spellcheck="false" pattern="[a-z0-9][a-z0-9\\-]{0,63}" />
        </div>
        <button class="primary" type="submit">Open</button>
      </form>
    </section>`;
  }

  #renderSignIn(): TemplateResult {
    return html`<section class="sign-in panel" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">Producer console</h1>
      <p class="muted">Paste a producer token to run the show: highlight products, start price drops, set stock, open polls and set its status.</p>
      <live-shop-console-sign-in .show=${this.show} .error=${this._signInError} ?checking=${this._checking}></live-shop-console-sign-in>
    </section>`;
  }

  #renderConsole(): TemplateResult {
    const state = this._state;
    const locale = document.documentElement.lang || undefined;
    return html`
      ${this._authProblem
        ? html`<div class="banner" role="alert">
            <p><strong>The relay refused the producer token:</strong> ${this._authProblem} Paste a valid producer token to go on.</p>
            <live-shop-console-sign-in .show=${this.show} .error=${this._signInError} ?checking=${this._checking}></live-shop-console-sign-in>
          </div>`
        : nothing}
      <main class=${this._authProblem ? 'with-banner' : ''}>
        <div class="column">
          <live-shop-console-preview .show=${this.show} .src=${this.src} .clockOffset=${this._clockOffset}></live-shop-console-preview>
          <live-shop-console-activity .entries=${this._entries}></live-shop-console-activity>
          <live-shop-console-status .status=${state.status}></live-shop-console-status>
        </div>
        <div class="column">
          <live-shop-console-catalog .products=${state.products} .highlights=${state.highlights} .locale=${locale}></live-shop-console-catalog>
          <live-shop-console-stock .products=${state.products}></live-shop-console-stock>
        </div>
        <div class="column">
          <live-shop-console-offers .products=${state.products} .offers=${state.offers} .clockOffset=${this._clockOffset} .locale=${locale}></live-shop-console-offers>
          <live-shop-console-chat
            .messages=${state.chat.messages}
            .pinnedId=${state.chat.pinnedId}
            .moderation=${this._moderation}
            .moderationError=${this._moderationError}
          ></live-shop-console-chat>
          <live-shop-console-polls .polls=${state.polls}></live-shop-console-polls>
        </div>
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [TAGS.app]: ConsoleApp;
  }
}
