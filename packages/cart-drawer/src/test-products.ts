import type { Product } from '@live-shop/protocol';
import type { Cart, CartLine } from './commerce-adapter.js';

/** A product as a catalog.set event carries it; tests override what they need. */
export function testProduct(overrides: Partial<Product> = {}): Product {
  return {
    id: 'p1',
    handle: 'linen-shirt',
    title: 'Linen shirt',
    images: [{ url: 'https://cdn.example.com/shirt.jpg', altText: 'A linen shirt', width: 400, height: 400 }],
    price: { amount: '19.99', currencyCode: 'USD' },
    variants: [
      { id: 'v-m', title: 'M', availableForSale: true },
      { id: 'v-l', title: 'L', availableForSale: true, quantityAvailable: 2 },
      { id: 'v-xl', title: 'XL', availableForSale: false, quantityAvailable: 0 },
    ],
    ...overrides,
  };
}

/** A cart line as an adapter gives it; tests override what they need. */
export function testLine(overrides: Partial<CartLine> = {}): CartLine {
  return {
    id: 'line-1',
    merchandiseId: 'v-m',
    productId: 'p1',
    title: 'Linen shirt',
    variantTitle: 'M',
    image: { url: 'https://cdn.example.com/shirt.jpg', width: 400, height: 400 },
    quantity: 1,
    price: { amount: '19.99', currencyCode: 'USD' },
    lineTotal: { amount: '19.99', currencyCode: 'USD' },
    attributes: [],
    ...overrides,
  };
}

/** A cart with the given lines and the totals as given (a host's cart is not recomputed). */
export function testCart(lines: CartLine[], overrides: Partial<Cart> = {}): Cart {
  return {
    id: 'cart-1',
    lines,
    totalQuantity: lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotal: { amount: '19.99', currencyCode: 'USD' },
    total: { amount: '19.99', currencyCode: 'USD' },
    warnings: [],
    ...overrides,
  };
}
