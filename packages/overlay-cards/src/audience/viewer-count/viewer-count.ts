import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { TAGS } from '../../constants.js';
import { VERSION } from '../../version.js';
import { fillCount, formatNumber } from '../audience-format.js';
import { withViewerCountDefaults, type ViewerCountStrings } from '../audience-strings.js';
import { viewerCountStyles } from './viewer-count.styles.js';

/**
 * How many people are watching, compact and localized ("1.2K watching", "1,2 k …").
 * Screen readers get the exact number, but no announcement of each change (the count
 * changes every few seconds; `aria-live` is off). Renders nothing until `count` is set.
 *
 * @tag live-shop-viewer-count
 * @csspart base - The badge.
 * @csspart icon - The dot before the count.
 * @csspart label - The text.
 * @cssprop --live-shop-viewer-count-background - Defaults to --live-shop-surface.
 * @cssprop --live-shop-viewer-count-color - Defaults to --live-shop-text.
 * @cssprop --live-shop-viewer-count-accent - The dot; defaults to --live-shop-accent.
 * @cssprop --live-shop-viewer-count-radius - Defaults to --live-shop-radius.
 * @cssprop --live-shop-viewer-count-font - Defaults to --live-shop-font.
 */
export class LiveViewerCount extends LitElement {
  static readonly version = VERSION;
  static override styles = viewerCountStyles;
  static override properties: PropertyDeclarations = {
    count: { type: Number },
    locale: { reflect: true },
    strings: { attribute: false },
  };

  /** The number of viewers (`ShowState.viewers`); nothing shows while undefined. */
  declare count: number | undefined;
  /** BCP 47 locale for the number; defaults to the browser's. */
  declare locale: string | undefined;
  /** Text overrides; see {@link ViewerCountStrings}. */
  declare strings: Partial<ViewerCountStrings> | undefined;

  protected override render(): TemplateResult | typeof nothing {
    const count = this.count;
    if (count === undefined || !Number.isFinite(count) || count < 0) return nothing;
    const { watching } = withViewerCountDefaults(this.strings);
    return html`<span part="base" class="base" aria-live="off">
      <span part="icon" class="icon" aria-hidden="true"></span>
      <span part="label" class="label" aria-hidden="true">${fillCount(watching, count, formatNumber(count, this.locale, 'compact'), this.locale)}</span>
      <span class="visually-hidden">${fillCount(watching, count, formatNumber(count, this.locale), this.locale)}</span>
    </span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [TAGS.viewerCount]: LiveViewerCount;
  }
}
