import type { LiveShopElement } from '@live-shop/player-element';
import { css, html, LitElement, type PropertyDeclarations, type TemplateResult } from 'lit';
import { DEFAULT_PREVIEW_SRC, TAGS } from '../constants.js';
import { formatClock, formatLatency } from '../format.js';
import { controlStyles } from '../theme.js';
import { VERSION } from '../version.js';

/** How often the latency readout refreshes. */
const READOUT_INTERVAL_MS = 1_000;

/**
 * The show's own stream, muted, as viewers get it (with their product cards over it), and
 * how far behind real time it is. The producer reacts to what this preview shows, so
 * every action is stamped with the program date time of its frame (`currentPdt`).
 *
 * @tag live-shop-console-preview
 */
export class PreviewPanel extends LitElement {
  static readonly version = VERSION;
  static override styles = [
    controlStyles,
    css`
      live-shop {
        --live-shop-player-radius: 6px;
        display: block;
        margin-bottom: 8px;
      }
      /* The cards viewers get, smaller: the producer needs to see the picture around them. */
      live-shop::part(card) {
        --live-shop-card-width: 200px;
        --live-shop-card-image-size: 40px;
      }
      .readout {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 14px;
        margin-bottom: 8px;
        font-size: 13px;
      }
      .readout strong {
        font-family: var(--console-mono);
        font-variant-numeric: tabular-nums;
      }
      .slow {
        color: var(--console-warn);
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    show: {},
    src: {},
    clockOffset: { attribute: false },
    _now: { state: true },
  };

  /** The show id whose events the preview shows. */
  declare show: string;
  /** The preview's HLS stream. */
  declare src: string;
  /** The relay's clock minus this browser's (ms), from `GET /v1/time`. */
  declare clockOffset: number;
  declare _now: number;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.show = '';
    this.src = DEFAULT_PREVIEW_SRC;
    this.clockOffset = 0;
    this._now = Date.now();
  }

  /** The `<live-shop>` of the preview. */
  get player(): LiveShopElement | null {
    return this.renderRoot.querySelector('live-shop');
  }

  /** The program date time of the frame the preview shows now, or undefined before it plays. */
  get currentPdt(): number | undefined {
    return this.player?.currentPdt;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#timer = setInterval(() => {
      this._now = Date.now();
    }, READOUT_INTERVAL_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
  }

  protected override render(): TemplateResult {
    const pdt = this.currentPdt;
    // Latency on the relay's clock: the stream's dates are the relay's, not this laptop's.
    const latency = pdt === undefined ? undefined : this._now + this.clockOffset - pdt;
    return html`
      <section class="panel" aria-labelledby="preview-heading">
        <div class="panel-header">
          <h2 id="preview-heading">Preview</h2>
          <span class="muted">muted</span>
        </div>
        <live-shop show=${this.show} src=${this.src} muted mini-player="off" features="offers polls reactions viewers status"></live-shop>
        <p class="readout" aria-label="Preview timing">
          <span>Latency <strong class=${latency !== undefined && latency > 30_000 ? 'slow' : ''} data-latency>${latency === undefined ? '—' : formatLatency(latency)}</strong></span>
          <span>Frame <strong>${pdt === undefined ? 'waiting for the stream…' : formatClock(pdt)}</strong></span>
        </p>
        <form class="row" @submit=${this.#onSubmit}>
          <div>
            <label for="src">Preview stream (HLS)</label>
            <input id="src" name="src" type="text" inputmode="url" .value=${this.src} spellcheck="false" autocomplete="off" />
          </div>
          <button type="submit">Load</button>
        </form>
      </section>
    `;
  }

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const value = this.renderRoot.querySelector<HTMLInputElement>('#src')?.value.trim();
    if (value) this.src = value;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    [TAGS.preview]: PreviewPanel;
  }
}
