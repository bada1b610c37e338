import { vi } from 'vitest';
import { createBeacon } from './index.js';
import type { Beacon, BeaconBatch, BeaconOptions, BeaconRequest } from './index.js';

/** What a fake collector answers to each request in turn: a status, or a network error. */
export type Answer = number | Error;

export interface RecordedRequest extends BeaconRequest {
  batch: BeaconBatch;
}

/**
 * A transport that records every batch and answers from `answers` (then 204), so that
 * tests see exactly what a collector would receive.
 */
export function fakeCollector(answers: Answer[] = []) {
  const requests: RecordedRequest[] = [];
  const transport = vi.fn((request: BeaconRequest): Promise<number> => {
    requests.push({ ...request, batch: JSON.parse(request.body) as BeaconBatch });
    const answer = answers.shift() ?? 204;
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  });
  /** Every event received, in order. */
  const events = () => requests.flatMap((request) => request.batch.events);
  return { requests, transport, events };
}

const created: Beacon[] = [];

/** createBeacon with test defaults; every beacon is destroyed by {@link destroyBeacons}. */
export function beacon(options: Partial<BeaconOptions> & Pick<BeaconOptions, 'transport'>): Beacon {
  const made = createBeacon({ url: 'https://collector.test/v1/collect', show: 'demo', consent: 'granted', now: () => 1_700_000_000_000, ...options });
  created.push(made);
  return made;
}

export function destroyBeacons(): void {
  for (const made of created.splice(0)) made.destroy();
}

/** Makes the page look hidden (or visible again) and tells the page, as a browser does. */
export function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  // As the browser fires it: at the document, bubbling to the window.
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
}

export function restoreVisibility(): void {
  // The override is an own property of `document`; removing it uncovers the real getter.
  delete (document as { visibilityState?: unknown }).visibilityState;
}
