import type { Product, Variant } from '@live-shop/protocol';
import { testProduct } from '../test-products.js';

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });

function variant(id: string, size: string, color: string, extra: Partial<Variant>): Variant {
  return { id, title: `${size} / ${color}`, availableForSale: true, selectedOptions: [{ name: 'Size', value: size }, { name: 'Color', value: color }], ...extra };
}

/**
 * A jacket in three sizes and two colours: S / Olive and every L are sold out, so L has
 * no available variant at all and Olive is unavailable in S.
 */
export function jacket(overrides: Partial<Product> = {}): Product {
  return testProduct({
    id: 'jacket',
    handle: 'waxed-jacket',
    title: 'Waxed jacket',
    description: 'Waxed cotton.\nTwo pockets.',
    price: usd('100.00'),
    images: [
      { url: 'https://cdn.example.com/jacket.jpg', altText: 'The jacket', width: 400, height: 400 },
      { url: 'https://cdn.example.com/jacket-back.jpg', altText: 'The back', width: 400, height: 400 },
    ],
    variants: [
      variant('s-black', 'S', 'Black', { quantityAvailable: 3, price: usd('100.00'), compareAtPrice: usd('150.00') }),
      variant('s-olive', 'S', 'Olive', { availableForSale: false, quantityAvailable: 0 }),
      variant('m-black', 'M', 'Black', { quantityAvailable: 20 }),
      variant('m-olive', 'M', 'Olive', {
        quantityAvailable: 1,
        price: usd('90.00'),
        image: { url: 'https://cdn.example.com/jacket-olive.jpg', altText: 'The olive jacket', width: 400, height: 400 },
      }),
      variant('l-black', 'L', 'Black', { availableForSale: false }),
      variant('l-olive', 'L', 'Olive', { availableForSale: false }),
    ],
    ...overrides,
  });
}
