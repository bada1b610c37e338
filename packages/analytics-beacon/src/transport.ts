/** One batch to deliver. */
export interface BeaconRequest {
  /** The collector endpoint (absolute http(s) URL). */
  url: string;
  /** The batch as JSON. */
  body: string;
  /** The page is being hidden or unloaded: use a delivery that survives it. */
  hiding: boolean;
}

/**
 * Delivers one batch: resolves with the HTTP status of the collector's answer, rejects on a
 * network error. 2xx is delivered; 429 and 5xx are retried with backoff; any other 4xx is
 * dropped. Inject one in tests, or to route beacons through your own code.
 */
export type Transport = (request: BeaconRequest) => Promise<number> | number;

/**
 * The default transport: `navigator.sendBeacon` while the page is being hidden (the browser
 * queues it and delivers it after the page is gone; a 202 stands for "queued"), else
 * `fetch` with `keepalive` so that a batch in flight outlives a navigation. When
 * sendBeacon refuses a batch (its quota is full), fetch is tried instead.
 */
export const sendBatch: Transport = ({ url, body, hiding }) =>
  // Chromium before 81 threw for a JSON blob (crbug.com/490015): the beacon counts a throw as
  // a network error and tries again later, by fetch.
  hiding && navigator.sendBeacon(url, new Blob([body], { type: 'application/json' }))
    ? 202
    : fetch(url, {
        method: 'POST',
        keepalive: true,
        headers: { 'content-type': 'application/json' },
        body,
      }).then((response) => response.status);
