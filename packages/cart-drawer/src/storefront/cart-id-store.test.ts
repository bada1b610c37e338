import { expect, test } from 'vitest';
import { cartStorageKey, parseSavedCart, SavedCartId } from './cart-id-store.js';
import { MemoryStorage } from './test-memory-storage.js';

test('one key per store', () => {
  expect(cartStorageKey('shop.myshopify.com')).toBe('live-shop:cart:shop.myshopify.com');
});

test('reads what it saved, a bare gid, and nothing else', () => {
  expect(parseSavedCart('{"id":"gid://shopify/Cart/c1?key=k","updatedAt":"2026-11-22T00:00:00Z"}')).toEqual({ id: 'gid://shopify/Cart/c1?key=k', updatedAt: '2026-11-22T00:00:00Z' });
  expect(parseSavedCart('gid://shopify/Cart/c1?key=k')).toEqual({ id: 'gid://shopify/Cart/c1?key=k' });
  for (const junk of [null, '', 'null', '42', '{"id":7}', '{"id":""}', '{oops']) expect(parseSavedCart(junk)).toBeUndefined();
});

test('storage that throws is left alone from then on', () => {
  const storage = new MemoryStorage();
  const saved = new SavedCartId(storage, 'k');
  saved.save({ id: 'gid://shopify/Cart/a' });
  expect(saved.load()).toEqual({ id: 'gid://shopify/Cart/a' });
  storage.setItem = () => {
    throw new DOMException('full', 'QuotaExceededError');
  };
  saved.save({ id: 'gid://shopify/Cart/b' });
  expect(saved.available).toBe(false);
  expect(saved.load()).toBeUndefined();
});
