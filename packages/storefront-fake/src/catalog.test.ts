import type { Product } from '@live-shop/protocol';
import { describe, expect, it } from 'vitest';
import { catalogFromProducts, stockLimit } from './catalog.js';
import { testProducts } from './testing/fixtures.js';

const product = (changes: Partial<Product> = {}): Product => ({
  id: 'gid://shopify/Product/1',
  handle: 'p',
  title: 'P',
  images: [],
  price: { amount: '10.00', currencyCode: 'USD' },
  variants: [{ id: 'gid://shopify/ProductVariant/1', title: 'Default Title', availableForSale: true }],
  ...changes,
});

describe('catalogFromProducts', () => {
  it('keeps prices in cents and stock per variant', () => {
    const catalog = catalogFromProducts(testProducts);
    expect(catalog.currencyCode).toBe('USD');
    expect(catalog.products.size).toBe(5);
    expect(catalog.variants.get('gid://shopify/ProductVariant/2001')).toMatchObject({ priceCents: 1999, compareAtPriceCents: 2499, quantityAvailable: 10 });
    expect(stockLimit(catalog.variants.get('gid://shopify/ProductVariant/2003')!)).toBe(0);
    expect(stockLimit(catalog.variants.get('gid://shopify/ProductVariant/2004')!)).toBe(Number.POSITIVE_INFINITY);
  });

  it('refuses ids that are not Shopify gids, duplicates, mixed currencies and fractions of a cent', () => {
    expect(() => catalogFromProducts([product({ id: 'jacket' })])).toThrow(/gid:\/\/shopify\/Product/);
    expect(() => catalogFromProducts([product(), product()])).toThrow(/listed twice/);
    expect(() => catalogFromProducts([product({ variants: [{ id: 'v1', title: '', availableForSale: true }] })])).toThrow(/ProductVariant/);
    expect(() =>
      catalogFromProducts([product(), product({ id: 'gid://shopify/Product/2', variants: [], price: { amount: '9.00', currencyCode: 'EUR' } })]),
    ).toThrow(/priced in EUR but the catalog in USD/);
    expect(() => catalogFromProducts([product({ price: { amount: '1.005', currencyCode: 'USD' } })])).toThrow(/fractions of a cent/);
  });
});
