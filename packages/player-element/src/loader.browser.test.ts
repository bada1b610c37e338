import { expect, test } from 'vitest';

// Each browser test file runs in its own page, so nothing has defined <live-shop> here.
test('the loader defines the elements once a <live-shop> appears, not before', async () => {
  expect(customElements.get('live-shop')).toBeUndefined();
  await import('./loader.js');
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(customElements.get('live-shop')).toBeUndefined();

  const holder = document.createElement('div');
  holder.innerHTML = '<live-shop></live-shop>';
  document.body.append(holder);
  await expect.poll(() => customElements.get('live-shop') !== undefined, { timeout: 5_000 }).toBe(true);
  await expect.poll(() => customElements.get('live-shop-product-card') !== undefined).toBe(true);
  holder.remove();
});
