import { css } from 'lit';

export const momentsBarStyles = css`
  :host {
    --live-shop-moments-bar-height: 28px;
    --live-shop-moments-bar-marker-color: var(--live-shop-accent, #d6246e);
    --live-shop-moments-bar-track-color: rgb(255 255 255 / 0.35);
    --live-shop-moments-bar-tooltip-background: var(--live-shop-surface, #ffffff);
    --live-shop-moments-bar-tooltip-color: var(--live-shop-text, #111111);

    display: block;
    font-family: var(--live-shop-font, system-ui, sans-serif);
  }

  :host([hidden]) {
    display: none;
  }

  .bar {
    position: relative;
    height: var(--live-shop-moments-bar-height);
  }

  .track {
    position: absolute;
    inset-inline: 0;
    top: 50%;
    height: 2px;
    translate: 0 -50%;
    background: var(--live-shop-moments-bar-track-color);
  }

  .playhead {
    position: absolute;
    top: 20%;
    bottom: 20%;
    width: 2px;
    translate: -50% 0;
    background: var(--live-shop-moments-bar-tooltip-background);
    pointer-events: none;
  }

  /* A 24 px target (WCAG 2.5.8) around a small dot. */
  .marker {
    position: absolute;
    top: 50%;
    width: 24px;
    height: 24px;
    padding: 0;
    translate: -50% -50%;
    background: transparent;
    border: none;
    border-radius: 50%;
    cursor: pointer;
  }

  .marker::before {
    content: '';
    position: absolute;
    inset: 7px;
    border-radius: 50%;
    background: var(--live-shop-moments-bar-marker-color);
    box-shadow: 0 0 0 2px rgb(0 0 0 / 0.35);
  }

  .marker:focus-visible {
    outline: 2px solid var(--live-shop-moments-bar-marker-color);
    outline-offset: 1px;
  }

  .tooltip {
    position: absolute;
    bottom: calc(100% + 6px);
    left: 50%;
    translate: -50% 0;
    width: max-content;
    max-width: 16rem;
    padding: 4px 8px;
    font-size: 0.8rem;
    line-height: 1.3;
    text-align: start;
    color: var(--live-shop-moments-bar-tooltip-color);
    background: var(--live-shop-moments-bar-tooltip-background);
    border-radius: 6px;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.3);
    opacity: 0;
    pointer-events: none;
    transition: opacity 120ms;
  }

  /* Near the ends the tooltip opens inwards, so it stays over the video. */
  .marker.edge-start .tooltip {
    left: 0;
    translate: 0 0;
  }

  .marker.edge-end .tooltip {
    left: auto;
    right: 0;
    translate: 0 0;
  }

  .marker:hover .tooltip,
  .marker:focus-visible .tooltip {
    opacity: 1;
  }

  .bar.tooltips-dismissed .tooltip {
    opacity: 0;
  }

  @media (prefers-reduced-motion: reduce) {
    .tooltip {
      transition: none;
    }
  }
`;
