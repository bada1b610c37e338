import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../define.js';
import type { Cart, CommerceAdapter } from '../commerce-adapter.js';
import { CommerceError } from '../commerce-error.js';
import { EVENTS } from '../constants.js';
import type { CartChangeEvent, CartCheckoutEvent, CartHideEvent } from '../events.js';
import { HostCartAdapter } from '../host-cart-adapter.js';
import { MemoryCartAdapter } from '../memory-cart-adapter.js';
import { accessibleName, button, lineError, lineOf, nextEvent, part, parts, topError } from '../test-cart-drawer.js';
import { testCart, testLine, testProduct } from '../test-products.js';
import type { CartDrawer } from './cart-drawer.js';

const CHECKOUT = 'https://shop.example.com/checkout/c1';

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('dir');
  vi.restoreAllMocks();
});

/** A cart with one line of the shirt in M (unlimited stock) at $19.99. */
async function memoryAdapter(options: ConstructorParameters<typeof MemoryCartAdapter>[0] = {}): Promise<MemoryCartAdapter> {
  const adapter = new MemoryCartAdapter({ products: [testProduct()], checkoutUrl: CHECKOUT, ...options });
  await adapter.addLines([{ merchandiseId: 'v-m', quantity: 1 }]);
  return adapter;
}

async function mount(
  setup: (cart: CartDrawer) => void | Promise<void> = () => undefined,
): Promise<{ cart: CartDrawer; opener: HTMLButtonElement }> {
  const opener = document.createElement('button');
  opener.textContent = 'Open cart';
  const cart = document.createElement('live-shop-cart');
  cart.locale = 'en-US';
  await setup(cart);
  opener.addEventListener('click', () => void cart.show());
  document.body.append(opener, cart);
  await cart.updateComplete;
  return { cart, opener };
}

/** Opens the cart the way a viewer does: a real click on a page button (a user gesture). */
async function openByClick(cart: CartDrawer, opener: HTMLButtonElement): Promise<void> {
  const opened = nextEvent(cart, EVENTS.afterShow);
  await userEvent.click(opener);
  await opened;
}

// A desktop screen, where the cart is a side panel; the phone's sheet has its own test.
beforeEach(async () => {
  await page.viewport(1024, 768);
});

function dialogOf(cart: CartDrawer): HTMLDialogElement {
  return cart.shadowRoot!.querySelector('dialog')!;
}

function focused(cart: CartDrawer): Element | null {
  return document.activeElement === cart ? cart.shadowRoot!.activeElement : document.activeElement;
}

test('opens as a modal dialog from the inline-end side, with show and after-show', async () => {
  const { cart } = await mount((cart) => {
    cart.adapter = new MemoryCartAdapter({ products: [testProduct()] });
    cart.style.setProperty('--live-shop-cart-width', '300px');
  });
  const shown = nextEvent(cart, EVENTS.show);
  const afterShown = nextEvent(cart, EVENTS.afterShow);
  await cart.show();
  await shown;
  await afterShown;
  const dialog = dialogOf(cart);
  expect(dialog.open).toBe(true);
  expect(dialog.matches(':modal')).toBe(true); // the page behind is inert: focus stays inside
  expect(cart.hasAttribute('open')).toBe(true);
  const box = dialog.getBoundingClientRect();
  expect(box.width).toBe(300);
  expect(box.right).toBeCloseTo(window.innerWidth, 0);
});

test('in a right-to-left page it comes from the left', async () => {
  document.documentElement.setAttribute('dir', 'rtl');
  const { cart } = await mount((cart) => cart.style.setProperty('--live-shop-cart-width', '300px'));
  await cart.show();
  const box = dialogOf(cart).getBoundingClientRect();
  expect(box.width).toBe(300);
  expect(box.left).toBeCloseTo(0, 0);
});

test('on a phone it is a sheet from the bottom edge that leaves the top of the screen to the video, and slides up', async () => {
  await page.viewport(390, 800);
  const { cart } = await mount();
  const afterShown = nextEvent(cart, EVENTS.afterShow);
  void cart.show();
  await cart.updateComplete;
  const dialog = dialogOf(cart);
  const slide = dialog.getAnimations().find((animation) => !(animation.effect as KeyframeEffect).pseudoElement);
  expect((slide?.effect as KeyframeEffect).getKeyframes()[0]?.['transform']).toBe('translateY(100%)');
  await afterShown;
  const box = dialog.getBoundingClientRect();
  expect(box.bottom).toBeCloseTo(800, 0);
  expect(box.width).toBeCloseTo(390, 0);
  // Room for a 16:9 video as wide as the screen with its toolbar: 64 + (390 − 32) × 9 / 16.
  expect(box.top).toBeCloseTo(64 + (358 * 9) / 16, 0);
  // A brand can choose that room.
  cart.style.setProperty('--live-shop-cart-sheet-top', '120px');
  expect(dialog.getBoundingClientRect().top).toBeCloseTo(120, 0);
});

test('focus moves inside on open and returns to the opener on close', async () => {
  const { cart, opener } = await mount(async (cart) => {
    cart.adapter = await memoryAdapter();
  });
  await openByClick(cart, opener);
  await expect.poll(() => parts(cart, 'line')).toHaveLength(1);
  expect(focused(cart)).toBe(part(cart, 'close-button'));

  // Tab moves through the cart's controls; the page behind is inert (a modal dialog).
  await userEvent.tab();
  expect(focused(cart)).toBe(button(cart, 'Decrease quantity of Linen shirt'));
  opener.focus(); // inert while the cart is open
  expect(document.activeElement).not.toBe(opener);

  const hidden = nextEvent(cart, EVENTS.hide);
  const afterHidden = nextEvent(cart, EVENTS.afterHide);
  await userEvent.click(part(cart, 'close-button')!);
  expect((await hidden).detail.reason).toBe('close-button');
  await afterHidden;
  expect(dialogOf(cart).open).toBe(false);
  expect(cart.open).toBe(false);
  expect(document.activeElement).toBe(opener);
});

test('Esc asks to close with reason "escape"; the hide event is cancelable', async () => {
  const { cart, opener } = await mount();
  await openByClick(cart, opener);

  const keepOpen = (event: CartHideEvent) => event.preventDefault();
  cart.addEventListener(EVENTS.hide, keepOpen);
  const refused = nextEvent(cart, EVENTS.hide);
  await userEvent.keyboard('{Escape}');
  const event = await refused;
  expect(event.detail).toEqual({ reason: 'escape' });
  expect(event.cancelable && event.bubbles && event.composed).toBe(true);
  expect(event.defaultPrevented).toBe(true);
  expect(dialogOf(cart).open).toBe(true);
  expect(cart.open).toBe(true);
  cart.removeEventListener(EVENTS.hide, keepOpen);

  // A new gesture inside the cart, then Esc closes it.
  await userEvent.click(part(cart, 'title')!);
  const hidden = nextEvent(cart, EVENTS.hide);
  const afterHidden = nextEvent(cart, EVENTS.afterHide);
  await userEvent.keyboard('{Escape}');
  expect((await hidden).detail.reason).toBe('escape');
  await afterHidden;
  expect(dialogOf(cart).open).toBe(false);
  expect(document.activeElement).toBe(opener);
});

test('when the browser stops letting Esc be refused, the cart follows it closed', async () => {
  const { cart, opener } = await mount();
  await openByClick(cart, opener);
  const events: CartHideEvent[] = [];
  cart.addEventListener(EVENTS.hide, (event) => {
    events.push(event);
    event.preventDefault();
  });
  // Chrome lets a page refuse Esc a few times after a gesture (the count is its own
  // policy), then fires a cancel it will not let anyone cancel, and closes the dialog.
  const afterHidden = nextEvent(cart, EVENTS.afterHide);
  for (let press = 0; press < 10 && events.at(-1)?.cancelable !== false; press += 1) {
    await userEvent.keyboard('{Escape}');
  }
  await afterHidden;
  expect(events.length).toBeGreaterThan(1);
  expect(events.map((event) => event.detail.reason)).toEqual(events.map(() => 'escape'));
  expect(events.map((event) => event.cancelable)).toEqual([...events.slice(1).map(() => true), false]);
  expect(cart.open).toBe(false);
  expect(dialogOf(cart).open).toBe(false);
  expect(document.activeElement).toBe(opener);
});

test('slides in, and not at all with prefers-reduced-motion', async () => {
  const { cart } = await mount();
  void cart.show();
  await cart.updateComplete;
  expect(dialogOf(cart).getAnimations({ subtree: true }).length).toBeGreaterThan(0);
  await cart.hide();

  const media = window.matchMedia.bind(window);
  vi.spyOn(window, 'matchMedia').mockImplementation((query) =>
    query === '(prefers-reduced-motion: reduce)' ? ({ ...media(query), matches: true } as MediaQueryList) : media(query),
  );
  const afterShown = nextEvent(cart, EVENTS.afterShow);
  void cart.show();
  await cart.updateComplete;
  expect(dialogOf(cart).getAnimations({ subtree: true })).toEqual([]);
  await afterShown;
});

test('a click on the overlay and hide() say so, and hide() reports a veto', async () => {
  const { cart } = await mount((cart) => cart.style.setProperty('--live-shop-cart-width', '300px'));
  await cart.show();
  const reasons: string[] = [];
  let vetoMethod = true;
  cart.addEventListener(EVENTS.hide, (event) => {
    reasons.push(event.detail.reason);
    if (event.detail.reason === 'overlay' || (event.detail.reason === 'method' && vetoMethod)) event.preventDefault();
  });
  // A click on ::backdrop reaches the dialog with coordinates outside its box.
  dialogOf(cart).dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 2, clientY: 2 }));
  // A click inside the panel's own box is not the overlay.
  const box = dialogOf(cart).getBoundingClientRect();
  dialogOf(cart).dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: box.left + 5, clientY: box.top + 5 }));
  expect(reasons).toEqual(['overlay']);
  expect(cart.open).toBe(true);

  await expect(cart.hide()).resolves.toBe(false);
  expect(cart.open).toBe(true);
  vetoMethod = false;
  await expect(cart.hide()).resolves.toBe(true);
  expect(reasons).toEqual(['overlay', 'method', 'method']);
  expect(dialogOf(cart).open).toBe(false);
});

test('the stepper and the quantity input change the quantity through the adapter; totals follow', async () => {
  const adapter = await memoryAdapter();
  const { cart } = await mount((cart) => {
    cart.adapter = adapter;
  });
  await cart.show();
  await expect.poll(() => part(cart, 'total')?.textContent).toBe('$19.99');
  const changes: Cart[] = [];
  cart.addEventListener(EVENTS.change, (event: CartChangeEvent) => changes.push(event.detail.cart));

  await userEvent.click(button(cart, 'Increase quantity of Linen shirt'));
  await expect.poll(() => part(cart, 'total')?.textContent).toBe('$39.98');
  expect((await adapter.getCart()).lines[0]?.quantity).toBe(2);
  expect(cart.shadowRoot!.querySelector('input')!.value).toBe('2');
  expect(part(cart, 'line')?.textContent).toContain('$19.99 each');
  expect(changes.at(-1)?.totalQuantity).toBe(2);

  const input = cart.shadowRoot!.querySelector('input')!;
  await userEvent.fill(input, '5');
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await expect.poll(() => part(cart, 'total')?.textContent).toBe('$99.95');

  // Typing something that is not a quantity puts the cart's quantity back.
  await userEvent.fill(input, '-3');
  input.dispatchEvent(new Event('change', { bubbles: true }));
  expect(input.value).toBe('5');

  await userEvent.click(button(cart, 'Decrease quantity of Linen shirt'));
  await expect.poll(() => input.value).toBe('4');
  await userEvent.click(button(cart, 'Remove Linen shirt'));
  await expect.poll(() => part(cart, 'empty')?.textContent).toBe('Your cart is empty.');
  expect(focused(cart)).toBe(part(cart, 'title')); // not lost to the page with the removed button
  expect(part(cart, 'checkout-button')).toBeNull();
  expect((await adapter.getCart()).lines).toEqual([]);
});

test('a stock warning shows beside its line', async () => {
  const adapter = new MemoryCartAdapter({ products: [testProduct()] });
  await adapter.addLines([{ merchandiseId: 'v-l', quantity: 1 }]);
  const { cart } = await mount((cart) => {
    cart.adapter = adapter;
  });
  await cart.show();
  await expect.poll(() => parts(cart, 'line')).toHaveLength(1);
  await userEvent.click(button(cart, 'Increase quantity of Linen shirt'));
  await userEvent.click(button(cart, 'Increase quantity of Linen shirt'));
  await expect.poll(() => part(cart, 'line')?.querySelector('[part="warning"]')?.textContent).toBe('Only 2 left, so the quantity is now 2.');
  expect(cart.shadowRoot!.querySelector('[role="status"]')?.textContent).toBe('Only 2 left, so the quantity is now 2.');
});

test('a failed change on a line shows beside that line with Try again, and the lines stay on screen', async () => {
  const memory = await memoryAdapter();
  let failures = 1;
  const flaky: CommerceAdapter = {
    getCart: () => memory.getCart(),
    addLines: (lines) => memory.addLines(lines),
    updateLines: async (lines) => {
      if (failures-- > 0) throw new TypeError('Failed to fetch');
      return memory.updateLines(lines);
    },
    removeLines: (ids) => memory.removeLines(ids),
    checkout: () => memory.checkout(),
    subscribe: () => () => undefined,
  };
  const { cart } = await mount((cart) => {
    cart.adapter = flaky;
  });
  await cart.show();
  await expect.poll(() => parts(cart, 'line')).toHaveLength(1);

  await userEvent.click(button(cart, 'Increase quantity of Linen shirt'));
  const line = lineOf(cart, 'Linen shirt');
  await expect.poll(() => lineError(line)?.textContent).toContain("Your cart couldn't be updated; check your connection, then try again.");
  expect(lineError(line)?.getAttribute('role')).toBe('alert');
  expect(topError(cart)).toBeNull();
  expect(parts(cart, 'error')).toHaveLength(1);
  expect(parts(cart, 'line')).toHaveLength(1);
  expect(part(cart, 'line-title')?.textContent).toBe('Linen shirt');
  expect(part(cart, 'total')?.textContent).toBe('$19.99');

  await userEvent.click(button(line!, 'Try again'));
  await expect.poll(() => part(cart, 'total')?.textContent).toBe('$39.98');
  expect(part(cart, 'error')).toBeNull();
});

test('a CommerceError shows its own message beside its line; retry only when it may work', async () => {
  const memory = await memoryAdapter();
  const refusing: CommerceAdapter = {
    getCart: () => memory.getCart(),
    addLines: (lines) => memory.addLines(lines),
    checkout: () => memory.checkout(),
    subscribe: () => () => undefined,
    updateLines: async () => {
      throw new CommerceError('invalid_request', 'The shop refused this change; refresh the page.');
    },
    removeLines: async () => {
      throw new CommerceError('unavailable', 'The shop is busy; try again in a moment.', { retryable: true });
    },
  };
  const { cart } = await mount((cart) => {
    cart.adapter = refusing;
  });
  await cart.show();
  await expect.poll(() => parts(cart, 'line')).toHaveLength(1);
  const line = lineOf(cart, 'Linen shirt');
  await userEvent.click(button(cart, 'Increase quantity of Linen shirt'));
  await expect.poll(() => lineError(line)?.textContent).toContain('The shop refused this change; refresh the page.');
  expect(part(cart, 'retry-button')).toBeNull();
  await userEvent.click(button(cart, 'Remove Linen shirt'));
  await expect.poll(() => lineError(line)?.textContent).toContain('The shop is busy; try again in a moment.');
  expect(line?.querySelector('[part="retry-button"]')).not.toBeNull();
  expect(topError(cart)).toBeNull();
});

test('a host cart refusing a change on one line: the message is beside that line, not the others', async () => {
  const shirt = { id: 'shirt', title: 'Linen shirt', quantity: 1, price: { amount: '19.99', currencyCode: 'USD' } };
  const mug = { id: 'mug', title: 'Engraved mug', quantity: 1, price: { amount: '12.50', currencyCode: 'USD' } };
  const host = new HostCartAdapter(
    {
      updateLines(lines) {
        if (lines.some((line) => line.id === 'mug' && line.quantity > 1)) throw new Error('Engraved mugs are one per order; add another design for a second mug.');
        const quantities = new Map(lines.map((line) => [line.id, line.quantity]));
        return { lines: [shirt, mug].map((line) => ({ ...line, quantity: quantities.get(line.id) ?? line.quantity })) };
      },
    },
    { lines: [shirt, mug] },
  );
  const { cart } = await mount((cart) => {
    cart.adapter = host;
  });
  await cart.show();
  await expect.poll(() => parts(cart, 'line')).toHaveLength(2);

  await userEvent.click(button(cart, 'Increase quantity of Engraved mug'));
  await expect.poll(() => lineError(lineOf(cart, 'Engraved mug'))?.textContent).toContain('Engraved mugs are one per order; add another design for a second mug.');
  expect(lineError(lineOf(cart, 'Engraved mug'))?.getAttribute('role')).toBe('alert');
  expect(lineOf(cart, 'Engraved mug')?.querySelector('[part="retry-button"]')).toBeNull(); // the host refused: trying again won't help
  expect(lineError(lineOf(cart, 'Linen shirt'))).toBeNull();
  expect(topError(cart)).toBeNull();
  expect(part(cart, 'total')?.textContent).toBe('$32.49');

  // The same through the quantity input.
  const mugInput = lineOf(cart, 'Engraved mug')!.querySelector('input')!;
  await userEvent.click(button(cart, 'Increase quantity of Linen shirt'));
  await expect.poll(() => part(cart, 'total')?.textContent).toBe('$52.48');
  expect(part(cart, 'error')).toBeNull(); // a change that went through clears the message
  await userEvent.fill(mugInput, '3');
  mugInput.dispatchEvent(new Event('change', { bubbles: true }));
  await expect.poll(() => lineError(lineOf(cart, 'Engraved mug'))?.textContent).toContain('one per order');
  await expect.poll(() => mugInput.value).toBe('1'); // the cart's quantity is back in the input

  // Remove has no handler: the host does removals on its own page, and says so beside the line.
  await userEvent.click(button(cart, 'Remove Linen shirt'));
  await expect.poll(() => lineError(lineOf(cart, 'Linen shirt'))?.textContent).toContain("Items can't be removed here; remove them in the shop's own cart.");
  expect(lineError(lineOf(cart, 'Engraved mug'))).toBeNull();
  expect(parts(cart, 'error')).toHaveLength(1);
});

test('failures not tied to a line show above the lines: loading, adding, and a line that has gone', async () => {
  const memory = await memoryAdapter();
  let loads = 0;
  const adapter: CommerceAdapter = {
    getCart: async () => {
      if (loads++ === 0) throw new CommerceError('unavailable', 'The shop is not answering; try again in a moment.', { retryable: true });
      return memory.getCart();
    },
    addLines: async () => {
      throw new CommerceError('merchandise_not_found', 'This product is no longer on sale here; refresh the page to see what is.');
    },
    updateLines: async (lines) => {
      // Another device emptied the cart: this one hears of it along with the refusal.
      await memory.removeLines(lines.map((line) => line.id));
      throw new CommerceError('line_not_found', 'That item is no longer in your cart.');
    },
    removeLines: (ids) => memory.removeLines(ids),
    checkout: () => memory.checkout(),
    subscribe: (listener) => memory.subscribe(listener),
  };
  const { cart } = await mount((cart) => {
    cart.adapter = adapter;
  });
  await cart.show();
  await expect.poll(() => topError(cart)?.textContent).toContain('The shop is not answering; try again in a moment.');
  await userEvent.click(button(cart, 'Try again'));
  await expect.poll(() => parts(cart, 'line')).toHaveLength(1);
  expect(part(cart, 'error')).toBeNull();

  await expect(cart.addLines([{ merchandiseId: 'v-gone', quantity: 1 }])).resolves.toBe(false);
  await expect.poll(() => topError(cart)?.textContent).toContain('This product is no longer on sale here');
  expect(lineError(lineOf(cart, 'Linen shirt'))).toBeNull();

  // The line the change was made on is gone by the time it failed: the message has no line to sit beside.
  await userEvent.click(button(cart, 'Increase quantity of Linen shirt'));
  await expect.poll(() => topError(cart)?.textContent).toContain('That item is no longer in your cart.');
  expect(parts(cart, 'line')).toHaveLength(0);
  expect(parts(cart, 'error')).toHaveLength(1);
});

test('while a change is saved the cart shows it and ignores more presses', async () => {
  const memory = await memoryAdapter();
  let release!: () => void;
  const slow: CommerceAdapter = {
    getCart: () => memory.getCart(),
    addLines: (lines) => memory.addLines(lines),
    updateLines: (lines) => new Promise((resolve) => (release = () => resolve(memory.updateLines(lines)))),
    removeLines: (ids) => memory.removeLines(ids),
    checkout: () => memory.checkout(),
    subscribe: () => () => undefined,
  };
  const { cart } = await mount((cart) => {
    cart.adapter = slow;
  });
  await cart.show();
  await expect.poll(() => parts(cart, 'line')).toHaveLength(1);
  const increase = button(cart, 'Increase quantity of Linen shirt');
  await userEvent.click(increase);
  await expect.poll(() => part(cart, 'body')?.getAttribute('aria-busy')).toBe('true');
  expect(part(cart, 'progress')?.getAttribute('role')).toBe('progressbar');
  expect(increase.getAttribute('aria-disabled')).toBe('true');
  expect(focused(cart)).toBe(increase); // aria-disabled, not disabled: focus stays
  increase.click(); // (Playwright refuses to click an aria-disabled button; a screen reader does not)
  release();
  await expect.poll(() => part(cart, 'body')?.getAttribute('aria-busy')).toBe('false');
  expect((await memory.getCart()).lines[0]?.quantity).toBe(2);
});

test('Checkout fires a cancelable event with the cart, then opens the adapter’s URL in this tab', async () => {
  const open = vi.spyOn(window, 'open').mockReturnValue(null);
  const { cart } = await mount(async (cart) => {
    cart.adapter = await memoryAdapter();
  });
  await cart.show();
  await expect.poll(() => part(cart, 'checkout-button')).not.toBeNull();

  const cancel = (event: CartCheckoutEvent) => event.preventDefault();
  document.addEventListener(EVENTS.checkout, cancel);
  const cancelled = new Promise<CartCheckoutEvent>((resolve) => document.addEventListener(EVENTS.checkout, resolve, { once: true }));
  await userEvent.click(part(cart, 'checkout-button')!);
  const event = await cancelled;
  expect(event.cancelable && event.bubbles && event.composed).toBe(true);
  expect(event.detail.cart.lines[0]?.merchandiseId).toBe('v-m');
  document.removeEventListener(EVENTS.checkout, cancel);
  expect(open).not.toHaveBeenCalled();

  await userEvent.click(part(cart, 'checkout-button')!);
  await expect.poll(() => open.mock.calls).toEqual([[CHECKOUT, '_self']]);

  open.mockClear();
  cart.setAttribute('checkout-target', '_blank');
  await userEvent.click(part(cart, 'checkout-button')!);
  await expect.poll(() => open.mock.calls).toEqual([[CHECKOUT, '_blank', 'noopener']]);
});

test('a javascript: (or http:) checkout URL is never followed', async () => {
  const open = vi.spyOn(window, 'open').mockReturnValue(null);
  for (const url of ['javascript:alert(document.domain)', ' JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'http://shop.example.com/checkout']) {
    document.body.replaceChildren();
    const adapter = await memoryAdapter({ checkoutUrl: url });
    const { cart } = await mount((cart) => {
      cart.adapter = adapter;
    });
    await cart.show();
    await expect.poll(() => part(cart, 'checkout-button')).not.toBeNull();
    await userEvent.click(part(cart, 'checkout-button')!);
    await expect.poll(() => topError(cart)?.textContent, { message: url }).toContain('not a secure https:// link');
    expect(part(cart, 'retry-button')).toBeNull();
  }
  expect(open).not.toHaveBeenCalled();
});

test('markup in titles, variants and warnings is shown as text', async () => {
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>$& $\'';
  const { cart } = await mount();
  cart.setCart(
    testCart([testLine({ title: evil, variantTitle: evil, image: { url: 'javascript:alert(1)' } })], {
      warnings: [{ lineId: 'line-1', code: 'X', message: evil }, { code: 'Y', message: evil }],
    }),
  );
  await cart.show();
  expect(part(cart, 'line-title')?.textContent).toBe(evil);
  expect(part(cart, 'variant')?.textContent).toBe(evil);
  expect(parts(cart, 'warning').map((warning) => warning.textContent)).toEqual([evil, evil]);
  // "$&" and "$'" in a title are not replacement patterns in the labels.
  expect(button(cart, `Remove ${evil}`)).toBeTruthy();
  expect(cart.shadowRoot!.querySelectorAll('script')).toHaveLength(0);
  expect(cart.shadowRoot!.querySelector('img')).toBeNull(); // the javascript: image is not loaded
  expect((window as { __pwned?: number }).__pwned).toBeUndefined();
});

test('setCart shows a host’s cart without firing change events', async () => {
  const { cart } = await mount();
  const changes = vi.fn();
  cart.addEventListener(EVENTS.change, changes);
  cart.setCart(testCart([testLine({ quantity: 2, lineTotal: { amount: '39.98', currencyCode: 'USD' } })], {
    subtotal: { amount: '39.98', currencyCode: 'USD' },
    total: { amount: '35.98', currencyCode: 'USD' },
  }));
  await cart.show();
  expect(part(cart, 'subtotal')?.textContent).toBe('$39.98');
  expect(part(cart, 'total')?.textContent).toBe('$35.98');
  expect(cart.cart?.totalQuantity).toBe(2);
  expect(changes).not.toHaveBeenCalled();
});

test('a change made elsewhere reaches an open cart through subscribe()', async () => {
  const adapter = await memoryAdapter();
  const { cart } = await mount((cart) => {
    cart.adapter = adapter;
  });
  await cart.show();
  await expect.poll(() => part(cart, 'total')?.textContent).toBe('$19.99');
  await adapter.updateLines([{ id: 'line-1', quantity: 3 }]);
  await expect.poll(() => part(cart, 'total')?.textContent).toBe('$59.97');
});

test('formats money for the locale', async () => {
  const { cart } = await mount((cart) => {
    cart.locale = 'de-DE';
  });
  cart.setCart(testCart([testLine()], { total: { amount: '1234.5', currencyCode: 'EUR' }, subtotal: { amount: '1234.5', currencyCode: 'EUR' } }));
  await cart.show();
  expect(part(cart, 'total')?.textContent?.replace(/\s/g, ' ')).toBe('1.234,50 €');
});

test('empty state, and the strings can be overridden', async () => {
  const { cart } = await mount((cart) => {
    cart.adapter = new MemoryCartAdapter({ products: [testProduct()] });
    cart.strings = { title: 'Panier', empty: 'Votre panier est vide.' };
  });
  await cart.show();
  await expect.poll(() => part(cart, 'empty')?.textContent).toBe('Votre panier est vide.');
  expect(accessibleName(dialogOf(cart))).toBe('Panier');
  expect(part(cart, 'checkout-button')).toBeNull();
});

test('basic accessibility: the dialog and every control have a name', async () => {
  const { cart } = await mount(async (cart) => {
    cart.adapter = await memoryAdapter();
  });
  await cart.show();
  await expect.poll(() => parts(cart, 'line')).toHaveLength(1);
  const dialog = dialogOf(cart);
  expect(dialog.getAttribute('role') ?? 'dialog').toBe('dialog');
  expect(accessibleName(dialog)).toBe('Your cart');
  const controls = [...cart.shadowRoot!.querySelectorAll('button, input, [role="group"]')];
  expect(controls.length).toBeGreaterThanOrEqual(6);
  for (const control of controls) expect(accessibleName(control), control.outerHTML).not.toBe('');
  // Headings and the list structure screen readers navigate by.
  expect(cart.shadowRoot!.querySelector('h2')?.id).toBe('title');
  expect(cart.shadowRoot!.querySelector('ul > li[part="line"]')).not.toBeNull();
  // Images are decorative (the title is beside them) or described.
  for (const image of cart.shadowRoot!.querySelectorAll('img')) expect(image.hasAttribute('alt')).toBe(true);
});

test('opened again right after closing, it stays open (the first close event is stale by then)', async () => {
  const cart = document.createElement('live-shop-cart');
  cart.adapter = new MemoryCartAdapter();
  document.body.append(cart);
  await cart.show();
  const dialog = cart.shadowRoot!.querySelector('dialog')!;
  const closeEvent = new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
  await cart.hide();
  await cart.show();
  // The close event of the first close() is delivered after the second show().
  await closeEvent;
  await cart.updateComplete;
  expect(cart.open).toBe(true);
  expect(cart.shadowRoot?.querySelector('dialog')?.open).toBe(true);
  await cart.hide();
  cart.remove();
});
