/** The mini-player's text: its name and its buttons' names (also their tooltips). */
export interface MiniPlayerStrings {
  /** The floating player's accessible name. */
  label: string;
  /** The move handle: drag it, press an arrow key to go to that side, or press it for the next corner. */
  move: string;
  /** Scrolls the page back to the player, where the video docks. */
  backToShow: string;
  /** Plays the video in the browser's Picture-in-Picture window. */
  pictureInPicture: string;
  /** Pauses the video and puts it back in the player. */
  close: string;
}

export const defaultMiniPlayerStrings: Readonly<MiniPlayerStrings> = Object.freeze({
  label: 'Mini-player',
  move: 'Move the mini-player',
  backToShow: 'Back to the show',
  pictureInPicture: 'Picture-in-picture',
  close: 'Close the mini-player',
});
