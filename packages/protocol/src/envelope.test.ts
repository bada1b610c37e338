import { describe, expect, it } from 'vitest';
import { parseEnvelope, validateEventInput } from './envelope.js';
import { eventTypes } from './events.js';

const product = {
  id: 'gid://shopify/Product/1',
  handle: 'linen-shirt',
  title: 'Linen shirt',
  images: [{ url: 'https://cdn.example.com/shirt.jpg', altText: 'A linen shirt' }],
  price: { amount: '49.00', currencyCode: 'EUR' },
  compareAtPrice: { amount: '65.00', currencyCode: 'EUR' },
  variants: [{ id: 'v1', title: 'M', availableForSale: true, quantityAvailable: 3 }],
};

describe('validateEventInput', () => {
  it('accepts every family with a valid payload', () => {
    const valid: Record<string, unknown> = {
      'show.status': { status: 'live', startsAt: 1_700_000_000_000 },
      'catalog.set': { products: [product] },
      'product.highlight': { productId: 'p1', variantId: 'v1' },
      'product.clear': {},
      'offer.start': { offerId: 'o1', kind: 'price-drop', productId: 'p1', price: { amount: '39.00', currencyCode: 'EUR' }, endsAt: 1, code: 'LIVE10' },
      'offer.end': { offerId: 'o1' },
      'stock.update': { productId: 'p1', variantId: 'v1', quantityAvailable: 2 },
      'price.update': { productId: 'p1', price: { amount: '10', currencyCode: 'USD' }, compareAtPrice: null },
      'chat.message': { messageId: 'm1', text: 'hi', author: { name: 'Ann', role: 'viewer' } },
      'chat.delete': { messageId: 'm1' },
      'chat.pin': { messageId: null },
      'reaction.tick': { counts: { heart: 12 } },
      'poll.open': { pollId: 'q1', question: 'Which colour?', options: [{ id: 'a', text: 'Red' }, { id: 'b', text: 'Blue' }] },
      'poll.results': { pollId: 'q1', counts: { a: 3, b: 1 } },
      'poll.close': { pollId: 'q1' },
      'viewers.count': { count: 42 },
      mention: { productId: 'p1', text: 'the linen shirt' },
    };
    expect(Object.keys(valid).sort()).toEqual([...eventTypes].sort());
    for (const [type, data] of Object.entries(valid)) {
      const result = validateEventInput({ type, data });
      expect(result, type).toMatchObject({ ok: true, value: { type } });
    }
  });

  it('names the field that is wrong', () => {
    const result = validateEventInput({
      type: 'catalog.set',
      data: { products: [{ ...product, price: { amount: 'ten', currencyCode: 'EUR' } }] },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_event');
    expect(result.error.path).toBe('data.products.0.price.amount');
    expect(result.error.message).toBe('data.products.0.price.amount must be a decimal string like "19.99"');
  });

  it('refuses links that are not http(s)', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', '//evil.example', 'not a url']) {
      const result = validateEventInput({ type: 'catalog.set', data: { products: [{ ...product, url }] } });
      expect(result, url).toMatchObject({ ok: false, error: { path: 'data.products.0.url' } });
    }
    const images = validateEventInput({
      type: 'catalog.set',
      data: { products: [{ ...product, images: [{ url: 'javascript:alert(1)' }] }] },
    });
    expect(images).toMatchObject({ ok: false, error: { path: 'data.products.0.images.0.url' } });
  });

  it('refuses an unknown type and lists the known ones', () => {
    const result = validateEventInput({ type: 'product.hilight', data: { productId: 'p1' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_event_type', path: 'type' } });
    if (!result.ok) expect(result.error.message).toContain('product.highlight');
  });

  it('refuses a missing type, a bad pdt and a non-object', () => {
    expect(validateEventInput({ data: {} })).toMatchObject({ ok: false, error: { path: 'type' } });
    expect(validateEventInput({ type: 'product.clear', pdt: -5 })).toMatchObject({ ok: false, error: { path: 'pdt' } });
    expect(validateEventInput({ type: 'product.clear', pdt: 1.5 })).toMatchObject({ ok: false, error: { path: 'pdt' } });
    expect(validateEventInput('product.clear')).toMatchObject({ ok: false, error: { code: 'invalid_event' } });
    expect(validateEventInput(null)).toMatchObject({ ok: false });
  });

  it('keeps pdt and id when given and drops unknown fields', () => {
    const result = validateEventInput({ type: 'product.highlight', data: { productId: 'p1', extra: '<b>' }, pdt: 5, id: 'evt-1', junk: 1 });
    expect(result).toEqual({ ok: true, value: { type: 'product.highlight', data: { productId: 'p1' }, pdt: 5, id: 'evt-1' } });
  });
});

describe('parseEnvelope', () => {
  const envelope = { v: 1, id: 'e1', show: 'demo', seq: 1, type: 'product.highlight', at: 10, pdt: 5, data: { productId: 'p1' } };

  it('parses a known envelope', () => {
    expect(parseEnvelope(envelope)).toMatchObject({ ok: true, known: true, value: envelope });
  });

  it('lets an unknown type from a newer server through as unknown', () => {
    expect(parseEnvelope({ ...envelope, type: 'stage.lights', data: { colour: 'red' } })).toMatchObject({ ok: true, known: false });
  });

  it('rejects a bad envelope or bad data, naming the field', () => {
    expect(parseEnvelope({ ...envelope, seq: 0 })).toMatchObject({ ok: false, error: { path: 'seq' } });
    expect(parseEnvelope({ ...envelope, v: 2 })).toMatchObject({ ok: false, error: { path: 'v' } });
    expect(parseEnvelope({ ...envelope, data: {} })).toMatchObject({ ok: false, error: { path: 'data.productId' } });
  });
});
