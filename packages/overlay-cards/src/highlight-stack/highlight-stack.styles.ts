import { css } from 'lit';
import { visuallyHidden } from '../shared-styles.js';

export const highlightStackStyles = [
  visuallyHidden,
  css`
    :host {
      --live-shop-highlights-gap: 8px;
      --live-shop-highlights-enter-duration: 180ms;

      display: block;
    }

    .stack {
      display: flex;
      flex-direction: column;
      gap: var(--live-shop-highlights-gap);
    }

    /* The card must be visible on its frame: it starts half-opaque and settles in briefly. */
    .card {
      animation: enter var(--live-shop-highlights-enter-duration) ease-out;
    }

    @keyframes enter {
      from {
        opacity: 0.5;
        transform: translateY(8px);
      }
    }

    @media (prefers-reduced-motion: reduce) {
      .card {
        animation: none;
      }
    }
  `,
];
