import type { BeaconEvent } from './event.js';

/**
 * The largest body sent. Browsers cap the bodies of keepalive requests and beacons in flight
 * at 64 KiB (https://fetch.spec.whatwg.org/#http-network-or-cache-fetch, "inflightKeepaliveBytes"),
 * so a batch stays well under that.
 */
export const MAX_BODY_BYTES = 60_000;

/** The next batch to send, taken off the front of the queue. */
export interface Batch {
  events: BeaconEvent[];
  /** The batch as JSON: `{"v":1,"events":[…]}`. */
  body: string;
}

/**
 * Removes from the front of `queue` the events of one batch (at most `maxEvents` of them and
 * {@link MAX_BODY_BYTES} of JSON; always at least one) and returns them with the body.
 */
export function takeBatch(queue: BeaconEvent[], maxEvents: number): Batch {
  const parts: string[] = [];
  let bytes = '{"v":1,"events":[]}'.length;
  for (const event of queue) {
    const json = JSON.stringify(event);
    // One comma per event overcounts by one byte, which is harmless.
    const size = new Blob([json]).size + 1; // bytes of UTF-8
    if (parts.length > 0 && (parts.length >= maxEvents || bytes + size > MAX_BODY_BYTES)) break;
    parts.push(json);
    bytes += size;
  }
  return { events: queue.splice(0, parts.length), body: `{"v":1,"events":[${parts.join(',')}]}` };
}
