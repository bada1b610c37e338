import { css, html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { TAGS } from '../constants.js';
import { SignInEvent } from '../events.js';
import { controlStyles } from '../theme.js';
import { VERSION } from '../version.js';

/**
 * Asks for the producer token. The console keeps it in sessionStorage; the relay checks it
 * on the socket handshake before anything is posted.
 *
 * @tag live-shop-console-sign-in
 * @fires live-shop-console-sign-in - {@link SignInEvent}, with the token as typed (trimmed).
 */
export class SignInForm extends LitElement {
  static readonly version = VERSION;
  static override styles = [
    controlStyles,
    css`
      form {
        display: grid;
        gap: 10px;
      }
      .error {
        padding: 8px 10px;
        color: #ffffff;
        background: color-mix(in srgb, var(--console-danger-strong) 45%, transparent);
        border: 1px solid var(--console-danger);
        border-radius: 6px;
      }
      .help {
        font-size: 13px;
      }
      code {
        font-family: var(--console-mono);
        font-size: 12px;
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    show: {},
    error: {},
    checking: { type: Boolean },
  };

  /** The show the token is for (shown in the help text). */
  declare show: string;
  /** Why the last token was refused, shown above the field; set by the console. */
  declare error: string | undefined;
  /** The relay is checking a token: the button waits. */
  declare checking: boolean;

  constructor() {
    super();
    this.show = '';
    this.checking = false;
  }

  /** Moves focus to the token field (after a refusal, so the producer can paste again). */
  override focus(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('error') && this.error) this.focus();
  }

  protected override render(): TemplateResult {
    return html`
      <form @submit=${this.#onSubmit} aria-describedby="token-help">
        ${this.error ? html`<p class="error" role="alert" id="token-error">${this.error}</p>` : nothing}
        <div>
          <label for="token">Producer token for show “${this.show}”</label>
          <div class="row">
            <input
              id="token"
              name="token"
              type="password"
              autocomplete="off"
              spellcheck="false"
              required
              placeholder="eyJhbGciOi…"
              aria-invalid=${this.error ? 'true' : 'false'}
              aria-describedby=${this.error ? 'token-error token-help' : 'token-help'}
            />
            <button class="primary" type="submit" ?disabled=${this.checking}>${this.checking ? 'Checking…' : 'Open console'}</button>
          </div>
        </div>
        <p class="help muted" id="token-help">
          The relay issues tokens with <code>POST /v1/shows/${this.show}/tokens {"role": "producer"}</code> and the
          admin key; the demo prints one when it starts. The token stays in this tab only.
        </p>
      </form>
    `;
  }

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('input');
    const token = input?.value.trim() ?? '';
    this.dispatchEvent(new SignInEvent(token));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    [TAGS.signIn]: SignInForm;
  }
}
