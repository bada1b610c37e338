import { css } from 'lit';

export const shelfStyles = css`
  :host {
    --live-shop-shelf-gap: 12px;
    --live-shop-shelf-item-min-width: 260px;
    --live-shop-shelf-moment-color: var(--live-shop-accent, #d6246e);
    --live-shop-shelf-font: var(--live-shop-font, system-ui, sans-serif);

    display: block;
    font-family: var(--live-shop-shelf-font);
  }

  :host([hidden]) {
    display: none;
  }

  .list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(var(--live-shop-shelf-item-min-width), 100%), 1fr));
    gap: var(--live-shop-shelf-gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .item {
    display: flex;
    min-width: 0;
  }

  /* Beside the video there is room: cards fill their cell, without the overlay's shadow. */
  .card {
    flex: 1;
    --live-shop-card-width: none;
    --live-shop-card-shadow: none;
  }

  .moments {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 6px;
    align-items: center;
    margin: 0;
    font-size: 0.8rem;
  }

  .moment {
    display: inline-flex;
    gap: 4px;
    align-items: center;
    min-height: 24px;
    padding: 2px 8px;
    font: inherit;
    font-variant-numeric: tabular-nums;
    color: var(--live-shop-shelf-moment-color);
    background: transparent;
    border: 1px solid currentColor;
    border-radius: 999px;
    cursor: pointer;
  }

  .moment:focus-visible {
    outline: 2px solid var(--live-shop-shelf-moment-color);
    outline-offset: 2px;
  }

  /* A play triangle pointing the way the video plays (left to right, as its seek bar). */
  .play {
    width: 0;
    height: 0;
    border-block: 4px solid transparent;
    border-left: 7px solid currentColor;
  }
`;
