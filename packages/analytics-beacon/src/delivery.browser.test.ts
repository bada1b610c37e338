import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { beacon, destroyBeacons, fakeCollector, restoreVisibility, setVisibility } from './test-helpers.js';

beforeEach(() => {
  vi.useFakeTimers();
  sessionStorage.clear();
});
afterEach(() => {
  destroyBeacons();
  restoreVisibility();
  vi.useRealTimers();
  vi.restoreAllMocks();
  sessionStorage.clear();
});

const offline = () => new TypeError('Failed to fetch');

describe('retries', () => {
  test('503, 429 and network errors are retried 1 s, 2 s, 4 s later, and nothing is lost meanwhile', async () => {
    const collector = fakeCollector([503, 429, offline()]);
    const b = beacon({ transport: collector.transport });
    b.track('view.start');
    await b.flush();
    expect(collector.requests).toHaveLength(1);

    b.track('product.click', { productId: 'p1' }); // while waiting to retry
    await vi.advanceTimersByTimeAsync(999);
    expect(collector.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(collector.requests).toHaveLength(2);

    await vi.advanceTimersByTimeAsync(1999);
    expect(collector.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(collector.requests).toHaveLength(3);

    await vi.advanceTimersByTimeAsync(3999);
    expect(collector.requests).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(collector.requests).toHaveLength(4);

    // Every try carried the same events; the last one got through.
    const types = collector.requests.map((request) => request.batch.events.map((event) => event.type));
    expect(types[0]).toEqual(['view.start']);
    expect(types.slice(1)).toEqual(Array(3).fill(['view.start', 'product.click']));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(collector.requests).toHaveLength(4);
  });

  test('a batch is tried at most 5 times, then dropped with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const collector = fakeCollector(Array(10).fill(503));
    const b = beacon({ transport: collector.transport });
    b.track('view.start');
    await b.flush();
    await vi.advanceTimersByTimeAsync(1000 + 2000 + 4000 + 8000);
    expect(collector.requests).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(collector.requests).toHaveLength(5);
    expect(warn).toHaveBeenCalledWith('[live-shop] beacon 1 events were dropped after 5 tries: check that the collector is up.');

    // The next event starts afresh.
    b.track('view.heartbeat');
    await b.flush();
    expect(collector.requests.at(-1)?.batch.events.map((event) => event.type)).toEqual(['view.heartbeat']);
  });

  test('a 400 is not retried: the batch is dropped with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const collector = fakeCollector([400]);
    const b = beacon({ transport: collector.transport });
    b.track('view.start');
    await b.flush();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(collector.requests).toHaveLength(1);
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toBe("[live-shop] beacon a batch was dropped, as the collector answered 400: check the url and the collector's log.");

    b.track('view.heartbeat');
    await b.flush();
    expect(collector.requests.map((request) => request.batch.events.map((event) => event.type))).toEqual([['view.start'], ['view.heartbeat']]);
  });

  test('a transport that throws counts as a network error', async () => {
    let calls = 0;
    const b = beacon({
      transport: () => {
        if (++calls === 1) throw new Error('boom');
        return 204;
      },
    });
    b.track('view.start');
    await b.flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(2);
  });

  test('while the collector is down at most 500 events are kept: the oldest go first', async () => {
    const collector = fakeCollector([503]);
    const b = beacon({ transport: collector.transport, maxBatch: 20 });
    b.track('view.start', { i: -1 });
    await b.flush();
    // No full batch is sent while waiting to retry.
    for (let i = 0; i < 600; i++) b.track('view.heartbeat', { i });
    expect(collector.requests).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(1000);
    await b.flush();
    const delivered = collector.requests.slice(1).flatMap((request) => request.batch.events);
    expect(delivered).toHaveLength(500);
    expect(delivered[0]?.props?.['i']).toBe(100);
    expect(delivered.at(-1)?.props?.['i']).toBe(599);
    expect(collector.requests.slice(1).every((request) => request.batch.events.length <= 20)).toBe(true);
  });

  test('the wait doubles with each failed try: 1, 2, 4, 8 s', async () => {
    // A flush() counts as a try: after four failed tries the fifth waits 8 s.
    const collector = fakeCollector(Array(20).fill(503));
    const b = beacon({ transport: collector.transport });
    b.track('view.start');
    await b.flush(); // try 1 fails: next in 1 s
    await b.flush(); // try 2 fails: next in 2 s
    await b.flush(); // 4 s
    await b.flush(); // 8 s
    expect(collector.requests).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(7999);
    expect(collector.requests).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(1);
    expect(collector.requests).toHaveLength(5);
  });
});

describe('when the page is hidden', () => {
  test('visibilitychange to hidden sends everything at once with the hiding flag (sendBeacon)', async () => {
    const collector = fakeCollector();
    const b = beacon({ transport: collector.transport, maxBatch: 2 });
    b.track('view.start');
    setVisibility('visible');
    expect(collector.requests).toHaveLength(0);

    setVisibility('hidden');
    // Synchronously: the page may be frozen right after the event.
    expect(collector.requests).toHaveLength(1);
    expect(collector.requests[0]?.hiding).toBe(true);
    expect(collector.events().map((event) => event.type)).toEqual(['view.start']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(collector.requests).toHaveLength(1);
  });

  test('pagehide sends what is queued, even while waiting to retry', async () => {
    const collector = fakeCollector([503]);
    const b = beacon({ transport: collector.transport });
    b.track('view.start');
    await b.flush();
    b.track('cart.add');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(collector.requests).toHaveLength(2);
    expect(collector.requests[1]).toMatchObject({ hiding: true });
    expect(collector.requests[1]?.batch.events.map((event) => event.type)).toEqual(['view.start', 'cart.add']);
  });

  test('a batch the browser refuses on hide is kept and sent later', async () => {
    const collector = fakeCollector([offline()]);
    const b = beacon({ transport: collector.transport, flushIntervalMs: 5000 });
    b.track('view.start');
    setVisibility('hidden');
    await vi.advanceTimersByTimeAsync(0);
    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(5000);
    expect(collector.requests.map((request) => [request.hiding, request.batch.events.length])).toEqual([
      [true, 1],
      [false, 1],
    ]);
  });

  test('while consent is pending nothing is sent on hide', () => {
    const collector = fakeCollector();
    const b = beacon({ transport: collector.transport, consent: 'pending' });
    b.track('view.start');
    setVisibility('hidden');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(collector.requests).toHaveLength(0);
  });
});

describe('batch size', () => {
  // 19 props of 200 two-byte characters, and i: about 7.8 KB of JSON per event.
  const bigProps = Object.fromEntries(Array.from({ length: 19 }, (_, i) => [`p${i}`, 'é'.repeat(200)]));

  test('batches are split to stay under 60 KB, in order', async () => {
    const collector = fakeCollector();
    const b = beacon({ transport: collector.transport, maxBatch: 100 });
    for (let i = 0; i < 40; i++) b.track('product.impression', { ...bigProps, i });
    await b.flush();
    expect(collector.requests.length).toBeGreaterThan(1);
    for (const request of collector.requests) expect(new Blob([request.body]).size).toBeLessThanOrEqual(60_000);
    expect(collector.events().map((event) => event.props?.['i'])).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  test('and so are the batches sent on hide', () => {
    const collector = fakeCollector();
    const b = beacon({ transport: collector.transport, maxBatch: 100 });
    for (let i = 0; i < 40; i++) b.track('product.impression', { ...bigProps, i });
    setVisibility('hidden');
    expect(collector.requests.length).toBeGreaterThan(1);
    expect(collector.requests.every((request) => request.hiding && new Blob([request.body]).size <= 60_000)).toBe(true);
    expect(collector.events()).toHaveLength(40);
  });
});
