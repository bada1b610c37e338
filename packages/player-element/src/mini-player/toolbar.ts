import { html, nothing, type TemplateResult } from 'lit';
import type { MiniPlayerStrings } from './strings.js';

export interface ToolbarOptions {
  strings: MiniPlayerStrings;
  /** Whether to offer Picture-in-Picture (the browser has it and the video allows it). */
  pictureInPicture: boolean;
  move(): void;
  moveKey(event: KeyboardEvent): void;
  backToShow(): void;
  requestPictureInPicture(): void;
  close(): void;
}

const icon = (path: string): TemplateResult => html`<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d=${path} /></svg>`;

const MOVE = 'M12 3v18M3 12h18M12 3l-3 3M12 3l3 3M12 21l-3-3M12 21l3-3M3 12l3-3M3 12l3 3M21 12l-3-3M21 12l-3 3';
const BACK = 'M4 14v5h5M4 19l6-6M20 10V5h-5M20 5l-6 6';
const PIP = 'M3 5h18v14H3zM12 12h7v5h-7z';
const CLOSE = 'M6 6l12 12M18 6L6 18';

/**
 * The strip above the floating video: the move handle (drag it; arrow keys send the
 * mini-player to that side; pressing it goes to the next corner), Back to the show,
 * Picture-in-Picture where the browser has it, and Close.
 */
export function renderToolbar(options: ToolbarOptions): TemplateResult {
  const { strings } = options;
  return html`
    <button
      part="mini-player-move"
      class="mini-player-button move"
      type="button"
      aria-label=${strings.move}
      title=${strings.move}
      aria-keyshortcuts="ArrowUp ArrowDown ArrowLeft ArrowRight"
      @click=${options.move}
      @keydown=${options.moveKey}
    >
      ${icon(MOVE)}
    </button>
    <span class="mini-player-spacer"></span>
    <button part="mini-player-back" class="mini-player-button" type="button" aria-label=${strings.backToShow} title=${strings.backToShow} @click=${options.backToShow}>
      ${icon(BACK)}
    </button>
    ${options.pictureInPicture
      ? html`<button
          part="mini-player-pip"
          class="mini-player-button"
          type="button"
          aria-label=${strings.pictureInPicture}
          title=${strings.pictureInPicture}
          @click=${options.requestPictureInPicture}
        >
          ${icon(PIP)}
        </button>`
      : nothing}
    <button part="mini-player-close" class="mini-player-button" type="button" aria-label=${strings.close} title=${strings.close} @click=${options.close}>
      ${icon(CLOSE)}
    </button>
  `;
}
