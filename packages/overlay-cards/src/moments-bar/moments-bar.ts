import type { Product, ProductMoment } from '@live-shop/protocol';
import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { styleProps } from '../style-props.js';
import { TAGS } from '../constants.js';
import { momentTime } from '../shelf/moment-time.js';
import { SeekToMomentEvent } from '../shelf/seek-to-moment-event.js';
import { defaultShelfStrings, type ShelfStrings } from '../shelf/shelf-strings.js';
import { fill } from '../strings.js';
import { VERSION } from '../version.js';
import { momentsBarStyles } from './moments-bar.styles.js';

/** The part of the video the bar spans, by program date time (epoch ms): `<live-shop>`'s `seekableRange()`. */
export interface MomentsBarRange {
  startPdt: number;
  endPdt: number;
}

interface Marker {
  moment: ProductMoment;
  label: string;
  percent: number;
}

const percentOf = (pdt: number, range: MomentsBarRange) => ((pdt - range.startPdt) / (range.endPdt - range.startPdt)) * 100;

/**
 * A strip along the video's seek bar with a marker where each product was featured.
 * The native video controls' seek bar cannot carry markers, so this strip sits just above
 * them, spanning the same range (the seekable range: the live DVR window, or the whole
 * recording). Each marker is a button named "Waxed jacket, featured at 12:31" (its
 * tooltip on hover and focus); activating it fires `live-shop-seek-to-moment`. The
 * markers are one toolbar: Tab reaches it once, the arrow keys, Home and End move along
 * it, and Escape hides the tooltip.
 *
 * The strip runs left to right whatever the page's direction, like the video's own seek
 * bar (media timelines are not mirrored).
 *
 * @tag live-shop-moments-bar
 * @csspart base - The strip.
 * @csspart track - The line the markers sit on.
 * @csspart playhead - Where the video is (from `currentPdt`).
 * @csspart marker - A moment's marker (a button).
 * @csspart tooltip - A marker's label, shown on hover and focus.
 * @cssprop --live-shop-moments-bar-height - Height of the strip (default 28px).
 * @cssprop --live-shop-moments-bar-marker-color - Defaults to --live-shop-accent.
 * @cssprop --live-shop-moments-bar-track-color - The line.
 * @cssprop --live-shop-moments-bar-tooltip-background - Defaults to --live-shop-surface.
 * @cssprop --live-shop-moments-bar-tooltip-color - Defaults to --live-shop-text.
 * @fires live-shop-seek-to-moment - {@link SeekToMomentEvent}
 */
export class MomentsBar extends LitElement {
  static readonly version = VERSION;
  static override styles = momentsBarStyles;
  static override properties: PropertyDeclarations = {
    moments: { attribute: false },
    products: { attribute: false },
    range: { attribute: false },
    currentPdt: { type: Number, attribute: 'current-pdt' },
    startPdt: { type: Number, attribute: 'start-pdt' },
    locale: { reflect: true },
    strings: { attribute: false },
    activeIndex: { state: true },
    tooltipsDismissed: { state: true },
  };

  /** The show's product moments (`ShowState.moments`); those outside `range` get no marker. */
  declare moments: readonly ProductMoment[];
  /** The show's products, for the markers' names. */
  declare products: readonly Product[];
  /** The span of the strip (`<live-shop>`.seekableRange()); no markers without it. */
  declare range: MomentsBarRange | undefined;
  /** The pdt of the frame on screen, shown as the playhead. */
  declare currentPdt: number | undefined;
  /** The pdt of the show's first frame: times then read as video positions (see the shelf). */
  declare startPdt: number | undefined;
  declare locale: string | undefined;
  declare strings: Partial<ShelfStrings> | undefined;
  /** The marker that takes the keyboard (roving tabindex). */
  declare protected activeIndex: number;
  declare protected tooltipsDismissed: boolean;

  constructor() {
    super();
    this.moments = [];
    this.products = [];
    this.activeIndex = 0;
    this.tooltipsDismissed = false;
  }

  #markers(): Marker[] {
    const range = this.range;
    if (!range || !(range.endPdt > range.startPdt)) return [];
    const strings = { ...defaultShelfStrings, ...this.strings };
    const clock = { startPdt: this.startPdt, locale: this.locale };
    const markers: Marker[] = [];
    for (const moment of [...this.moments].sort((a, b) => a.pdt - b.pdt)) {
      if (moment.pdt < range.startPdt || moment.pdt > range.endPdt) continue;
      const product = this.products.find((candidate) => candidate.id === moment.productId);
      if (!product) continue;
      markers.push({ moment, percent: percentOf(moment.pdt, range), label: fill(strings.momentMarker, { title: product.title, time: momentTime(moment.pdt, clock) }) });
    }
    return markers;
  }

  protected override render(): TemplateResult {
    const strings = { ...defaultShelfStrings, ...this.strings };
    const markers = this.#markers();
    const active = Math.min(this.activeIndex, markers.length - 1);
    const range = this.range;
    const playhead = range && this.currentPdt !== undefined && this.currentPdt >= range.startPdt && this.currentPdt <= range.endPdt ? percentOf(this.currentPdt, range) : undefined;
    return html`<div
      part="base"
      class="bar ${this.tooltipsDismissed ? 'tooltips-dismissed' : ''}"
      dir="ltr"
      role="toolbar"
      aria-label=${strings.momentsBar}
      @keydown=${this.#onKeyDown}
      @focusin=${this.#onFocusIn}
      @pointerover=${this.#onPointerOver}
    >
      <div part="track" class="track"></div>
      ${playhead === undefined ? nothing : html`<div part="playhead" class="playhead" style=${styleProps({ left: `${playhead}%` })}></div>`}
      ${markers.map(
        (marker, index) => html`<button
          part="marker"
          class="marker ${marker.percent < 15 ? 'edge-start' : marker.percent > 85 ? 'edge-end' : ''}"
          type="button"
          tabindex=${index === active ? 0 : -1}
          style=${styleProps({ left: `${marker.percent}%` })}
          @click=${() => this.#seek(marker.moment)}
        >
          <span part="tooltip" class="tooltip" dir="auto">${marker.label}</span>
        </button>`,
      )}
    </div>`;
  }

  #seek(moment: ProductMoment): void {
    this.dispatchEvent(new SeekToMomentEvent({ pdt: moment.pdt, productId: moment.productId }));
  }

  #buttons(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.marker')];
  }

  #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      this.tooltipsDismissed = true;
      return;
    }
    const buttons = this.#buttons();
    const current = buttons.indexOf(event.target as HTMLButtonElement);
    if (current === -1 || buttons.length === 0) return;
    const last = buttons.length - 1;
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? Math.min(current + 1, last)
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? Math.max(current - 1, 0)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    this.activeIndex = next;
    buttons[next]?.focus();
  };

  #onFocusIn = (event: FocusEvent): void => {
    const index = this.#buttons().indexOf(event.target as HTMLButtonElement);
    if (index !== -1) this.activeIndex = index;
    this.tooltipsDismissed = false;
  };

  #onPointerOver = (): void => {
    this.tooltipsDismissed = false;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    [TAGS.momentsBar]: MomentsBar;
  }
}
