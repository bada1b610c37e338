import { css } from 'lit';

/**
 * The player's own custom properties, with defaults on :host falling back to the shared
 * --live-shop-* tokens (the same two layers as the cards).
 */
export const liveShopStyles = css`
  :host {
    --live-shop-player-background: #000000;
    --live-shop-player-aspect-ratio: 16 / 9;
    --live-shop-player-object-fit: contain;
    --live-shop-player-radius: var(--live-shop-radius, 0px);
    --live-shop-player-font: var(--live-shop-font, system-ui, sans-serif);
    --live-shop-player-accent: var(--live-shop-accent, #d6246e);
    /* Room left under the cards for the video's own controls. */
    --live-shop-player-controls-height: 56px;
    --live-shop-player-highlights-width: 340px;

    display: block;
    position: relative;
    /* The cards' layout follows the player's width, not the window's. */
    container: live-shop / inline-size;
    font-family: var(--live-shop-player-font);
  }

  :host([hidden]) {
    display: none;
  }

  .base {
    position: relative;
    width: 100%;
    aspect-ratio: var(--live-shop-player-aspect-ratio);
    overflow: hidden;
    background: var(--live-shop-player-background);
    border-radius: var(--live-shop-player-radius);
  }

  .media,
  .media > * {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
  }

  .media video {
    display: block;
    object-fit: var(--live-shop-player-object-fit);
  }

  .highlights {
    position: absolute;
    inset-inline-start: 12px;
    bottom: var(--live-shop-player-controls-height);
    width: min(var(--live-shop-player-highlights-width), calc(100% - 24px));
  }

  /* Narrow players: the cards become a full-width sheet along the bottom edge. */
  @container live-shop (max-width: 520px) {
    .highlights {
      inset-inline: 0;
      width: auto;
      padding: 0 8px;
    }
    /* On the card itself: a card declares its defaults on its own :host, which wins over
       values it would inherit. A page's live-shop::part(card) rule still wins over this. */
    .highlights::part(card) {
      --live-shop-card-width: none;
      --live-shop-card-image-size: 56px;
      /* Over a short video the card stays one compact row: options are in its details sheet. */
      --live-shop-card-picker-display: none;
    }
  }

  .status {
    position: absolute;
    top: 12px;
    inset-inline-start: 12px;
    display: flex;
    gap: 6px;
    align-items: center;
    padding: 3px 10px;
    font-size: 0.8rem;
    font-weight: 600;
    color: #ffffff;
    background: rgb(0 0 0 / 0.6);
    border-radius: 999px;
    pointer-events: none;
  }

  .status.live::before {
    content: '';
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--live-shop-player-accent);
  }

  .notice {
    font-weight: 400;
  }

  .error {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    padding: 24px;
    text-align: center;
    color: #ffffff;
    background: rgb(0 0 0 / 0.8);
  }

  .cart-button {
    position: absolute;
    top: 8px;
    inset-inline-end: 8px;
    display: inline-grid;
    place-items: center;
    width: 44px;
    height: 44px;
    padding: 0;
    color: #ffffff;
    background: rgb(0 0 0 / 0.6);
    border: 0;
    border-radius: 50%;
    cursor: pointer;
  }

  .cart-button:focus-visible {
    outline: 3px solid var(--live-shop-player-accent);
    outline-offset: 2px;
  }

  .cart-count {
    position: absolute;
    top: -2px;
    inset-inline-end: -2px;
    min-width: 20px;
    height: 20px;
    padding: 0 5px;
    box-sizing: border-box;
    font-size: 0.75rem;
    font-weight: 700;
    line-height: 20px;
    text-align: center;
    color: #ffffff;
    background: var(--live-shop-player-accent);
    border-radius: 999px;
  }
`;
