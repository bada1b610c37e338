import { takeBatch } from './batch.js';
import { beaconError, warn } from './dev.js';
import { createEvent, isText } from './event.js';
import type { BeaconEvent, KnownEventType, TrackProps } from './event.js';
import { storedSession } from './session.js';
import { sendBatch } from './transport.js';
import type { Transport } from './transport.js';

/** The viewer's analytics consent. */
export type Consent = 'granted' | 'denied' | 'pending';

export interface BeaconOptions {
  /** The collector endpoint, e.g. `https://shop.example/v1/collect`: http(s) only; relative to the page is fine. */
  url: string;
  /** The show id. */
  show: string;
  /** The viewer's session id. Default: a random id kept in sessionStorage per show, so a reload keeps it. */
  sessionId?: string;
  /** Default `'pending'`: nothing is sent or stored until consent is granted. */
  consent?: Consent;
  /** Events per batch; a full batch is sent at once. Default 20. */
  maxBatch?: number;
  /** How long an event may wait for a batch to fill. Default 5000 ms. */
  flushIntervalMs?: number;
  /** The clock for `at`, epoch ms. Default `Date.now`. */
  now?: () => number;
  /** How batches are delivered. Default: `fetch` with keepalive, `sendBeacon` while the page is hidden. */
  transport?: Transport;
}

export interface Beacon {
  /**
   * Records an event. `pdt`, `mode`, `productId` and `variantId` become fields of the
   * event; other keys are props. An invalid call throws in development and is dropped (or
   * the invalid prop left out) in production.
   */
  track(type: KnownEventType | (string & {}), props?: TrackProps): void;
  /** Sends what is queued now; settles once it is delivered, dropped, or waiting to be retried. */
  flush(): Promise<void>;
  /** Grants (queued events are sent) or denies (queued events and the stored session id are dropped) consent. */
  setConsent(granted: boolean): void;
  /** Sends what is queued one last time, then stops: no timers, no listeners, later events ignored. */
  destroy(): void;
}

/** Events kept while consent is pending. */
const PENDING_LIMIT = 100;
/** Events kept while the collector cannot be reached; the oldest go first. */
const QUEUE_LIMIT = 500;
/** Tries per batch: the first send and four retries, 1 s, 2 s, 4 s and 8 s apart. */
const MAX_TRIES = 5;
/** The longest wait between tries (only reached if MAX_TRIES grows past 7). */
const MAX_BACKOFF_MS = 60_000;

/** Creates the analytics beacon of one show. */
export function createBeacon(options: BeaconOptions): Beacon {
  const { show, maxBatch = 20, flushIntervalMs = 5000, now = Date.now, transport = sendBatch } = options;
  const url = collectorUrl(options.url, show);
  let consent: Consent = options.consent ?? 'pending';
  // Resolved when consent is granted: reading or writing storage before that is not allowed.
  let session = '';
  // Unsent events, oldest first: tracked while consent is pending, or waiting for a batch or a retry.
  const queue: BeaconEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Consecutive failed tries of the batch at the front of the queue. */
  let failures = 0;
  /** The drain in progress (or the last one): what flush() waits for. */
  let sending = Promise.resolve();
  let draining = false;
  let flushAll = false;
  let destroyed = false;

  const trim = (limit: number) => {
    if (queue.length > limit) queue.splice(0, queue.length - limit);
  };

  const stopTimer = () => {
    clearTimeout(timer);
    timer = undefined;
  };

  /** The next send: after the flush interval, or after the backoff while retrying. */
  const schedule = () => {
    if (destroyed) return;
    timer ??= setTimeout(
      () => {
        timer = undefined;
        void flush();
      },
      failures > 0 ? Math.min(1000 * 2 ** (failures - 1), MAX_BACKOFF_MS) : flushIntervalMs,
    );
  };

  const retryLater = (events: BeaconEvent[]) => {
    // Consent withdrawn while the batch was in flight: it is not sent again.
    if (consent !== 'granted') return;
    queue.unshift(...events);
    trim(QUEUE_LIMIT);
    stopTimer();
    schedule();
  };

  /** Sends one batch; resolves true when it should be tried again later. */
  const deliver = (body: string, hiding: boolean): Promise<boolean> =>
    // Async, so that a transport that throws counts as a network error.
    (async () => transport({ url, body, hiding }))().then(
      (status) => {
        if (status === 429 || status >= 500) return true;
        if (status >= 400) {
          warn(`a batch was dropped, as the collector answered ${status}: check the url and the collector's log.`);
        }
        return false;
      },
      () => true,
    );

  /**
   * Sends the queue one batch at a time, so that a failing collector gets one request per
   * try: every batch after flush(), else only full ones (the rest waits for the interval).
   */
  const drain = async () => {
    draining = true;
    try {
      while (queue.length >= (flushAll ? 1 : maxBatch)) {
        const { events, body } = takeBatch(queue, maxBatch);
        if (await deliver(body, false)) {
          if (++failures < MAX_TRIES) return retryLater(events);
          warn(`${events.length} events were dropped after ${MAX_TRIES} tries: check that the collector is up.`);
        }
        failures = 0;
      }
    } finally {
      // Cleared as the loop ends, so that an event tracked after that starts a new drain.
      draining = flushAll = false;
      if (queue.length > 0) schedule();
    }
  };

  const send = (all: boolean): Promise<void> => {
    if (consent === 'granted') {
      if (all) {
        flushAll = true;
        stopTimer();
      }
      // A drain in progress sends what is queued now too.
      if (!draining) sending = drain();
    }
    return sending;
  };
  const flush = () => send(true);

  // The page may be gone soon: send everything at once, with sendBeacon, whatever the backoff.
  const onHide = (event: Event) => {
    if (consent !== 'granted' || (event.type !== 'pagehide' && document.visibilityState !== 'hidden')) return;
    stopTimer();
    while (queue.length > 0) {
      const { events, body } = takeBatch(queue, maxBatch);
      void deliver(body, true).then((retry) => retry && retryLater(events));
    }
  };
  const listening = new AbortController();
  // visibilitychange bubbles from the document to the window (https://html.spec.whatwg.org/multipage/interaction.html#update-the-visibility-state).
  for (const type of ['visibilitychange', 'pagehide']) globalThis.addEventListener?.(type, onHide, { signal: listening.signal });

  const grant = () => {
    consent = 'granted';
    session = options.sessionId ?? storedSession(show);
    for (const event of queue) event.session = session;
    void flush();
  };

  if (consent === 'granted') grant();

  return {
    track(type, props) {
      // Validated first, so that a mistake shows in development whatever the consent.
      const event = createEvent(type, props, show, session, Math.round(now()));
      if (!event || destroyed || consent === 'denied') return;
      queue.push(event);
      trim(consent === 'granted' ? QUEUE_LIMIT : PENDING_LIMIT);
      if (consent !== 'granted') return;
      if (queue.length >= maxBatch && failures === 0) void send(false);
      else schedule();
    },
    flush,
    setConsent(granted) {
      if (destroyed || (consent === 'granted') === granted) return;
      if (granted) return grant();
      consent = 'denied';
      queue.length = 0;
      stopTimer();
      if (options.sessionId === undefined) storedSession(show, true);
    },
    destroy() {
      if (destroyed) return;
      void flush();
      destroyed = true;
      stopTimer();
      listening.abort();
    },
  };
}

/** The absolute collector URL; throws when the url is not http(s) or the show is not an id. */
function collectorUrl(value: string, show: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value, globalThis.location?.href);
  } catch {
    // Not a URL at all: reported below.
  }
  if (!url || !/^https?:$/.test(url.protocol) || !isText(show, 1)) {
    throw beaconError(
      `needs url: the collector's http(s) endpoint, and show: the show's id; got ${JSON.stringify({ url: value, show })}.`,
    );
  }
  return url.href;
}
