import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Cart, CommerceAdapter } from '../commerce-adapter.js';
import { CommerceError } from '../commerce-error.js';
import type { CartStrings } from '../strings.js';

/** An adapter call that failed, as shown: its message and, when it may work again, a retry. */
export interface Failure {
  message: string;
  retry: (() => void) | undefined;
  /** The line the failed change was made on, so the failure shows beside it; none for loading, adding, checkout. */
  lineId: string | undefined;
}

/** What an adapter call is about. */
export interface CallOptions {
  /** The line the viewer changed (its stepper, quantity or remove). */
  lineId?: string | undefined;
}

export interface CartControllerOptions {
  adapter(): CommerceAdapter | undefined;
  strings(): CartStrings;
  /** The cart changed through the adapter (not through setCart). */
  changed(cart: Cart): void;
}

/**
 * The cart state of an element and its adapter calls (a Lit reactive controller): the cart
 * on screen, the subscription to the adapter, the loading state, and the last failure with
 * its retry and the line it was about. A failure never clears the cart, so the lines stay
 * on screen.
 */
export class CartController implements ReactiveController {
  cart: Cart | undefined;
  /** Adapter calls under way. */
  pending = 0;
  failure: Failure | undefined;
  /** Read by a live region: the warnings of the last change. */
  announcement = '';

  readonly #host: ReactiveControllerHost & Element;
  readonly #options: CartControllerOptions;
  #subscribed: { adapter: CommerceAdapter; unsubscribe: () => void } | undefined;

  constructor(host: ReactiveControllerHost & Element, options: CartControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.syncAdapter();
  }

  hostDisconnected(): void {
    this.#unsubscribe();
  }

  /** Follows the host's adapter: subscribes to the new one and loads its cart. */
  syncAdapter(): void {
    const adapter = this.#host.isConnected ? this.#options.adapter() : undefined;
    if (this.#subscribed?.adapter === adapter) return;
    this.#unsubscribe();
    if (!adapter) return;
    const unsubscribe = adapter.subscribe((cart) => {
      if (adapter === this.#options.adapter()) this.#changed(cart);
    });
    this.#subscribed = { adapter, unsubscribe };
    void this.call((current) => current.getCart());
  }

  setCart(cart: Cart): void {
    this.cart = cart;
    this.failure = undefined;
    this.#host.requestUpdate();
  }

  /** Runs a call that returns the new cart; false if it failed (the failure is shown). */
  async call(operation: (adapter: CommerceAdapter) => Promise<Cart>, options: CallOptions = {}): Promise<boolean> {
    const result = await this.run(operation, () => void this.call(operation, options), options);
    if (result === undefined) return false;
    if (result.adapter === this.#options.adapter()) this.#changed(result.value);
    return true;
  }

  /**
   * Runs one adapter call with the loading state on; a failure is shown with `retry`.
   * Resolves to the value and the adapter that gave it, or undefined after a failure.
   */
  async run<T>(
    operation: (adapter: CommerceAdapter) => Promise<T>,
    retry: () => void,
    options: CallOptions = {},
  ): Promise<{ adapter: CommerceAdapter; value: T } | undefined> {
    const adapter = this.#options.adapter();
    this.failure = undefined;
    if (!adapter) {
      this.fail(new CommerceError('no_adapter', this.#options.strings().noAdapter), retry, options);
      return undefined;
    }
    this.pending += 1;
    this.#host.requestUpdate();
    try {
      return { adapter, value: await operation(adapter) };
    } catch (error) {
      // A call to an adapter that has since been replaced has nothing to say.
      if (adapter === this.#options.adapter()) {
        this.fail(error, retry, options);
        // The cart changed elsewhere (another tab, another device): show what is in it
        // now, keeping the message that says what happened.
        if (error instanceof CommerceError && error.code === 'line_not_found') {
          adapter.getCart().then(
            (cart) => {
              if (adapter === this.#options.adapter()) this.#changed(cart);
            },
            () => undefined,
          );
        }
      }
      return undefined;
    } finally {
      this.pending -= 1;
      this.#host.requestUpdate();
    }
  }

  fail(error: unknown, retry: () => void, options: CallOptions = {}): void {
    const known = error instanceof CommerceError;
    this.failure = {
      message: known ? error.message : this.#options.strings().error,
      // Anything but a CommerceError is a network or adapter failure, worth another try.
      retry: !known || error.retryable ? retry : undefined,
      lineId: options.lineId,
    };
    this.#host.requestUpdate();
  }

  #changed(cart: Cart): void {
    // An adapter that reports its own changes to subscribers too delivers each cart twice.
    if (this.cart && JSON.stringify(this.cart) === JSON.stringify(cart)) return;
    this.cart = cart;
    this.announcement = cart.warnings.map((warning) => warning.message).join(' ');
    this.#host.requestUpdate();
    this.#options.changed(cart);
  }

  #unsubscribe(): void {
    this.#subscribed?.unsubscribe();
    this.#subscribed = undefined;
  }
}
