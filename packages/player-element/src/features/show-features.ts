import type { ChatSendEvent, LiveChat, ReactEvent, SeekToMomentEvent, VoteEvent, WatchReplayEvent } from '@live-shop/overlay-cards';
import { EVENTS as OVERLAY_EVENTS } from '@live-shop/overlay-cards/shared';
import { CHAT_KEPT, type Poll, type ShowState } from '@live-shop/protocol';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { playerError, type PlayerError } from '../errors.js';
import type { ReactionTick } from '../store.js';
import type { PdtRange } from '../engines/engine.js';
import type { ShowEventSource } from '../sources/source.js';
import type { PlayerStrings } from '../strings.js';
import { EXPORTED_PARTS } from './exported-parts.js';

/** The parts of a show `<live-shop>` can show; the `features` attribute picks among them. */
export const FEATURES = ['chat', 'shelf', 'moments', 'reactions', 'polls', 'viewers', 'offers', 'status'] as const;
export type Feature = (typeof FEATURES)[number];

/** Which element group each feature needs (overlay-cards `features/*` entry points). */
type Group = 'chat' | 'audience' | 'offers' | 'status' | 'shelf';
const GROUP_OF: Record<Feature, Group> = {
  chat: 'chat',
  shelf: 'shelf',
  moments: 'shelf',
  reactions: 'audience',
  polls: 'audience',
  viewers: 'audience',
  offers: 'offers',
  status: 'status',
};
/**
 * A video box shorter than this (px) makes the player compact: the product cards, the
 * offer, the poll and the reactions go under the video. Over it they need the status line
 * and the viewer count at the top (~64 px), a card (~120 px) and the video's controls
 * (56 px) at the bottom, with the picture still showing between them. So a 16:9 player
 * under 640 px wide (a phone held upright) is compact, while a vertical (9:16) video a
 * phone wide is not: it has the room, and viewers of vertical shows expect them over it.
 */
export const COMPACT_HEIGHT = 360;

/** How long a closed poll's final results stay over the video (playhead time). */
const POLL_RESULTS_MS = 30_000;
/** A playhead that drifts from the wall clock by less than this does not move that timer. */
const POLL_TIMER_SLACK_MS = 250;

// Each group is its own chunk: a show without polls never downloads the poll.
const LOADERS: Record<Group, () => Promise<unknown>> = {
  chat: () => import('@live-shop/overlay-cards/features/chat'),
  audience: () => import('@live-shop/overlay-cards/features/audience'),
  offers: () => import('@live-shop/overlay-cards/features/offers'),
  status: () => import('@live-shop/overlay-cards/features/status'),
  shelf: () => import('@live-shop/overlay-cards/features/shelf'),
};

/** What the controller needs of `<live-shop>`. */
export interface FeaturesHost extends ReactiveControllerHost, HTMLElement {
  readonly show: string | undefined;
  mode: 'live' | 'replay';
  src: string | undefined;
  playbackId: string | undefined;
  readonly source: ShowEventSource | undefined;
  seekToPdt(pdt: number): boolean;
  seekableRange(): PdtRange | undefined;
  readonly video: HTMLVideoElement;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface RenderOptions {
  /** The state on screen, with the store's prices (what the cards show). */
  state: ShowState;
  strings: PlayerStrings;
  locale: string | undefined;
  /** The enabled features (from the `features` attribute). */
  enabled: ReadonlySet<Feature>;
  reactionTick: ReactionTick | undefined;
  currentPdt: number | undefined;
  /** Whether the first frame is on screen (the status screen waits for the show's state). */
  started: boolean;
}

/** Parses the `features` attribute: a space-separated list, or "all" (default). */
export function enabledFeatures(value: string | undefined): Set<Feature> {
  if (value === undefined || value.trim() === '' || value.trim() === 'all') return new Set(FEATURES);
  const words = value.toLowerCase().split(/[\s,]+/);
  return new Set(FEATURES.filter((feature) => words.includes(feature)));
}

/**
 * The show around the video: status screens, offers, polls, reactions, the viewer count,
 * the moments bar, and the panel with the product shelf and the chat. Each group of
 * elements loads the first time the show needs it. The viewers' chat, reactions and votes
 * go to the event source (the relay), and its answers back to the element that asked.
 */
export class ShowFeatures implements ReactiveController {
  readonly #host: FeaturesHost;
  readonly #notice: (error: PlayerError) => void;
  readonly #loaded = new Set<Group>();
  readonly #loading = new Set<Group>();
  /** The timer that renders when a closed poll's results are due to go, and when (performance.now()). */
  #pollTimer: { id: ReturnType<typeof setTimeout>; due: number } | undefined;
  #resize: ResizeObserver | undefined;
  /** The video box, whose height decides {@link compact}. */
  #base: Element | undefined;
  #compact = false;
  /** The viewer's vote, or why it was refused, per poll. */
  readonly #votes = new Map<string, { optionId?: string; error?: { code: string; message: string } }>();
  /** Ids the relay gave the viewer's messages: the chat marks them (and keeps them across tab switches). */
  #ownMessageIds: readonly string[] = [];
  #tab: 'chat' | 'shelf' | undefined;

  constructor(host: FeaturesHost, notice: (error: PlayerError) => void) {
    this.#host = host;
    this.#notice = notice;
    host.addController(this);
    host.addEventListener(OVERLAY_EVENTS.chatSend, (event) => void this.#onChatSend(event));
    host.addEventListener(OVERLAY_EVENTS.react, (event) => void this.#onReact(event));
    host.addEventListener(OVERLAY_EVENTS.vote, (event) => void this.#onVote(event));
    host.addEventListener(OVERLAY_EVENTS.seekToMoment, (event) => this.#onSeek(event));
    host.addEventListener(OVERLAY_EVENTS.watchReplay, (event) => this.#onWatchReplay(event));
  }

  /**
   * Whether the video box is too short for the show over it (see COMPACT_HEIGHT): then the
   * product cards, the offer, the poll and the reactions go under the video, where they
   * hide neither one another nor most of the picture.
   */
  get compact(): boolean {
    return this.#compact;
  }

  hostConnected(): void {
    if (this.#base) this.#resize?.observe(this.#base);
  }

  hostUpdated(): void {
    if (this.#base) return;
    const base = this.#host.renderRoot.querySelector('.base');
    if (!base) return;
    this.#base = base;
    this.#resize ??= new ResizeObserver(([entry]) => {
      const height = entry?.contentRect.height ?? 0;
      const compact = height > 0 && height < COMPACT_HEIGHT;
      if (compact === this.#compact) return;
      this.#compact = compact;
      this.#host.requestUpdate();
    });
    this.#resize.observe(base);
  }

  hostDisconnected(): void {
    clearTimeout(this.#pollTimer?.id);
    this.#pollTimer = undefined;
    this.#resize?.disconnect();
  }

  /** Whether a feature's elements are defined; starts loading them if not. */
  #ready(feature: Feature): boolean {
    const group = GROUP_OF[feature];
    if (this.#loaded.has(group)) return true;
    if (!this.#loading.has(group)) {
      this.#loading.add(group);
      LOADERS[group]().then(
        () => {
          this.#loaded.add(group);
          this.#host.requestUpdate();
        },
        (error: unknown) => {
          this.#loading.delete(group);
          console.warn(`[live-shop] The ${group} elements failed to load:`, error);
        },
      );
    }
    return false;
  }

  /**
   * The open poll, else the one closed in the last POLL_RESULTS_MS of the playhead: its
   * final results stay a moment instead of vanishing with the close. A timer renders again
   * when they are due to go; it is set again only when that moment moves (a seek), not on
   * every render.
   */
  #pollShown(state: ShowState, currentPdt: number | undefined): Poll | undefined {
    const open = state.polls.findLast((candidate) => !candidate.closed);
    if (open || currentPdt === undefined) return open;
    const last = state.polls.at(-1);
    const left = last?.closedPdt === undefined ? 0 : last.closedPdt + POLL_RESULTS_MS - currentPdt;
    if (left <= 0) return undefined;
    const due = performance.now() + left;
    if (this.#pollTimer === undefined || Math.abs(due - this.#pollTimer.due) > POLL_TIMER_SLACK_MS) {
      clearTimeout(this.#pollTimer?.id);
      const id = setTimeout(() => {
        this.#pollTimer = undefined;
        this.#host.requestUpdate();
      }, left);
      this.#pollTimer = { id, due };
    }
    return last;
  }

  /** What goes over the video. */
  renderOverlay(options: RenderOptions): TemplateResult {
    const { state, strings, locale, enabled } = options;
    const live = this.#host.mode !== 'replay';
    const serverOffset = this.#host.source?.clockOffset ?? 0;
    const phase = state.status.phase;
    // A show that never said it is scheduled (no title, no start time) is just playing.
    const announced = phase !== 'scheduled' || state.status.startsAt !== undefined || state.status.title !== undefined;
    const showStatus = enabled.has('status') && live && options.started && phase !== 'live' && announced;
    return html`
      ${enabled.has('viewers') && live && state.viewers > 0 && this.#ready('viewers')
        ? html`<live-shop-viewer-count part="viewer-count" exportparts=${EXPORTED_PARTS.viewerCount} class="viewer-count" .count=${state.viewers} .locale=${locale} .strings=${strings.viewerCount}></live-shop-viewer-count>`
        : nothing}
      ${this.#compact ? nothing : this.#renderAudience(options)}
      ${showStatus && this.#ready('status')
        ? html`<live-shop-status-screen
            part="status-screen"
            exportparts=${EXPORTED_PARTS.statusScreen}
            class="status-screen"
            .status=${state.status}
            .show=${this.#host.show}
            .serverOffset=${serverOffset}
            .locale=${locale}
            .strings=${strings.status}
          ></live-shop-status-screen>`
        : nothing}
    `;
  }

  /** The newest offer, the poll and the reactions (those on now): over the video, or under it when compact. */
  #renderAudience(options: RenderOptions): TemplateResult[] {
    const { state, strings, locale, enabled } = options;
    const live = this.#host.mode !== 'replay';
    const serverOffset = this.#host.source?.clockOffset ?? 0;
    const offer = state.offers[state.offers.length - 1];
    const poll = this.#pollShown(state, options.currentPdt);
    const vote = poll ? this.#votes.get(poll.pollId) : undefined;
    const shown: TemplateResult[] = [];
    if (enabled.has('offers') && offer && this.#ready('offers')) {
      shown.push(html`<live-shop-offer
        part="offer"
        exportparts=${EXPORTED_PARTS.offer}
        class="offer"
        .offer=${offer}
        .product=${state.products.find((product) => product.id === offer.productId)}
        .serverOffset=${serverOffset}
        .locale=${locale}
        .strings=${strings.offer}
      ></live-shop-offer>`);
    }
    if (enabled.has('polls') && poll && this.#ready('polls')) {
      shown.push(html`<live-shop-poll
        part="poll"
        exportparts=${EXPORTED_PARTS.poll}
        class="poll"
        .poll=${poll}
        .serverOffset=${serverOffset}
        .votedOptionId=${vote?.optionId}
        .error=${vote?.error}
        .locale=${locale}
        .strings=${strings.poll}
      ></live-shop-poll>`);
    }
    if (enabled.has('reactions') && live && state.status.phase === 'live' && this.#ready('reactions')) {
      shown.push(
        html`<live-shop-reactions part="reactions" exportparts=${EXPORTED_PARTS.reactions} class="reactions" .tick=${options.reactionTick} .locale=${locale} .strings=${strings.reactions}></live-shop-reactions>`,
      );
    }
    return shown;
  }

  /** A compact player's product cards, offer, poll and reactions, under the video (taking no room while none is on). */
  #below(options: RenderOptions, highlights: TemplateResult): TemplateResult | typeof nothing {
    return this.#compact ? html`<div class="below">${highlights}${this.#renderAudience(options)}</div>` : nothing;
  }

  /** What goes under the video: when compact, the `highlights` and the rest of the show; the moments bar; the shelf and the chat in tabs. */
  renderPanel(options: RenderOptions, highlights: TemplateResult): TemplateResult {
    const { state, strings, locale, enabled } = options;
    const live = this.#host.mode !== 'replay';
    const startPdt = state.status.replay?.startPdt ?? state.status.startsAt;
    const range = this.#host.seekableRange();
    const showMoments = enabled.has('moments') && state.moments.length > 0 && range !== undefined && this.#ready('moments');
    const tabs: ('shelf' | 'chat')[] = [];
    if (enabled.has('shelf') && state.products.length > 0) tabs.push('shelf');
    // The chat of a show that is on (or its messages, in a replay).
    if (enabled.has('chat') && ((live && state.status.phase === 'live') || state.chat.messages.length > 0)) tabs.push('chat');
    const tab = this.#tab && tabs.includes(this.#tab) ? this.#tab : tabs.includes('chat') && live ? 'chat' : tabs[0];
    const ready = tab !== undefined && this.#ready(tab);
    return html`
      ${this.#below(options, highlights)}
      ${showMoments
        ? html`<live-shop-moments-bar
            part="moments-bar"
            exportparts=${EXPORTED_PARTS.momentsBar}
            class="moments-bar"
            .moments=${state.moments}
            .products=${state.products}
            .range=${range}
            .currentPdt=${options.currentPdt}
            .startPdt=${startPdt}
            .locale=${locale}
            .strings=${strings.momentsBar}
          ></live-shop-moments-bar>`
        : nothing}
      ${tab === undefined
        ? nothing
        : html`<section part="panel" class="panel">
            ${tabs.length > 1
              ? html`<div role="tablist" class="tabs" aria-label=${strings.panelLabel} @keydown=${(event: KeyboardEvent) => this.#onTabKey(event, tabs)}>
                  ${tabs.map(
                    (name) => html`<button
                      role="tab"
                      part="tab"
                      class="tab"
                      id=${`tab-${name}`}
                      aria-controls="tab-panel"
                      aria-selected=${name === tab ? 'true' : 'false'}
                      tabindex=${name === tab ? '0' : '-1'}
                      @click=${() => this.#select(name)}
                    >
                      ${name === 'chat' ? strings.chatTab : strings.shelfTab}
                    </button>`,
                  )}
                </div>`
              : nothing}
            <div id="tab-panel" class="tab-panel" role=${tabs.length > 1 ? 'tabpanel' : 'region'} aria-labelledby=${tabs.length > 1 ? `tab-${tab}` : nothing} aria-label=${tabs.length > 1 ? nothing : tab === 'chat' ? strings.chatTab : strings.shelfTab}>
              ${!ready
                ? nothing
                : tab === 'chat'
                  ? html`<live-shop-chat
                      part="chat"
                      exportparts=${EXPORTED_PARTS.chat}
                      class="chat"
                      .messages=${state.chat.messages}
                      .pinnedId=${state.chat.pinnedId}
                      .ownMessageIds=${this.#ownMessageIds}
                      .ownAuthorId=${this.#host.source?.authorId}
                      .serverOffset=${this.#host.source?.clockOffset ?? 0}
                      .closed=${!live}
                      .locale=${locale}
                      .strings=${strings.chat}
                    ></live-shop-chat>`
                  : html`<live-shop-shelf
                      part="shelf"
                      exportparts=${EXPORTED_PARTS.shelf}
                      class="shelf"
                      .products=${state.products}
                      .moments=${state.moments}
                      .startPdt=${startPdt}
                      .locale=${locale}
                      .strings=${strings.shelf}
                    ></live-shop-shelf>`}
            </div>
          </section>`}
    `;
  }

  #select(tab: 'chat' | 'shelf'): void {
    this.#tab = tab;
    this.#host.requestUpdate();
  }

  /** Arrow keys move between tabs (the WAI-ARIA tabs pattern). */
  #onTabKey(event: KeyboardEvent, tabs: ('shelf' | 'chat')[]): void {
    const current = tabs.indexOf(this.#tab && tabs.includes(this.#tab) ? this.#tab : (tabs[0] ?? 'shelf'));
    const rtl = getComputedStyle(this.#host).direction === 'rtl';
    const step = event.key === 'ArrowRight' ? (rtl ? -1 : 1) : event.key === 'ArrowLeft' ? (rtl ? 1 : -1) : 0;
    let next = current + step;
    if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    else if (step === 0) return;
    event.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length];
    if (!tab) return;
    this.#select(tab);
    void this.#host.updateComplete.then(() => this.#host.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  // ---- what the viewer sends ----

  async #onChatSend(event: ChatSendEvent): Promise<void> {
    // Retargeted at the host: the chat that fired it is the first of the path.
    const chat = event.composedPath()[0] as LiveChat;
    const source = this.#host.source;
    const ack = source?.chat ? await source.chat(event.detail.text, event.detail.name) : undefined;
    if (ack?.ok) {
      // As many as the state keeps messages: older ones have left the chat.
      this.#ownMessageIds = [...this.#ownMessageIds, ack.messageId].slice(-CHAT_KEPT);
      chat.sent({ messageId: ack.messageId, nextSendInMs: ack.nextSendInMs });
      this.#host.requestUpdate();
    } else chat.failed(ack?.ok === false ? ack.error : { code: 'unsupported', message: playerError('chat-unavailable').message });
  }

  async #onReact(event: ReactEvent): Promise<void> {
    if (event.defaultPrevented) return;
    // The element has already shown the viewer's own reaction; a refused one just stops there.
    await this.#host.source?.react?.(event.detail.kind);
  }

  async #onVote(event: VoteEvent): Promise<void> {
    if (event.defaultPrevented) return;
    const { pollId, optionId } = event.detail;
    const source = this.#host.source;
    const ack = source?.vote ? await source.vote(pollId, optionId) : undefined;
    if (ack?.ok) this.#votes.set(pollId, { optionId: ack.optionId ?? optionId });
    else this.#votes.set(pollId, { error: ack?.ok === false ? ack.error : { code: 'unsupported', message: playerError('vote-unavailable').message } });
    this.#host.requestUpdate();
  }

  #onSeek(event: SeekToMomentEvent): void {
    if (event.defaultPrevented) return;
    if (!this.#host.seekToPdt(event.detail.pdt)) {
      this.#notice(playerError('moment-unavailable'));
      return;
    }
    // Watching the moment: play from there (a paused replay too; muted if the browser insists).
    const video = this.#host.video;
    video.play().catch(() => {
      video.muted = true;
      return video.play().catch(() => undefined);
    });
  }

  #onWatchReplay(event: WatchReplayEvent): void {
    const replay = event.detail.replay;
    // A page link (replayUrl) goes where it says; otherwise the player plays the recording here.
    if (event.detail.url || (!replay?.src && !replay?.playbackId)) return;
    event.preventDefault();
    if (replay.src) this.#host.src = replay.src;
    if (replay.playbackId) this.#host.playbackId = replay.playbackId;
    this.#host.mode = 'replay';
  }
}
