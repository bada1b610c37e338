import { afterEach, expect, test, vi } from 'vitest';
import { createEvent } from './event.js';

// The browser tests run as development; this checks what a production build does with the
// same mistakes: nothing throws at the page, and only the invalid part is lost.
afterEach(() => vi.unstubAllEnvs());

test('in production an invalid type drops the event, and invalid fields and props are left out', () => {
  vi.stubEnv('NODE_ENV', 'production');
  expect(createEvent('Not A Type', {}, 'demo', 's', 1)).toBeUndefined();
  const event = createEvent(
    'cart.add',
    { productId: '', mode: 'rewind' as 'live', pdt: -1, ok: 'yes', nested: { a: 1 } as unknown as string, long: 'x'.repeat(201), 'bad-name': 1 },
    'demo',
    's',
    1,
  );
  expect(event).toEqual({ v: 1, type: 'cart.add', show: 'demo', session: 's', at: 1, props: { ok: 'yes' } });
});

test('in development the same mistakes throw', () => {
  vi.stubEnv('NODE_ENV', 'development');
  expect(() => createEvent('Not A Type', {}, 'demo', 's', 1)).toThrow(/event type "Not A Type" is invalid/);
});
