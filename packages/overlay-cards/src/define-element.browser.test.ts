import { LitElement } from 'lit';
import { afterEach, expect, test, vi } from 'vitest';
import { defineElement } from './define-element.js';

afterEach(() => vi.restoreAllMocks());

function versioned(version: string) {
  return class extends LitElement {
    static readonly version = version;
  };
}

test('a second copy of the SDK does not throw; a different version is reported', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const first = versioned('1.0.0');
  defineElement('live-shop-define-test', first);
  defineElement('live-shop-define-test', first);
  expect(warn).not.toHaveBeenCalled();

  defineElement('live-shop-define-test', versioned('1.0.0'));
  expect(warn).not.toHaveBeenCalled();

  defineElement('live-shop-define-test', versioned('2.0.0'));
  expect(customElements.get('live-shop-define-test')).toBe(first);
  expect(warn).toHaveBeenCalledOnce();
  expect(warn.mock.calls[0]?.[0]).toMatch(/already defined by version 1\.0\.0.*Load the live-shop script only once/);
});

test('importing the package index defines nothing', async () => {
  await import('./index.js');
  expect(customElements.get('live-shop-product-card')).toBeUndefined();
  expect(customElements.get('live-shop-highlights')).toBeUndefined();
});
