import { defineElement } from '@live-shop/overlay-cards';
import { LitElement } from 'lit';
import { afterEach, expect, test, vi } from 'vitest';

afterEach(() => vi.restoreAllMocks());

test('importing the package index defines nothing; define does, once, and a second copy warns', async () => {
  const { CartDrawer } = await import('./index.js');
  expect(customElements.get('live-shop-cart')).toBeUndefined();

  await import('./define.js');
  expect(customElements.get('live-shop-cart')).toBe(CartDrawer);

  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  defineElement('live-shop-cart', CartDrawer);
  expect(warn).not.toHaveBeenCalled();
  defineElement(
    'live-shop-cart',
    class extends LitElement {
      static readonly version = '9.9.9';
    },
  );
  expect(customElements.get('live-shop-cart')).toBe(CartDrawer);
  expect(warn.mock.calls[0]?.[0]).toMatch(/already defined by version 0\.1\.0.*Load the live-shop script only once/);
});
