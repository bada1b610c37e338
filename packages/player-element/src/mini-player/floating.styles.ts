import { css } from 'lit';

/**
 * The mini-player floating in the top layer (a manual popover) at a corner of the
 * viewport with a toolbar above the video. The player's box stays where it was, so the
 * page does not move. Loaded with the floating box's code (floating-mini-player.ts).
 */
export const floatingStyles = css`
  :host {
    --live-shop-mini-player-width: min(320px, 50vw);
    --live-shop-mini-player-offset-x: 16px;
    --live-shop-mini-player-offset-y: 16px;
    --live-shop-mini-player-radius: 12px;
    --live-shop-mini-player-shadow: 0 10px 30px rgb(0 0 0 / 0.35), 0 2px 8px rgb(0 0 0 / 0.3);
    --live-shop-mini-player-toolbar-background: #1c1c1c;
  }

  /* Floating. Every UA popover style (centred, bordered, padded, Canvas-coloured) is reset. */
  .mini-player:popover-open {
    position: fixed;
    inset: auto;
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    /* Beside the open cart, --mini-player-room is the width the cart leaves free. */
    width: min(
      var(--live-shop-mini-player-width),
      calc(var(--mini-player-room, 100vw) - 2 * var(--live-shop-mini-player-offset-x))
    );
    height: auto;
    margin: 0;
    padding: 0;
    overflow: hidden;
    color: #ffffff;
    background: var(--live-shop-player-background);
    border: 0;
    border-radius: var(--live-shop-mini-player-radius);
    box-shadow: var(--live-shop-mini-player-shadow);
  }

  /* Above the open cart's sheet on a phone: as wide as the screen, or as the player's shape
     allows in the height the sheet leaves under the toolbar (floating-mini-player.ts). */
  .mini-player:popover-open[data-above-cart] {
    width: max(
      0px,
      min(
        calc(100vw - 2 * var(--live-shop-mini-player-offset-x)),
        calc((var(--mini-player-room-height) - 2 * var(--live-shop-mini-player-offset-y) - var(--mini-player-toolbar-height)) * var(--mini-player-aspect))
      )
    );
  }

  /* --mini-player-stack: the room taken in its corner by other players' mini-players it stacks past (floating-stack.ts). */
  .mini-player[data-vertical='top'] {
    top: calc(var(--live-shop-mini-player-offset-y) + var(--mini-player-stack, 0px));
  }

  .mini-player[data-vertical='bottom'] {
    bottom: calc(var(--live-shop-mini-player-offset-y) + var(--mini-player-stack, 0px));
  }

  .mini-player[data-horizontal='left'] {
    left: var(--live-shop-mini-player-offset-x);
  }

  .mini-player[data-horizontal='right'] {
    right: var(--live-shop-mini-player-offset-x);
  }

  /* The video keeps the player's aspect ratio under the toolbar. */
  .mini-player:popover-open > .media {
    position: relative;
    inset: auto;
    height: auto;
    aspect-ratio: var(--live-shop-player-aspect-ratio);
  }

  .mini-player-toolbar {
    display: flex;
    align-items: center;
    gap: 2px;
    padding: 4px;
    background: var(--live-shop-mini-player-toolbar-background);
    cursor: grab;
    /* The toolbar is the drag handle: touches move the mini-player, not the page. */
    touch-action: none;
    user-select: none;
  }

  .mini-player-toolbar[hidden] {
    display: none;
  }

  .mini-player[data-dragging] .mini-player-toolbar,
  .mini-player[data-dragging] .move {
    cursor: grabbing;
  }

  .mini-player-spacer {
    flex: 1;
  }

  .mini-player-button {
    display: inline-grid;
    place-items: center;
    width: 32px;
    height: 32px;
    padding: 0;
    color: inherit;
    background: transparent;
    border: 0;
    border-radius: 6px;
    cursor: pointer;
  }

  .mini-player-button.move {
    cursor: grab;
  }

  .mini-player-button:hover {
    background: rgb(255 255 255 / 0.16);
  }

  .mini-player-button:focus-visible {
    outline: 2px solid var(--live-shop-player-accent);
    outline-offset: -2px;
  }

  .mini-player-button svg path {
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
`;
