import { initialState, type ShowState } from '@live-shop/protocol';
import { afterEach, expect, test } from 'vitest';
import '../define.js';
import { testProduct } from '../test-products.js';
import type { HighlightStack } from './highlight-stack.js';

const products = [testProduct({ id: 'a', title: 'Red scarf' }), testProduct({ id: 'b', title: 'Blue hat' })];

/** `highlighted` most recent first, as in ShowState; each highlight gets its own seq. */
function stateWith(highlighted: string[]): ShowState {
  return {
    ...initialState,
    products,
    highlights: highlighted.map((productId, index) => ({ productId, pdt: 1000 - index, seq: highlighted.length - index })),
  };
}

async function mount(): Promise<HighlightStack> {
  const stack = document.createElement('live-shop-highlights');
  stack.locale = 'en-US';
  document.body.append(stack);
  await stack.updateComplete;
  return stack;
}

function cardTitles(stack: HighlightStack): string[] {
  return [...(stack.shadowRoot?.querySelectorAll('live-shop-product-card') ?? [])].map((card) => card.product?.title ?? '');
}

function liveRegion(stack: HighlightStack): HTMLElement | null {
  return stack.shadowRoot?.querySelector<HTMLElement>('[aria-live="polite"]') ?? null;
}

afterEach(() => document.body.replaceChildren());

test('renders a card per highlight, most recent first', async () => {
  const stack = await mount();
  stack.state = stateWith(['b', 'a']);
  await stack.updateComplete;
  expect(cardTitles(stack)).toEqual(['Blue hat', 'Red scarf']);

  stack.state = stateWith([]);
  await stack.updateComplete;
  expect(cardTitles(stack)).toEqual([]);
});

test('announces the newest product in a polite live region', async () => {
  const stack = await mount();
  expect(liveRegion(stack)?.textContent).toBe('');
  stack.state = stateWith(['a']);
  await stack.updateComplete;
  expect(liveRegion(stack)?.getAttribute('role')).toBe('status');
  expect(liveRegion(stack)?.textContent).toBe('Now showing: Red scarf');

  stack.state = stateWith(['b', 'a']);
  await stack.updateComplete;
  expect(liveRegion(stack)?.textContent).toBe('Now showing: Blue hat');

  stack.strings = { nowShowing: 'À l’écran : {title}' };
  await stack.updateComplete;
  expect(liveRegion(stack)?.textContent).toBe('À l’écran : Blue hat');
});

test('announces a title with replacement patterns ($&, $\') exactly as written', async () => {
  const stack = await mount();
  stack.state = { ...initialState, products: [testProduct({ id: 'x', title: "Tote $& $' {title}" })], highlights: [{ productId: 'x', pdt: 1, seq: 1 }] };
  await stack.updateComplete;
  expect(liveRegion(stack)?.textContent).toBe("Now showing: Tote $& $' {title}");
});

test('keeps a card element when other cards come and go', async () => {
  const stack = await mount();
  stack.state = stateWith(['a']);
  await stack.updateComplete;
  const first = stack.shadowRoot?.querySelector('live-shop-product-card');
  stack.state = stateWith(['b', 'a']);
  await stack.updateComplete;
  // Same element: its entry transition does not replay.
  expect(stack.shadowRoot?.querySelectorAll('live-shop-product-card')[1]).toBe(first);
});
