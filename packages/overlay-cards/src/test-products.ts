import type { Product } from '@live-shop/protocol';

/** A product as a catalog.set event carries it; tests override what they need. */
export function testProduct(overrides: Partial<Product> = {}): Product {
  return {
    id: 'p1',
    handle: 'linen-shirt',
    title: 'Linen shirt',
    images: [{ url: 'https://cdn.example.com/shirt.jpg', altText: 'A linen shirt', width: 400, height: 400 }],
    price: { amount: '1234.50', currencyCode: 'EUR' },
    variants: [{ id: 'v1', title: 'M', availableForSale: true }],
    ...overrides,
  };
}
