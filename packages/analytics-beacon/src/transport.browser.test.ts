import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createBeacon, sendBatch } from './index.js';
import type { Beacon, BeaconBatch } from './index.js';
import { restoreVisibility, setVisibility } from './test-helpers.js';

// The default transport, against stubs of fetch and sendBeacon: the browser tests have no
// collector to talk to, so they check the requests the browser is asked to make.

const url = 'https://collector.test/v1/collect';
let beacon: Beacon | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  sessionStorage.clear();
});
afterEach(() => {
  beacon?.destroy();
  beacon = undefined;
  restoreVisibility();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
  sessionStorage.clear();
});

function stubFetch(...responses: Array<number | Error>) {
  const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => {
    const next = responses.shift() ?? 204;
    if (next instanceof Error) throw next;
    return new Response(null, { status: next });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

test('batches are POSTed as JSON with keepalive', async () => {
  const fetch = stubFetch();
  beacon = createBeacon({ url, show: 'demo', consent: 'granted', sessionId: 's1', now: () => 42 });
  beacon.track('cart.add', { productId: 'p1', quantity: 2 });
  await beacon.flush();

  expect(fetch).toHaveBeenCalledOnce();
  const [input, init] = fetch.mock.calls[0]!;
  expect(input).toBe(url);
  expect(init).toMatchObject({ method: 'POST', keepalive: true, headers: { 'content-type': 'application/json' } });
  expect(JSON.parse(init?.body as string)).toEqual({
    v: 1,
    events: [{ v: 1, type: 'cart.add', show: 'demo', session: 's1', at: 42, productId: 'p1', props: { quantity: 2 } }],
  } satisfies BeaconBatch);
});

test('the status of the answer is what the beacon acts on; a failed fetch is a network error', async () => {
  stubFetch(503);
  await expect(sendBatch({ url, body: '{}', hiding: false })).resolves.toBe(503);
  stubFetch(new TypeError('Failed to fetch'));
  await expect(sendBatch({ url, body: '{}', hiding: false })).rejects.toThrow('Failed to fetch');
});

test('a failed fetch is retried with backoff', async () => {
  const fetch = stubFetch(new TypeError('Failed to fetch'), 503, 204);
  beacon = createBeacon({ url, show: 'demo', consent: 'granted' });
  beacon.track('view.start');
  await beacon.flush();
  await vi.advanceTimersByTimeAsync(1000);
  await vi.advanceTimersByTimeAsync(2000);
  expect(fetch).toHaveBeenCalledTimes(3);
  expect(new Set(fetch.mock.calls.map(([, init]) => init?.body)).size).toBe(1);
});

test('when the page is hidden, batches go by navigator.sendBeacon as a JSON blob', async () => {
  const fetch = stubFetch();
  const sendBeacon = vi.spyOn(navigator, 'sendBeacon').mockReturnValue(true);
  beacon = createBeacon({ url, show: 'demo', consent: 'granted', sessionId: 's1', now: () => 42 });
  beacon.track('view.heartbeat', { pdt: 1000 });
  setVisibility('hidden');

  expect(fetch).not.toHaveBeenCalled();
  expect(sendBeacon).toHaveBeenCalledOnce();
  const [target, data] = sendBeacon.mock.calls[0]!;
  expect(target).toBe(url);
  expect(data).toBeInstanceOf(Blob);
  expect((data as Blob).type).toBe('application/json');
  expect(JSON.parse(await (data as Blob).text())).toEqual({
    v: 1,
    events: [{ v: 1, type: 'view.heartbeat', show: 'demo', session: 's1', at: 42, pdt: 1000 }],
  });
});

test('a batch sendBeacon refuses (its quota is full) goes by fetch with keepalive', async () => {
  const fetch = stubFetch();
  vi.spyOn(navigator, 'sendBeacon').mockReturnValue(false);
  await expect(sendBatch({ url, body: '{"v":1,"events":[]}', hiding: true })).resolves.toBe(204);
  expect(fetch).toHaveBeenCalledWith(url, expect.objectContaining({ keepalive: true, body: '{"v":1,"events":[]}' }));
});

test('the real sendBeacon accepts the JSON blob', () => {
  // Chromium before 81 threw for a blob of a type that is not CORS-safelisted (crbug.com/490015).
  expect(navigator.sendBeacon(new URL('/__beacon-probe', location.href).href, new Blob(['{}'], { type: 'application/json' }))).toBe(true);
});
