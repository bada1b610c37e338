import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createBeacon } from './index.js';
import { beacon, destroyBeacons, fakeCollector } from './test-helpers.js';

beforeEach(() => {
  vi.useFakeTimers();
  sessionStorage.clear();
});
afterEach(() => {
  destroyBeacons();
  vi.useRealTimers();
  vi.restoreAllMocks();
  sessionStorage.clear();
});

describe('the wire format', () => {
  test('an event carries the show, the session, the time, the video moment and flat props', async () => {
    const collector = fakeCollector();
    const b = beacon({ transport: collector.transport, sessionId: 'session-1' });
    b.track('product.click', {
      productId: 'gid://shopify/Product/1',
      variantId: 'gid://shopify/ProductVariant/2',
      pdt: 1_699_999_990_000.4,
      mode: 'live',
      position: 2,
      list: 'shelf',
      featured: true,
      skipped: undefined,
    });
    await b.flush();
    expect(collector.requests).toHaveLength(1);
    expect(collector.requests[0]?.url).toBe('https://collector.test/v1/collect');
    expect(collector.requests[0]?.batch).toEqual({
      v: 1,
      events: [
        {
          v: 1,
          type: 'product.click',
          show: 'demo',
          session: 'session-1',
          at: 1_700_000_000_000,
          pdt: 1_699_999_990_000,
          mode: 'live',
          productId: 'gid://shopify/Product/1',
          variantId: 'gid://shopify/ProductVariant/2',
          props: { position: 2, list: 'shelf', featured: true },
        },
      ],
    });
  });

  test('an event without props has no props field; any type matching the pattern is accepted', async () => {
    const collector = fakeCollector();
    const b = beacon({ transport: collector.transport });
    b.track('view.start');
    b.track('video.seek-back_2');
    await b.flush();
    expect(collector.events().map((event) => [event.type, 'props' in event])).toEqual([
      ['view.start', false],
      ['video.seek-back_2', false],
    ]);
  });

  test('in development, an invalid type or prop throws a clear error and nothing is queued', async () => {
    const collector = fakeCollector();
    const b = beacon({ transport: collector.transport });
    for (const type of ['', 'View.Start', '1view', 'view start', `v${'x'.repeat(64)}`, undefined as unknown as string]) {
      expect(() => b.track(type)).toThrow(/\[live-shop\] beacon event type .* is invalid: use a letter then up to 63 of a-z 0-9/);
    }
    const tooMany = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`p${i}`, i]));
    const badProps: Record<string, unknown>[] = [
      { nested: { a: 1 } },
      { long: 'x'.repeat(201) },
      { 'bad-name': 1 },
      { count: Number.NaN },
      tooMany,
    ];
    for (const props of badProps) {
      expect(() => b.track('cart.add', props as never)).toThrow(/\[live-shop\] beacon [\w-]+=.* is invalid: .* up to 20 props named with 1-40 of A-Za-z0-9_/);
    }
    for (const props of [{ pdt: -1 }, { mode: 'rewind' }, { productId: '' }, { variantId: 'x'.repeat(201) }]) {
      expect(() => b.track('cart.add', props as never)).toThrow(/\[live-shop\] beacon \w+=.* is invalid: pdt takes epoch ms, mode live\|replay\|clip, ids 1-200 characters/);
    }
    // The limits themselves are fine, and a prop named like an Object member is just a prop.
    b.track('cart.add', { ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`p${i}`, i])), productId: 'p' });
    b.track('cart.add', { text: 'x'.repeat(200), toString: 'a', constructor: 1 });
    await b.flush();
    expect(collector.events()).toHaveLength(2);
    expect(collector.events()[1]?.props).toEqual({ text: 'x'.repeat(200), toString: 'a', constructor: 1 });
  });
});

describe('options', () => {
  test('a url that is not http(s) is refused with a clear error', () => {
    const transport = fakeCollector().transport;
    for (const url of ['javascript:alert(1)', 'data:text/plain,x', 'ftp://collector.test/v1/collect', 'http://[bad']) {
      expect(() => createBeacon({ url, show: 'demo', transport })).toThrow(
        `[live-shop] beacon needs url: the collector's http(s) endpoint, and show: the show's id; got ${JSON.stringify({ url, show: 'demo' })}.`,
      );
    }
  });

  test('a url relative to the page is sent as an absolute url', async () => {
    const collector = fakeCollector();
    const b = beacon({ url: '/v1/collect', transport: collector.transport });
    b.track('view.start');
    await b.flush();
    expect(collector.requests[0]?.url).toBe(new URL('/v1/collect', location.href).href);
  });

  test('a missing show is refused with a clear error', () => {
    expect(() => createBeacon({ url: 'https://collector.test/v1/collect', show: '' })).toThrow(/beacon needs url: .* and show: the show's id; got/);
  });
});

describe('batching', () => {
  test('a full batch is sent at once, the rest after the flush interval', async () => {
    const collector = fakeCollector();
    const b = beacon({ transport: collector.transport, maxBatch: 3, flushIntervalMs: 5000 });
    for (let i = 0; i < 5; i++) b.track('view.heartbeat', { i });
    await vi.advanceTimersByTimeAsync(0);
    expect(collector.requests.map((request) => request.batch.events.length)).toEqual([3]);

    await vi.advanceTimersByTimeAsync(4999);
    expect(collector.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(collector.requests.map((request) => request.batch.events.length)).toEqual([3, 2]);
    expect(collector.events().map((event) => event.props?.['i'])).toEqual([0, 1, 2, 3, 4]);
    expect(collector.requests.every((request) => !request.hiding)).toBe(true);
  });

  test('the interval starts with the first event of a batch; nothing is sent when there is nothing to send', async () => {
    const collector = fakeCollector();
    const b = beacon({ transport: collector.transport, flushIntervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(collector.requests).toHaveLength(0);
    b.track('view.start');
    await vi.advanceTimersByTimeAsync(600);
    b.track('view.heartbeat');
    await vi.advanceTimersByTimeAsync(400);
    expect(collector.requests.map((request) => request.batch.events.length)).toEqual([2]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(collector.requests).toHaveLength(1);
  });

  test('flush() sends what is queued, in batches of maxBatch', async () => {
    const collector = fakeCollector();
    const b = beacon({ transport: collector.transport, maxBatch: 20 });
    b.setConsent(false);
    b.setConsent(true);
    const pending = beacon({ transport: collector.transport, maxBatch: 20, consent: 'pending' });
    for (let i = 0; i < 45; i++) pending.track('product.impression', { i });
    pending.setConsent(true);
    await pending.flush();
    expect(collector.requests.map((request) => request.batch.events.length)).toEqual([20, 20, 5]);
  });
});

describe('consent', () => {
  test('while pending nothing is sent or stored; once granted, what was tracked is sent', async () => {
    const collector = fakeCollector();
    const b = beacon({ transport: collector.transport, consent: 'pending' });
    b.track('view.start');
    b.track('product.impression', { productId: 'p1' });
    await b.flush();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(collector.requests).toHaveLength(0);
    expect(sessionStorage.length).toBe(0);

    b.setConsent(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(collector.events().map((event) => event.type)).toEqual(['view.start', 'product.impression']);
    const session = sessionStorage.getItem('live-shop:session:demo');
    expect(session).toMatch(/^[0-9a-f]{32}$/);
    expect(collector.events().every((event) => event.session === session)).toBe(true);
  });

  test('consent defaults to pending', async () => {
    const collector = fakeCollector();
    const b = createBeacon({ url: 'https://collector.test/v1/collect', show: 'demo', transport: collector.transport });
    b.track('view.start');
    await b.flush();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(collector.requests).toHaveLength(0);
    b.destroy();
  });

  test('at most 100 events wait for consent: the oldest go first', async () => {
    const collector = fakeCollector();
    const b = beacon({ transport: collector.transport, consent: 'pending', maxBatch: 50 });
    for (let i = 0; i < 150; i++) b.track('view.heartbeat', { i });
    b.setConsent(true);
    await b.flush();
    const sent = collector.events().map((event) => event.props?.['i']);
    expect(sent).toHaveLength(100);
    expect(sent[0]).toBe(50);
    expect(sent.at(-1)).toBe(149);
  });

  test('denied: what was tracked is dropped and later events are ignored', async () => {
    const collector = fakeCollector();
    const b = beacon({ transport: collector.transport, consent: 'pending' });
    b.track('view.start');
    b.setConsent(false);
    b.track('cart.add');
    await b.flush();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(collector.requests).toHaveLength(0);
    expect(sessionStorage.length).toBe(0);
  });

  test('withdrawn: queued events are dropped and the stored session id is removed', async () => {
    const collector = fakeCollector();
    const b = beacon({ transport: collector.transport, consent: 'granted' });
    expect(sessionStorage.getItem('live-shop:session:demo')).not.toBeNull();
    b.track('view.start');
    b.setConsent(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(collector.requests).toHaveLength(0);
    expect(sessionStorage.getItem('live-shop:session:demo')).toBeNull();

    // Granted again: a new session starts.
    b.setConsent(true);
    b.track('view.start');
    await b.flush();
    expect(collector.events()).toHaveLength(1);
  });

  test('a batch in flight when consent is withdrawn is not sent again', async () => {
    let fail!: () => void;
    const transport = vi.fn(() => new Promise<number>((_, reject) => (fail = () => reject(new TypeError('Failed to fetch')))));
    const b = beacon({ transport });
    b.track('view.start');
    void b.flush();
    b.setConsent(false);
    fail();
    await vi.advanceTimersByTimeAsync(120_000);
    b.setConsent(true);
    await b.flush();
    expect(transport).toHaveBeenCalledOnce();
  });
});

describe('the session id', () => {
  test('is the same for every beacon of a show in this tab (a reload keeps it) and differs per show', async () => {
    const collector = fakeCollector();
    const first = beacon({ transport: collector.transport, show: 'show-a' });
    first.track('view.start');
    await first.flush();
    first.destroy();
    // As after a reload: a new beacon of the same show.
    const again = beacon({ transport: collector.transport, show: 'show-a' });
    again.track('view.start');
    await again.flush();
    const other = beacon({ transport: collector.transport, show: 'show-b' });
    other.track('view.start');
    await other.flush();

    const [a1, a2, b1] = collector.events().map((event) => event.session);
    expect(a1).toMatch(/^[0-9a-f]{32}$/);
    expect(a2).toBe(a1);
    expect(b1).toMatch(/^[0-9a-f]{32}$/);
    expect(b1).not.toBe(a1);
    expect(sessionStorage.getItem('live-shop:session:show-a')).toBe(a1);
    expect(sessionStorage.getItem('live-shop:session:show-b')).toBe(b1);
  });

  test('a given sessionId is used as it is and nothing is stored', async () => {
    const collector = fakeCollector();
    const b = beacon({ transport: collector.transport, sessionId: 'from-the-host' });
    b.track('view.start');
    await b.flush();
    expect(collector.events()[0]?.session).toBe('from-the-host');
    expect(sessionStorage.length).toBe(0);
  });

  test('without storage (blocked or full) the beacon still works, with an id of its own', async () => {
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(blocked);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(blocked);
    vi.spyOn(Storage.prototype, 'removeItem').mockImplementation(blocked);
    const collector = fakeCollector();
    const b = beacon({ transport: collector.transport, consent: 'pending' });
    b.track('view.start');
    b.setConsent(true);
    await b.flush();
    expect(collector.events()[0]?.session).toMatch(/^[0-9a-f]{32}$/);
    b.setConsent(false);
  });
});

describe('destroy', () => {
  test('sends what is queued one last time, then stops', async () => {
    const collector = fakeCollector();
    const b = beacon({ transport: collector.transport });
    b.track('view.start');
    b.destroy();
    await vi.advanceTimersByTimeAsync(0);
    expect(collector.events()).toHaveLength(1);
    b.track('view.heartbeat');
    await b.flush();
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(collector.requests).toHaveLength(1);
  });
});
