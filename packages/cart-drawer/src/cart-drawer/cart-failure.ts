import { html, nothing, type TemplateResult } from 'lit';
import type { CartStrings } from '../strings.js';
import type { Failure } from './cart-controller.js';

/**
 * A failed adapter call in the adapter's words, as an alert, with Try again when another
 * try may work. The drawer shows it above the lines, or beside the line the change was
 * made on (the same parts either way, so one style fits both).
 */
export function renderFailure(failure: Failure, strings: CartStrings): TemplateResult {
  return html`<div part="error" class="error" role="alert">
    <p>${failure.message}</p>
    ${failure.retry
      ? html`<button part="retry-button" class="retry" type="button" @click=${failure.retry}>${strings.retry}</button>`
      : nothing}
  </div>`;
}
