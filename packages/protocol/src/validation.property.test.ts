import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateEventInput } from './envelope.js';

// One valid payload per type, with every optional field present so that every field is
// corrupted somewhere.
const valid: Record<string, Record<string, unknown>> = {
  'show.status': { status: 'live', title: 'Spring', startsAt: 1, replay: { src: 'https://x.example/r.m3u8', playbackId: 'abc', startPdt: 2 } },
  'catalog.set': {
    products: [
      {
        id: 'p1',
        handle: 'p-1',
        title: 'Shirt',
        description: 'Soft',
        vendor: 'Brand',
        images: [{ url: 'https://cdn.example/1.jpg', altText: 'alt', width: 10, height: 10 }],
        price: { amount: '1.00', currencyCode: 'USD' },
        compareAtPrice: { amount: '2.00', currencyCode: 'USD' },
        variants: [
          {
            id: 'v1',
            title: 'M',
            availableForSale: true,
            quantityAvailable: 1,
            price: { amount: '1.00', currencyCode: 'USD' },
            selectedOptions: [{ name: 'Size', value: 'M' }],
          },
        ],
        url: 'https://shop.example/p/1',
        checkoutUrl: 'https://buy.example/1',
      },
    ],
  },
  'product.highlight': { productId: 'p1', variantId: 'v1' },
  'product.clear': { productId: 'p1' },
  'offer.start': { offerId: 'o', kind: 'countdown', productId: 'p1', title: 'Deal', price: { amount: '1', currencyCode: 'USD' }, endsAt: 5, quantityLimit: 3, code: 'LIVE' },
  'offer.end': { offerId: 'o' },
  'stock.update': { productId: 'p1', variantId: 'v1', availableForSale: false, quantityAvailable: 0 },
  'price.update': { productId: 'p1', variantId: 'v1', price: { amount: '1', currencyCode: 'USD' } },
  'chat.message': { messageId: 'm', text: 'hi', author: { id: 'u1', name: 'Ann', role: 'viewer' } },
  'chat.delete': { messageId: 'm' },
  'chat.pin': { messageId: 'm' },
  'poll.open': { pollId: 'q', question: '?', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], closesAt: 9 },
  'poll.close': { pollId: 'q' },
  'viewers.count': { count: 1 },
  mention: { productId: 'p1', text: 'shirt' },
};

/** Every path to a leaf value (string, number or boolean) of a payload. */
function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leafPaths(item, [...prefix, String(index)]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...prefix, key]));
  return [prefix];
}

function withValueAt(data: unknown, path: string[], replacement: unknown): unknown {
  const copy = structuredClone(data) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1] as string] = replacement;
  return copy;
}

const cases = Object.entries(valid).flatMap(([type, data]) => leafPaths(data).map((path) => ({ type, data, path })));

describe('validation properties', () => {
  it('has a valid sample for every field it corrupts', () => {
    for (const [type, data] of Object.entries(valid)) expect(validateEventInput({ type, data }).ok, type).toBe(true);
    expect(cases.length).toBeGreaterThan(60);
  });

  it('rejects any event with any field of the wrong kind, naming that field', () => {
    const wrongKind = fc.oneof(
      fc.array(fc.string(), { maxLength: 2 }),
      fc.dictionary(fc.constantFrom('x', '<script>', '__proto__'), fc.string(), { minKeys: 1, maxKeys: 2 }),
      fc.constant(Number.NaN),
      fc.constant('<img src=x onerror=alert(1)>'.repeat(1000)),
    );
    fc.assert(
      fc.property(fc.constantFrom(...cases), wrongKind, ({ type, data, path }, replacement) => {
        const result = validateEventInput({ type, data: withValueAt(data, path, replacement) });
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.path).toBe(['data', ...path].join('.'));
          expect(result.error.message.startsWith(`${result.error.path} `)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
