import { css } from 'lit';

/**
 * Where the show's elements sit: over the video (viewer count under the status line,
 * the offer across the top, the poll at the inline end, reactions above the controls, a
 * status screen over everything) and under it (the moments bar, then the panel with the
 * shelf and the chat). A compact player (a short video box: a 16:9 video a phone wide)
 * puts the product cards, the offer, the poll and the reactions under the video, before
 * the moments bar. Each element has its own custom properties and parts.
 */
export const featureStyles = css`
  :host {
    --live-shop-player-panel-background: var(--live-shop-surface, #ffffff);
    --live-shop-player-panel-color: var(--live-shop-text, #1a1a1a);
    --live-shop-player-tab-accent: var(--live-shop-accent, #d6246e);
  }

  .viewer-count {
    position: absolute;
    top: 44px;
    inset-inline-start: 12px;
  }

  .offer {
    position: absolute;
    top: 12px;
    inset-inline-start: 50%;
    translate: -50% 0;
    width: min(var(--live-shop-offer-width, 340px), calc(100% - 200px));
  }

  :host(:dir(rtl)) .offer {
    translate: 50% 0;
  }

  .poll {
    position: absolute;
    top: 64px;
    inset-inline-end: 12px;
    width: min(300px, 45%);
    max-height: calc(100% - 64px - var(--live-shop-player-controls-height));
    overflow: auto;
  }

  .reactions {
    position: absolute;
    inset-inline-end: 12px;
    bottom: var(--live-shop-player-controls-height);
  }

  .status-screen {
    position: absolute;
    inset: 0;
  }

  /* A compact player (a short video box): the cards, the offer, the poll and the reactions under the video. */
  .below {
    display: flex;
    flex-direction: column;
  }

  .below > * {
    margin-top: 8px;
    position: relative;
    inset: auto;
    translate: none;
    width: auto;
    max-height: none;
  }

  .below > .offer,
  .below > .poll {
    max-width: none;
  }

  /* Under the video the cards are a sheet as wide as the player. */
  .below > .highlights {
    position: static;
    width: auto;
    padding: 0;
  }

  .below > .highlights.empty {
    margin-top: 0;
  }

  /* With no picture to cover, the card shows its option selects again (over a short video they are in its details sheet). */
  .below > .highlights::part(card) {
    --live-shop-card-width: none;
    --live-shop-card-picker-display: flex;
  }

  /* The row of reaction buttons at the inline end; the hearts still rise over the video. */
  .below > .reactions {
    align-self: flex-end;
  }

  .moments-bar {
    display: block;
    margin-top: 6px;
  }

  .panel {
    margin-top: 8px;
    color: var(--live-shop-player-panel-color);
    background: var(--live-shop-player-panel-background);
    border-radius: var(--live-shop-player-radius);
  }

  .tabs {
    display: flex;
    gap: 4px;
    padding: 4px 8px 0;
    border-bottom: 1px solid color-mix(in srgb, currentColor 15%, transparent);
  }

  .tab {
    padding: 10px 14px;
    font: inherit;
    font-weight: 600;
    color: inherit;
    background: none;
    border: 0;
    border-bottom: 3px solid transparent;
    cursor: pointer;
  }

  .tab[aria-selected='true'] {
    border-bottom-color: var(--live-shop-player-tab-accent);
  }

  .tab:focus-visible {
    outline: 3px solid var(--live-shop-player-tab-accent);
    outline-offset: -3px;
  }

  .tab-panel {
    padding: 8px;
  }
`;
