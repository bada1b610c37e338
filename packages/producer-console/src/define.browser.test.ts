import { expect, test } from 'vitest';
import { TAGS } from './constants.js';

test('importing the package index defines nothing; define registers every tag, and twice is harmless', async () => {
  await import('./index.js');
  for (const tag of Object.values(TAGS)) expect(customElements.get(tag), tag).toBeUndefined();
  await import('./define.js');
  for (const tag of [...Object.values(TAGS), 'live-shop']) expect(customElements.get(tag), tag).toBeDefined();
  // A second copy of the console (another bundle) must not throw.
  const { defineElement } = await import('@live-shop/overlay-cards');
  const { ConsoleApp } = await import('./index.js');
  expect(() => defineElement(TAGS.app, ConsoleApp)).not.toThrow();
});
