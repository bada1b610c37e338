import { css } from 'lit';

/** The box holding the video, docked in the player, where it fills the player's box. */
export const miniPlayerStyles = css`
  .mini-player {
    position: absolute;
    inset: 0;
  }
`;
