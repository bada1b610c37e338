import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Cart, CartLine, CartLineInput, CommerceAdapter } from '../commerce-adapter.js';
import { TAGS } from '../constants.js';
import { CartAfterHideEvent, CartAfterShowEvent, CartChangeEvent, CartCheckoutEvent, CartHideEvent, CartShowEvent, type CartHideReason } from '../events.js';
import { httpsUrl } from '../https-url.js';
import { formatMoney } from '@live-shop/overlay-cards/shared';
import { withDefaults, type CartStrings } from '../strings.js';
import { VERSION } from '../version.js';
import { CartController, type Failure } from './cart-controller.js';
import { renderFailure } from './cart-failure.js';
import { renderLine } from './cart-line.js';
import { cartDrawerStyles } from './cart-drawer.styles.js';
import { slide } from './slide.js';

export type CheckoutTarget = '_self' | '_blank';

/** The focused element, looking into shadow roots (the opener may be inside another component). */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}

/**
 * The slide-over cart: a native modal `<dialog>` that slides in from the inline-end side
 * (the right, or the left in a right-to-left page), modelled on Web Awesome's drawer. While
 * it is open the rest of the page is inert, so focus stays inside; Esc, the close button
 * and a click on the overlay ask it to close with a cancelable `live-shop-cart-hide` that
 * says which, and focus goes back to what opened it.
 *
 * The cart comes from `adapter` (a {@link CommerceAdapter}: Shopify, the host site's cart,
 * or a `MemoryCartAdapter`); every change goes through it, and when a call fails the lines
 * stay on screen with the error and a way to try again. A host site that keeps the cart
 * itself pushes its state in with {@link CartDrawer.setCart}.
 *
 * Product text comes from the network and is always rendered as text.
 *
 * @tag live-shop-cart
 * @csspart panel - The dialog, i.e. the sliding panel.
 * @csspart header - The title and close button.
 * @csspart title - The heading.
 * @csspart close-button - The close button.
 * @csspart body - The scrolling list area.
 * @csspart progress - The bar shown while a change is being saved.
 * @csspart error - A failure's message and its retry button: beside the line a failed change was made on, else above the lines.
 * @csspart retry-button - The retry button.
 * @csspart loading - The message shown while the cart first loads.
 * @csspart empty - The empty-cart message.
 * @csspart warning - A warning from the store (beside its line, or above the lines).
 * @csspart line - Each cart line.
 * @csspart image - A line's image (or its placeholder).
 * @csspart line-title - A line's product title.
 * @csspart variant - A line's variant title.
 * @csspart quantity - A line's quantity stepper.
 * @csspart remove-button - A line's remove button.
 * @csspart line-total - A line's total.
 * @csspart footer - The totals and the checkout button.
 * @csspart subtotal - The subtotal amount.
 * @csspart total - The total amount.
 * @csspart checkout-button - The checkout button.
 * @cssprop --live-shop-cart-width - Width of the panel (never wider than the screen).
 * @cssprop --live-shop-cart-sheet-top - On a screen 620 px wide or less, where the panel is a sheet from the bottom edge: the room it leaves at the top (default: a 16:9 video as wide as the screen, at most 45% of its height).
 * @cssprop --live-shop-cart-background - Defaults to --live-shop-surface.
 * @cssprop --live-shop-cart-color - Defaults to --live-shop-text.
 * @cssprop --live-shop-cart-accent - Checkout button colour; defaults to --live-shop-accent.
 * @cssprop --live-shop-cart-accent-text - Text on the checkout button.
 * @cssprop --live-shop-cart-radius - Defaults to --live-shop-radius.
 * @cssprop --live-shop-cart-font - Defaults to --live-shop-font.
 * @cssprop --live-shop-cart-overlay - The backdrop behind the panel.
 * @cssprop --live-shop-cart-image-size - Size of a line's image.
 * @cssprop --live-shop-cart-duration - Length of the slide (none with prefers-reduced-motion).
 * @fires live-shop-cart-show - {@link CartShowEvent}
 * @fires live-shop-cart-after-show - {@link CartAfterShowEvent}
 * @fires live-shop-cart-hide - {@link CartHideEvent} (cancelable)
 * @fires live-shop-cart-after-hide - {@link CartAfterHideEvent}
 * @fires live-shop-cart-checkout - {@link CartCheckoutEvent} (cancelable)
 * @fires live-shop-cart-change - {@link CartChangeEvent}
 */
export class CartDrawer extends LitElement {
  static readonly version = VERSION;
  static override styles = cartDrawerStyles;
  static override properties: PropertyDeclarations = {
    open: { type: Boolean, reflect: true },
    adapter: { attribute: false },
    locale: { reflect: true },
    checkoutTarget: { attribute: 'checkout-target' },
    strings: { attribute: false },
  };

  // `declare` keeps these fields out of the emitted class, so Lit's accessors are never
  // shadowed whatever the compiler's class-field semantics.
  /** Whether the cart is open. Prefer `show()` and `hide()`; setting this fires no hide event. */
  declare open: boolean;
  /** Where the cart lives; every change goes through it. */
  declare adapter: CommerceAdapter | undefined;
  /** BCP 47 locale for prices, e.g. "fr-FR"; defaults to the browser's. */
  declare locale: string | undefined;
  /** Where checkout opens: `_self` (this tab, the default) or `_blank` (a new tab). */
  declare checkoutTarget: CheckoutTarget;
  /** Text overrides; see {@link CartStrings}. */
  declare strings: Partial<CartStrings> | undefined;

  readonly #state = new CartController(this, {
    adapter: () => this.adapter,
    strings: () => withDefaults(this.strings),
    changed: (cart) => this.dispatchEvent(new CartChangeEvent({ cart })),
  });
  #opener: HTMLElement | undefined;
  #transition: Promise<void> = Promise.resolve();

  constructor() {
    super();
    this.open = false;
    this.checkoutTarget = '_self';
  }

  /** The cart on screen. */
  get cart(): Cart | undefined {
    return this.#state.cart;
  }

  /**
   * Shows `cart` as it is. For a host site that keeps the cart itself: call it whenever
   * the host's cart changes; the viewer's changes still go through `adapter` (the host's
   * own adapter, which can call this back). With a `MemoryCartAdapter`, call its
   * `setCart()` instead, so the adapter and every drawer agree.
   */
  setCart(cart: Cart): void {
    this.#state.setCart(cart);
  }

  /** Opens the cart; resolves when it is open (after `live-shop-cart-after-show`). */
  async show(): Promise<void> {
    this.open = true;
    await this.updateComplete;
    await this.#transition;
  }

  /**
   * Asks the cart to close, as the close button does (reason `'method'`). Resolves to
   * false when a `live-shop-cart-hide` listener kept it open, else when it is closed.
   */
  async hide(): Promise<boolean> {
    const closing = this.#requestClose('method');
    await this.updateComplete;
    await this.#transition;
    return closing;
  }

  /** Adds lines through the adapter (e.g. from a product card's add-to-cart); false if that failed (the error is shown). */
  addLines(lines: readonly CartLineInput[]): Promise<boolean> {
    return this.#state.call((adapter) => adapter.addLines(lines));
  }

  /** Reloads the cart from the adapter; false if that failed (the error is shown). */
  refresh(): Promise<boolean> {
    return this.#state.call((adapter) => adapter.getCart());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A removed dialog leaves the top layer but keeps its open attribute, and would come
    // back as a non-modal box in the page: close it (its after-hide fires on reconnect).
    if (this.open) {
      this.#dialog?.close();
      this.#opener = undefined;
      this.open = false;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('adapter')) this.#state.syncAdapter();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    const wasOpen = changed.get('open') === true;
    if (this.open && !wasOpen) this.#transition = this.#opened();
    else if (!this.open && wasOpen) this.#transition = this.#closed();
  }

  protected override render(): TemplateResult {
    const strings = withDefaults(this.strings);
    const { cart, failure, announcement } = this.#state;
    const busy = this.#state.pending > 0;
    const empty = !cart || cart.lines.length === 0;
    // A failed change made on a line shows beside it while the line is on screen; anything
    // else (loading, adding, checkout, or a line that has gone) shows above the lines.
    const besideLine = failure?.lineId !== undefined && cart?.lines.some((line) => line.id === failure.lineId) === true;
    return html`
      <dialog
        part="panel"
        class="panel"
        aria-labelledby="title"
        @cancel=${this.#onCancel}
        @close=${this.#onNativeClose}
        @click=${this.#onDialogClick}
      >
        <header part="header" class="header">
          <h2 part="title" id="title" class="title" tabindex="-1">${strings.title}</h2>
          <button part="close-button" class="close" type="button" aria-label=${strings.close} autofocus @click=${this.#onCloseClick}>
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M3 3l10 10M13 3L3 13" /></svg>
          </button>
        </header>
        <div part="body" class="body" aria-busy=${busy ? 'true' : 'false'}>
          ${busy ? html`<div part="progress" class="progress" role="progressbar" aria-label=${strings.updating}></div>` : nothing}
          ${failure && !besideLine ? renderFailure(failure, strings) : nothing}
          ${this.#renderContents(cart, strings, busy, besideLine ? failure : undefined)}
        </div>
        ${empty ? nothing : this.#renderFooter(cart, strings, busy)}
        <div class="visually-hidden" role="status">${announcement}</div>
      </dialog>
    `;
  }

  #renderContents(cart: Cart | undefined, strings: CartStrings, busy: boolean, lineFailure: Failure | undefined): TemplateResult {
    if (!cart) return html`<p part=${busy ? 'loading' : 'empty'} class="empty">${busy ? strings.loading : strings.empty}</p>`;
    const lineIds = new Set(cart.lines.map((line) => line.id));
    // Warnings about no line on screen (an item that was not added) go above the lines.
    const cartWarnings = cart.warnings.filter((warning) => warning.lineId === undefined || !lineIds.has(warning.lineId));
    return html`
      ${cartWarnings.map((warning) => html`<p part="warning" class="warning">${warning.message}</p>`)}
      ${cart.lines.length === 0
        ? html`<p part="empty" class="empty">${strings.empty}</p>`
        : html`<ul class="lines">
            ${repeat(
              cart.lines,
              (line) => line.id,
              (line) =>
                renderLine(line, {
                  strings,
                  locale: this.locale,
                  busy,
                  warnings: cart.warnings,
                  failure: lineFailure?.lineId === line.id ? lineFailure : undefined,
                  setQuantity: this.#setQuantity,
                  remove: this.#remove,
                }),
            )}
          </ul>`}
    `;
  }

  #renderFooter(cart: Cart, strings: CartStrings, busy: boolean): TemplateResult {
    const showSubtotal = cart.subtotal.amount !== cart.total.amount || cart.subtotal.currencyCode !== cart.total.currencyCode;
    return html`
      <footer part="footer" class="footer">
        <dl class="totals">
          ${showSubtotal
            ? html`<div class="row">
                <dt>${strings.subtotal}</dt>
                <dd part="subtotal">${formatMoney(cart.subtotal, this.locale)}</dd>
              </div>`
            : nothing}
          <div class="row total">
            <dt>${strings.total}</dt>
            <dd part="total">${formatMoney(cart.total, this.locale)}</dd>
          </div>
        </dl>
        <button
          part="checkout-button"
          class="checkout"
          type="button"
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${this.#onCheckoutClick}
        >
          ${strings.checkout}
        </button>
      </footer>
    `;
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  // ---- opening and closing ----

  #requestClose(reason: CartHideReason, cancelable = true): boolean {
    if (!this.open) return true;
    const event = new CartHideEvent({ reason }, { cancelable });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return false;
    this.open = false;
    return true;
  }

  async #opened(): Promise<void> {
    const dialog = this.#dialog;
    if (!dialog) return;
    this.dispatchEvent(new CartShowEvent());
    if (!dialog.open) {
      this.#opener = deepActiveElement();
      // showModal makes the rest of the page inert (focus stays inside) and focuses the
      // close button (autofocus).
      dialog.showModal();
    }
    await slide(this, dialog, 'in');
    if (this.open) this.dispatchEvent(new CartAfterShowEvent());
  }

  async #closed(): Promise<void> {
    const dialog = this.#dialog;
    if (dialog?.open) await slide(this, dialog, 'out');
    if (this.open) return; // opened again while it slid out
    dialog?.close();
    const opener = this.#opener;
    this.#opener = undefined;
    if (opener?.isConnected) opener.focus();
    this.dispatchEvent(new CartAfterHideEvent());
  }

  #onCancel = (event: Event): void => {
    // Esc. Browsers let a page refuse Esc only a few times after each user gesture (the
    // close watcher rules: https://html.spec.whatwg.org/multipage/interaction.html#close-requests-and-close-watchers);
    // after that `cancelable` is false and the dialog closes whatever we do.
    const cancelable = event.cancelable;
    event.preventDefault();
    this.#requestClose('escape', cancelable);
  };

  #onNativeClose = (): void => {
    // The browser closed the dialog on its own (see #onCancel): follow it. The close event
    // is queued, so the one from our own close() can arrive after the cart was opened
    // again: then the dialog is open, and the event is stale.
    if (this.open && !this.#dialog?.open) this.open = false;
  };

  #onCloseClick = (): void => {
    this.#requestClose('close-button');
  };

  #onDialogClick = (event: MouseEvent): void => {
    // A click on the ::backdrop targets the dialog itself, outside its box.
    const dialog = this.#dialog;
    if (!dialog || event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) this.#requestClose('overlay');
  };

  // ---- the viewer's changes ----

  #setQuantity = (line: CartLine, quantity: number): void => {
    if (quantity <= 0) this.#remove(line);
    else if (this.#state.pending === 0 && quantity !== line.quantity) {
      void this.#state.call((adapter) => adapter.updateLines([{ id: line.id, quantity }]), { lineId: line.id });
    }
  };

  #remove = async (line: CartLine): Promise<void> => {
    if (this.#state.pending > 0) return;
    if (!(await this.#state.call((adapter) => adapter.removeLines([line.id]), { lineId: line.id }))) return;
    await this.updateComplete;
    // The focused button went with its line; without this, focus would fall to the page.
    if (this.open && !this.renderRoot.querySelector(':focus')) this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
  };

  // ---- checkout ----

  #onCheckoutClick = (): void => {
    const cart = this.#state.cart;
    if (!cart || cart.lines.length === 0 || this.#state.pending > 0) return;
    if (!this.dispatchEvent(new CartCheckoutEvent({ cart }))) return;
    void this.#checkout();
  };

  async #checkout(): Promise<void> {
    const result = await this.#state.run((adapter) => adapter.checkout(), () => void this.#checkout());
    if (!result) return;
    let url: URL;
    try {
      url = httpsUrl(result.value.url);
    } catch (error) {
      this.#state.fail(error, () => void this.#checkout());
      return;
    }
    if (this.checkoutTarget === '_blank') {
      // noopener: the store's page must not be able to navigate this one (reverse tabnabbing).
      window.open(url.href, '_blank', 'noopener');
    } else {
      window.open(url.href, '_self');
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [TAGS.cart]: CartDrawer;
  }
}
