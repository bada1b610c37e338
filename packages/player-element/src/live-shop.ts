import type { Cart, CheckoutTarget, CommerceAdapter, HostCart, HostCartHandlers } from '@live-shop/cart-drawer';
import type { HighlightStack } from '@live-shop/overlay-cards';
import { shownProducts } from '@live-shop/overlay-cards/shared';
import { emptyLiveState, withLive, type LiveState, type ShowState } from '@live-shop/protocol';
import { html, LitElement, nothing, type ComplexAttributeConverter, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { TAG, type PlayerMode } from './constants.js';
import type { PdtRange, PlayerEngine } from './engines/engine.js';
import { createEngine, EngineUnavailableError } from './engines/select-engine.js';
import { playerError, type PlayerError } from './errors.js';
import { PlayerErrorEvent, ProductShownEvent, ReadyEvent, StateChangeEvent, type ProductShownDetail } from './events.js';
import { CommerceController } from './commerce/commerce-controller.js';
import { renderCart } from './commerce/render-cart.js';
import { loadStoreAdapter } from './commerce/store.js';
import { EXPORTED_PARTS } from './features/exported-parts.js';
import { enabledFeatures, ShowFeatures } from './features/show-features.js';
import { featureStyles } from './features/show-features.styles.js';
import { liveShopStyles } from './live-shop.styles.js';
import { takeLoaderVideo } from './loader-video.js';
import { localeStrings, mergeStrings } from './locales/apply.js';
import { loadLocale } from './locales/index.js';
import { MiniPlayerController } from './mini-player/mini-player-controller.js';
import { miniPlayerStyles } from './mini-player/mini-player.styles.js';
import { PdtScheduler } from './scheduler.js';
import type { ConnectionStatus, ShowEventSource, SourceListener } from './sources/source.js';
import { createShowStore, type ShowStore } from './store.js';
import { defaultPlayerStrings, type PlayerStrings } from './strings.js';
import { VERSION } from './version.js';

/** Absent: the mode's default; present: true unless "false" or "off". */
const optionalBoolean: ComplexAttributeConverter<boolean | undefined> = {
  fromAttribute: (value) => (value === null ? undefined : value !== 'false' && value !== 'off'),
};

/** Errors about the video replace it; errors about the product feed only add a notice. */
function isVideoError(error: PlayerError): boolean {
  return /^(stream-|no-video|engine-)/.test(error.code);
}

/**
 * The live-shopping player: a video with the show's product cards appearing on the exact
 * frame the producer meant.
 *
 * ```html
 * <live-shop show="demo" src="https://example.com/live.m3u8"></live-shop>
 * ```
 *
 * @tag live-shop
 * @attr show - The show id whose events are shown.
 * @attr server - The relay's origin; defaults to the page's origin.
 * @attr src - An HLS playlist URL.
 * @attr playback-id - A Mux playback id (played through hls.js from stream.mux.com unless engine="mux-player").
 * @attr engine - "mux-player" to play the playback id (or src) with @mux/mux-player (Mux's player UI; heavier start).
 * @attr mode - "live" (default) or "replay".
 * @attr locale - BCP 47 locale for text, prices and dates (French, Spanish and Arabic ship); defaults to the nearest lang attribute, then the browser's.
 * @attr autoplay - Live plays on its own (muted) unless autoplay="false"; replays only with autoplay.
 * @attr muted - Defaults to muted when autoplaying (browsers block autoplay with sound).
 * @attr beacon - Analytics collector URL, or "off" (used by the analytics beacon).
 * @attr consent - The viewer's analytics consent (used by the analytics beacon).
 * @attr store-domain - A Shopify store (e.g. "brand.myshopify.com"): the cart is that store's Storefront API cart.
 * @attr storefront-token - The store's public Storefront API access token.
 * @attr storefront-endpoint - Another origin answering the Storefront API for the store (a proxy, or the local fake).
 * @attr checkout-target - Where checkout opens: "_self" (this tab, default) or "_blank".
 * @attr features - The parts of the show to show, space-separated: chat, shelf, moments, reactions, polls, viewers, offers, status (default: all).
 * @attr mini-player - "off": the video never floats in the mini-player (on by default: while it plays, it floats when the player is scrolled away or the cart opens).
 * @csspart base - The player box.
 * @csspart video - The box holding the video.
 * @csspart highlights - The product cards over the video (card parts are exported as card-base, card-button…).
 * @csspart status - The "Live" / "Replay" / "Connecting…" line.
 * @csspart error - The message shown when the video cannot play.
 * @csspart cart-button - The cart button over the video (shown once there is a cart).
 * @csspart cart-count - The number of items on the cart button.
 * @csspart cart - The cart drawer (its own parts are exported as cart-panel, cart-line…).
 * @csspart chat - The chat; every element in the player exports its parts under its name the same way:
 *   chat-message, shelf-card-button, poll-bar-fill, offer-countdown, status-screen-countdown,
 *   moments-bar-marker, reactions-button, viewer-count-label, card-details-panel…
 * @cssprop --live-shop-player-aspect-ratio - Default 16 / 9.
 * @cssprop --live-shop-player-object-fit - How the video fills the box (default contain).
 * @cssprop --live-shop-player-background - Behind the video.
 * @cssprop --live-shop-player-radius - Defaults to --live-shop-radius.
 * @cssprop --live-shop-player-controls-height - Space kept under the cards for the video controls.
 * @csspart mini-player - The box holding the video, which floats as the mini-player (in the top layer).
 * @csspart mini-player-toolbar - The strip above the floating video (the drag handle).
 * @csspart mini-player-move - The move handle (drag; arrow keys; press for the next corner).
 * @csspart mini-player-back - The "Back to the show" button.
 * @csspart mini-player-pip - The Picture-in-Picture button (where the browser has it).
 * @csspart mini-player-close - The close button (pauses and docks).
 * @cssprop --live-shop-mini-player-width - Default min(320px, 50vw); never wider than the screen.
 * @cssprop --live-shop-mini-player-offset-x - Distance from the viewport's left or right edge (default 16px).
 * @cssprop --live-shop-mini-player-offset-y - Distance from the viewport's top or bottom edge (default 16px).
 * @cssprop --live-shop-mini-player-radius - Default 12px.
 * @cssprop --live-shop-mini-player-shadow - The floating box's shadow.
 * @cssprop --live-shop-mini-player-toolbar-background - Behind the toolbar's buttons.
 * @fires live-shop-ready - {@link ReadyEvent}
 * @fires live-shop-state-change - {@link StateChangeEvent}
 * @fires live-shop-product-shown - {@link ProductShownEvent}
 * @fires live-shop-error - {@link PlayerErrorEvent}
 * @fires live-shop-add-to-cart - from a card (cancelable: cancel it to keep the cart yourself)
 * @fires live-shop-checkout - from a card's Buy on a payment link (cancelable)
 */
export class LiveShopElement extends LitElement {
  static readonly version = VERSION;
  static override styles = [liveShopStyles, featureStyles, miniPlayerStyles];
  static override properties: PropertyDeclarations = {
    show: { reflect: true },
    server: {},
    src: {},
    playbackId: { attribute: 'playback-id' },
    engine: {},
    mode: { reflect: true },
    locale: {},
    autoplay: { converter: optionalBoolean },
    muted: { converter: optionalBoolean },
    beacon: {},
    consent: {},
    storeDomain: { attribute: 'store-domain' },
    storefrontToken: { attribute: 'storefront-token' },
    storefrontEndpoint: { attribute: 'storefront-endpoint' },
    checkoutTarget: { attribute: 'checkout-target' },
    miniPlayer: { attribute: 'mini-player' },
    features: {},
    strings: { attribute: false },
  };

  declare show: string | undefined;
  declare server: string | undefined;
  declare src: string | undefined;
  declare playbackId: string | undefined;
  declare engine: string | undefined;
  declare mode: PlayerMode;
  declare locale: string | undefined;
  declare autoplay: boolean | undefined;
  declare muted: boolean | undefined;
  declare beacon: string | undefined;
  declare consent: string | undefined;
  declare storeDomain: string | undefined;
  declare storefrontToken: string | undefined;
  declare storefrontEndpoint: string | undefined;
  declare checkoutTarget: CheckoutTarget | undefined;
  /** "off" turns the mini-player off. */
  declare miniPlayer: string | undefined;
  /**
   * The parts of the show to show, space-separated: chat, shelf, moments, reactions,
   * polls, viewers, offers, status; default all.
   */
  declare features: string | undefined;
  declare strings: Partial<PlayerStrings> | undefined;

  readonly #store = createShowStore();
  // The video the script-tag loader already plays the stream into, if it did (loader.ts).
  readonly #video = takeLoaderVideo(this) ?? document.createElement('video');
  readonly #media = document.createElement('div');
  // Takes #media into its floating box now, before anything plays (see MiniPlayerController).
  readonly #miniPlayer = new MiniPlayerController(this, { media: this.#media, strings: () => this.#strings().miniPlayer });
  readonly #scheduler = new PdtScheduler(this, this.#store, {
    state: (state, framePdt) => this.#onState(state, framePdt),
    firstFrame: () => this.#onFirstFrame(),
  });
  readonly #commerce: CommerceController = new CommerceController(this, {
    storeAdapter: () => loadStoreAdapter(this, () => this.#commerce.cartAttributes(), () => this.#strings().storefront),
    notice: (error) => this.#report(error),
  });
  readonly #features: ShowFeatures = new ShowFeatures(this, (error) => this.#report(error));
  /** The text of the player's language (French, Spanish, Arabic ship), once loaded. */
  #language: { tag: string; strings: Partial<PlayerStrings> | undefined } | undefined;
  #merged: { language: Partial<PlayerStrings> | undefined; page: Partial<PlayerStrings> | undefined; strings: PlayerStrings } | undefined;
  #engine: PlayerEngine | undefined;
  #engineRun = 0;
  #source: ShowEventSource | undefined;
  #customSource: ShowEventSource | undefined;
  #sourceRun = 0;
  #started = false;
  #framePresented = false;
  #videoError: PlayerError | undefined;
  #notice: PlayerError | undefined;
  /** Seqs of the highlights on screen, to tell which are new. */
  #shownSeqs = new Set<number>();
  /** `state` for the last `$state` and `$live` it was asked for, so it stays one object between changes. */
  #stateWithLive: { base: ShowState; live: LiveState; state: ShowState } | undefined;

  constructor() {
    super();
    this.mode = 'live';
    this.#media.className = 'media';
    this.#media.setAttribute('part', 'video');
    this.#video.playsInline = true;
    this.#video.controls = true;
    this.#media.append(this.#video);
  }

  // These read the atoms' `.value`: plain atoms have no mount logic, and get() would
  // mount and unmount one (allocating) on every read.

  /** The program date time (epoch ms) of the frame on screen, once known. */
  get currentPdt(): number | undefined {
    return this.#store.$currentPdt.value;
  }

  /**
   * The program date time (epoch ms) of a media time (seconds, as in `video.currentTime`
   * or a requestVideoFrameCallback's `mediaTime`), or undefined while the stream's dates
   * are not known. Useful to stamp what a viewer saw, and to measure sync.
   */
  pdtAtMediaTime(mediaTime: number): number | undefined {
    return this.#engine?.pdtAt(mediaTime);
  }

  /**
   * The dates the viewer can seek to now (epoch ms): the live DVR window up to the live
   * edge, or the whole recording in replay; undefined until the stream's dates are known.
   */
  seekableRange(): PdtRange | undefined {
    return this.#engine?.seekableRange();
  }

  /**
   * Seeks the video to the frame dated `pdt` (epoch ms), e.g. a product's moment from
   * `state.moments`: the engine maps the date to media time through the playlist's
   * fragments, so it lands on that frame across discontinuities too. Returns false, and
   * leaves the video alone, when `pdt` is outside {@link seekableRange} (before the DVR
   * window, after the live edge) or the stream's dates are not known yet.
   */
  seekToPdt(pdt: number): boolean {
    const range = this.#engine?.seekableRange();
    if (!range || !(pdt >= range.startPdt && pdt <= range.endPdt)) return false;
    const mediaTime = this.#engine?.mediaTimeAt(pdt);
    if (mediaTime === undefined) return false;
    this.video.currentTime = mediaTime;
    return true;
  }

  /**
   * The show state at the frame on screen, with the live audience values laid over it
   * (`withLive`: reaction totals, viewer count, poll tallies, own shadow messages).
   */
  get state(): ShowState {
    const base = this.#store.$state.value;
    const live = this.#store.$live.value;
    if (this.#stateWithLive?.base !== base || this.#stateWithLive.live !== live) this.#stateWithLive = { base, live, state: withLive(base, live) };
    return this.#stateWithLive.state;
  }

  /**
   * The audience news that is not in the log (reaction totals, viewer count, poll tallies,
   * this viewer's shadow-banned messages), already laid over `state`; empty in replay.
   */
  get liveState(): LiveState {
    return this.#store.$live.value;
  }

  /** The atoms behind `state`, `currentPdt` and the connection, for framework bindings. */
  get store(): ShowStore {
    return this.#store;
  }

  /** The <video> on screen (inside mux-player's shadow root for that engine). */
  get video(): HTMLVideoElement {
    return this.#engine?.video ?? this.#video;
  }

  /**
   * The cart in use: one set here (any `CommerceAdapter`), else the Shopify store of
   * `store-domain`, else the host site's cart (see `setCart`). Setting undefined goes
   * back to the store's.
   */
  get cartAdapter(): CommerceAdapter | undefined {
    return this.#commerce.adapter;
  }

  set cartAdapter(adapter: CommerceAdapter | undefined) {
    this.#commerce.setCustom(adapter);
  }

  /** The cart on the badge, once loaded. */
  get cart(): Cart | undefined {
    return this.#commerce.cart;
  }

  /**
   * For a site with its own cart: shows `cart` (count and lines) on the badge and in the
   * drawer. Call it whenever the site's cart changes. See {@link useHostCart} to take the
   * viewer's changes in the drawer.
   */
  setCart(cart: HostCart): void {
    this.#commerce.setHostCart(cart);
  }

  /**
   * Uses the host site's cart: Add to cart (when no listener cancels the event) and the
   * drawer's quantity changes, removals and checkout go to `handlers`; push the cart back
   * with {@link setCart} (or return it from the handler).
   */
  useHostCart(handlers: HostCartHandlers): void {
    this.#commerce.useHostCart(handlers);
  }

  /** Opens the cart drawer. */
  openCart(): Promise<void> {
    return this.#commerce.open();
  }

  /** Where events come from: the relay (live) or the recorded log (replay) unless set. */
  get source(): ShowEventSource | undefined {
    return this.#source;
  }

  /** Use your own source (e.g. a `CustomSource`); undefined goes back to the default. */
  set source(source: ShowEventSource | undefined) {
    this.#customSource = source;
    if (this.#started) void this.#startSource();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.#started) this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Moving the element (remove, then insert elsewhere) must not restart the stream.
    queueMicrotask(() => {
      if (!this.isConnected) this.#stop();
    });
  }

  // willUpdate, not updated: what this starts re-renders, and that render joins this update.
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.#started) {
      this.#start();
      return;
    }
    if (changed.has('autoplay') || changed.has('muted') || changed.has('mode')) this.#applyPlayback();
    if (changed.has('src') || changed.has('playbackId') || changed.has('engine') || changed.has('mode')) void this.#loadEngine();
    if (changed.has('show') || changed.has('server') || changed.has('mode')) void this.#startSource();
    if (changed.has('storeDomain') || changed.has('storefrontToken') || changed.has('storefrontEndpoint')) void this.#commerce.loadStore();
  }

  protected override render(): TemplateResult {
    const strings = this.#strings();
    const videoError = this.#videoError;
    const live = this.mode !== 'replay';
    const connection = this.#store.$connection.value;
    const status = !this.#framePresented
      ? strings.connecting
      : !live
        ? strings.replay
        : connection === 'reconnecting'
          ? strings.reconnecting
          : strings.live;
    const shown = this.#commerce.withStore(this.state);
    const features = {
      state: shown,
      strings,
      locale: this.#locale(),
      enabled: enabledFeatures(this.features),
      reactionTick: this.#store.$reactionTick.value,
      currentPdt: this.currentPdt,
      started: this.#framePresented,
    };
    // Over the video, or under it in a compact player (where, with no card on, it takes no room).
    const compact = this.#features.compact;
    const cards = shownProducts(shown, 1).length > 0;
    const highlights = html`<live-shop-highlights
      part="highlights"
      class=${compact && !cards ? 'highlights empty' : 'highlights'}
      exportparts=${EXPORTED_PARTS.highlights}
      .state=${shown}
      .locale=${this.#locale()}
      .strings=${strings.cards}
    ></live-shop-highlights>`;
    return html`
      <div part="base" class="base">
        ${this.#miniPlayer.frame}
        ${this.#features.renderOverlay(features)}
        ${compact ? nothing : highlights}
        ${renderCart(this.#commerce, {
          locale: this.#locale(),
          checkoutTarget: this.checkoutTarget ?? '_self',
          strings,
        })}
        ${videoError
          ? html`<div part="error" class="error" role="alert">${videoError.message}</div>`
          : html`<div part="status" class="status ${this.#framePresented && live ? 'live' : ''}">
              ${status}${this.#notice ? html`<span class="notice" role="status">· ${this.#notice.message}</span>` : nothing}
            </div>`}
      </div>
      ${this.#features.renderPanel(features, highlights)}
    `;
  }

  /** The `locale` attribute, else the element's language (the nearest `lang`, as HTML defines it). */
  #locale(): string | undefined {
    return this.locale ?? (this.closest('[lang]')?.getAttribute('lang') || undefined);
  }

  /** English, under the player's language, under the page's `strings`. */
  #strings(): PlayerStrings {
    const tag = this.#locale() ?? navigator.language;
    if (this.#language?.tag !== tag) void this.#loadLanguage(tag);
    const language = this.#language?.tag === tag ? this.#language.strings : undefined;
    // Called on every render: merged again only when the language or the page's strings change.
    const cached = this.#merged;
    if (!cached || cached.language !== language || cached.page !== this.strings) {
      this.#merged = { language, page: this.strings, strings: mergeStrings(defaultPlayerStrings, language, this.strings) };
    }
    return this.#merged!.strings;
  }

  async #loadLanguage(tag: string): Promise<void> {
    this.#language = { tag, strings: undefined };
    try {
      const locale = await loadLocale(tag);
      if (this.#language.tag !== tag || !locale) return;
      this.#language = { tag, strings: localeStrings(locale) };
      this.requestUpdate();
    } catch (error) {
      console.warn(`[live-shop] The text for "${tag}" could not be loaded; showing English.`, error);
    }
  }

  #start(): void {
    this.#started = true;
    this.#applyPlayback(true);
    void this.#loadEngine();
    void this.#startSource();
    void this.#commerce.loadStore();
  }

  #stop(): void {
    this.#started = false;
    this.#engineRun++;
    this.#sourceRun++;
    this.#scheduler.setEngine(undefined);
    this.#engine?.destroy();
    this.#engine = undefined;
    this.#source?.stop();
    this.#source = undefined;
  }

  /**
   * Live autoplays muted by default; a replay waits for the viewer. `starting`: the
   * element's first call, when the video may be the loader's, loaded already.
   */
  #applyPlayback(starting = false): void {
    const autoplay = this.autoplay ?? this.mode !== 'replay';
    this.#video.autoplay = autoplay;
    this.#video.muted = this.muted ?? autoplay;
    if (!autoplay) return;
    // Browsers refuse autoplay with sound without a gesture: then play muted rather than not at all.
    const play = (): void => {
      this.#video.play().catch(() => {
        this.#video.muted = true;
        return this.#video.play().catch(() => undefined);
      });
    };
    // The loader's video is past canplay already if its autoplay was refused (sound).
    if (starting && this.#video.paused && this.#video.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA) play();
    else if (!this.#video.muted) this.#video.addEventListener('canplay', play, { once: true });
  }

  async #loadEngine(): Promise<void> {
    const run = ++this.#engineRun;
    this.#scheduler.setEngine(undefined);
    this.#engine?.destroy();
    this.#engine = undefined;
    this.#media.replaceChildren(this.#video);
    this.#framePresented = false;
    this.#videoError = undefined;
    this.requestUpdate();
    try {
      const engine = await createEngine(
        { src: this.src, playbackId: this.playbackId, engine: this.engine },
        {
          container: this.#media,
          video: this.#video,
          mode: this.mode,
          onError: (error) => {
            if (run === this.#engineRun) this.#report(error);
          },
        },
      );
      if (run !== this.#engineRun) {
        engine.destroy();
        return;
      }
      this.#engine = engine;
      this.#scheduler.setEngine(engine);
    } catch (error) {
      if (run !== this.#engineRun) return;
      if (error instanceof EngineUnavailableError) {
        this.#report(error.playerError);
      } else {
        console.warn('[live-shop] The video engine failed to load:', error);
        this.#report(playerError('engine-load-failed'));
      }
    }
  }

  async #startSource(): Promise<void> {
    const run = ++this.#sourceRun;
    this.#source?.stop();
    this.#source = undefined;
    this.#notice = undefined;
    this.#scheduler.setTimeline(undefined);
    this.#store.$live.set(emptyLiveState);
    this.#store.$reactionTick.set(undefined);
    let source = this.#customSource;
    if (!source && this.show) {
      const server = this.server || location.origin;
      try {
        if (this.mode === 'replay') {
          const { RecordedSource } = await import('./sources/recorded-source.js');
          source = new RecordedSource(server, this.show);
        } else {
          const { RelaySource } = await import('./sources/relay-source.js');
          source = new RelaySource({ server, show: this.show });
        }
      } catch (error) {
        console.warn('[live-shop] The event source failed to load:', error);
        if (run === this.#sourceRun) this.#report(playerError(this.mode === 'replay' ? 'replay-unavailable' : 'relay-unreachable'));
        return;
      }
    }
    if (run !== this.#sourceRun || !source) return;
    this.#source = source;
    source.start(this.#sourceListener(run));
  }

  #sourceListener(run: number): SourceListener {
    const current = () => run === this.#sourceRun;
    return {
      timeline: (timeline) => {
        if (current()) this.#scheduler.setTimeline(timeline);
      },
      connection: (status: ConnectionStatus) => {
        if (!current()) return;
        this.#store.$connection.set(status);
        if (status === 'connected') this.#notice = undefined;
        this.requestUpdate();
      },
      error: (error) => {
        if (current()) this.#report(error);
      },
      live: (live, envelopes) => {
        if (!current()) return;
        for (const envelope of envelopes) if (envelope.type === 'reaction.tick') this.#store.$reactionTick.set(envelope.data);
        this.#store.$live.set(live);
        this.requestUpdate();
        this.dispatchEvent(new StateChangeEvent(this.state));
      },
    };
  }

  #report(error: PlayerError): void {
    const message = this.#strings().errors[error.code] ?? error.message;
    const shown = { code: error.code, message };
    if (isVideoError(shown)) this.#videoError = shown;
    else this.#notice = shown;
    this.requestUpdate();
    this.dispatchEvent(new PlayerErrorEvent(shown));
  }

  #onFirstFrame(): void {
    this.#framePresented = true;
    this.requestUpdate();
    if (this.#engine) this.dispatchEvent(new ReadyEvent({ engine: this.#engine.kind }));
  }

  #onState(state: ShowState, framePdt: number): void {
    const shown: ProductShownDetail[] = [];
    for (const highlight of state.highlights) {
      if (!this.#shownSeqs.has(highlight.seq)) shown.push({ productId: highlight.productId, pdt: highlight.pdt, framePdt });
    }
    this.#shownSeqs = new Set(state.highlights.map((highlight) => highlight.seq));
    this.#commerce.catalogChanged(state.products);
    this.requestUpdate();
    this.dispatchEvent(new StateChangeEvent(this.state));
    if (shown.length > 0) void this.#announceShown(shown);
  }

  /**
   * Fires product-shown once the card is in the DOM: after this element and the card
   * stack rendered, which happens in microtasks of the same frame callback, so before
   * the frame is painted.
   */
  async #announceShown(shown: ProductShownDetail[]): Promise<void> {
    await this.updateComplete;
    await this.renderRoot.querySelector<HighlightStack>('live-shop-highlights')?.updateComplete;
    for (const detail of shown) this.dispatchEvent(new ProductShownEvent(detail));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [TAG]: LiveShopElement;
  }
}
