import { css } from 'lit';
import { visuallyHidden } from '../../shared-styles.js';

export const reactionsStyles = [
  visuallyHidden,
  css`
    :host {
      --live-shop-reactions-background: var(--live-shop-surface, #ffffff);
      --live-shop-reactions-color: var(--live-shop-text, #111111);
      --live-shop-reactions-accent: var(--live-shop-accent, #d6246e);
      --live-shop-reactions-radius: var(--live-shop-radius, 12px);
      --live-shop-reactions-font: var(--live-shop-font, system-ui, sans-serif);
      --live-shop-reactions-button-size: 40px;
      --live-shop-reactions-gap: 6px;
      --live-shop-reactions-particle-size: 28px;
      --live-shop-reactions-rise: 220px;
      --live-shop-reactions-duration: 2000ms;

      display: inline-block;
      position: relative;
      font-family: var(--live-shop-reactions-font);
      color: var(--live-shop-reactions-color);
    }

    :host([hidden]) {
      display: none;
    }

    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: var(--live-shop-reactions-gap);
    }

    .button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 4px;
      min-inline-size: var(--live-shop-reactions-button-size);
      block-size: var(--live-shop-reactions-button-size);
      padding-block: 0;
      padding-inline: 8px;
      font: inherit;
      font-size: 0.85rem;
      font-weight: 600;
      color: var(--live-shop-reactions-color);
      background: var(--live-shop-reactions-background);
      border: 1px solid color-mix(in srgb, var(--live-shop-reactions-color) 15%, transparent);
      border-radius: calc(var(--live-shop-reactions-button-size) / 2);
      cursor: pointer;
      touch-action: manipulation;
    }

    .button:focus-visible {
      outline: 2px solid var(--live-shop-reactions-accent);
      outline-offset: 2px;
    }

    .button:active {
      transform: scale(0.92);
    }

    .emoji {
      font-size: 1.25rem;
      line-height: 1;
    }

    /*
     * The floating reactions rise from the buttons over whatever is above them. The stage
     * takes no room and no clicks; contain keeps its particles out of the page's layout.
     */
    .stage {
      position: absolute;
      inset-inline: 0;
      inset-block-end: 100%;
      block-size: var(--live-shop-reactions-rise);
      pointer-events: none;
      overflow: visible;
      contain: layout style;
    }

    /* Only transform and opacity animate: the compositor moves them, no layout or paint per frame. */
    .particle {
      position: absolute;
      inset-block-end: 0;
      inset-inline-start: var(--x, 50%);
      inline-size: var(--live-shop-reactions-particle-size);
      block-size: var(--live-shop-reactions-particle-size);
      margin-inline-start: calc(var(--live-shop-reactions-particle-size) / -2);
      font-size: calc(var(--live-shop-reactions-particle-size) * 0.8);
      line-height: var(--live-shop-reactions-particle-size);
      text-align: center;
      opacity: 0;
      will-change: transform, opacity;
      animation: rise var(--duration, var(--live-shop-reactions-duration)) cubic-bezier(0.2, 0.6, 0.4, 1) var(--delay, 0ms) 1 both;
    }

    .particle.own {
      --live-shop-reactions-particle-size: 36px;
    }

    @keyframes rise {
      0% {
        opacity: 0;
        transform: translate3d(0, 0, 0) scale(0.6);
      }
      12% {
        opacity: 1;
        transform: translate3d(calc(var(--drift, 0px) * 0.2), calc(var(--live-shop-reactions-rise) * -0.12), 0) scale(1);
      }
      75% {
        opacity: 0.9;
      }
      100% {
        opacity: 0;
        transform: translate3d(var(--drift, 0px), calc(var(--live-shop-reactions-rise) * -1), 0) scale(1.1);
      }
    }

    .count {
      font-variant-numeric: tabular-nums;
    }

    @media (prefers-reduced-motion: reduce) {
      .stage {
        display: none;
      }

      .button:active {
        transform: none;
      }
    }
  `,
];
