import { fail } from './dev.js';

/**
 * The event types the collector aggregates into metrics. Any other name matching
 * `^[a-z][a-z0-9_.-]{0,63}$` is accepted too and stored as it is.
 */
export type KnownEventType =
  | 'view.start'
  | 'view.heartbeat'
  | 'product.impression'
  | 'product.click'
  | 'cart.add'
  | 'checkout.start';

/** How the viewer is watching: the live stream, the recording, or a clip of it. */
export type PlaybackMode = 'live' | 'replay' | 'clip';

export type PropValue = string | number | boolean;

/** One event as sent to the collector: the wire contract of `POST /v1/collect` (see the README). */
export interface BeaconEvent {
  v: 1;
  type: string;
  show: string;
  session: string;
  /** When it happened, epoch ms (the viewer's clock). */
  at: number;
  /** The video moment it belongs to, epoch ms (the player's current program date time). */
  pdt?: number;
  mode?: PlaybackMode;
  productId?: string;
  variantId?: string;
  /** At most 20; names of up to 40 letters, digits or `_`; strings of up to 200 characters. */
  props?: Record<string, PropValue>;
}

/** A batch as posted to the collector. */
export interface BeaconBatch {
  v: 1;
  events: BeaconEvent[];
}

/**
 * What `track` takes: `pdt`, `mode`, `productId` and `variantId` become fields of the event;
 * every other key is a prop. Keys whose value is undefined are left out.
 */
export interface TrackProps {
  pdt?: number | undefined;
  mode?: PlaybackMode | undefined;
  productId?: string | undefined;
  variantId?: string | undefined;
  [name: string]: PropValue | undefined;
}

/** A string of `min` to 200 characters. */
export const isText = (value: unknown, min: number): boolean => typeof value === 'string' && value.length >= min && value.length <= 200;

/**
 * Whether `value` is valid for `name` when `name` is one of the fields of the event that
 * `track` takes among its props (`pdt`, `mode`, `productId`, `variantId`); undefined for a prop.
 */
const checkField = (name: string, value: PropValue): boolean | undefined =>
  name === 'pdt'
    ? typeof value === 'number' && value >= 0 && value < Infinity
    : name === 'mode'
      ? /^(live|replay|clip)$/.test(value as string)
      : name === 'productId' || name === 'variantId'
        ? isText(value, 1)
        : undefined;

/**
 * Builds the wire event of a `track` call. An invalid call throws in development; in
 * production an invalid type drops the event and an invalid field or prop is left out, so
 * analytics never break a page.
 */
export function createEvent(
  type: string,
  input: TrackProps | undefined,
  show: string,
  session: string,
  at: number,
): BeaconEvent | undefined {
  if (typeof type !== 'string' || !/^[a-z][a-z0-9_.-]{0,63}$/.test(type)) {
    fail(`event type ${JSON.stringify(type)} is invalid: use a letter then up to 63 of a-z 0-9 . _ -`);
    return undefined;
  }
  const event: BeaconEvent = { v: 1, type, show, session, at };
  const props: Record<string, PropValue> = {};
  let count = 0;
  for (const name in input) {
    const value = input[name];
    if (value === undefined) continue;
    const field = checkField(name, value);
    if (!(field ?? (/^[A-Za-z_]\w{0,39}$/.test(name) && count < 20 && (typeof value === 'boolean' || Number.isFinite(value) || isText(value, 0))))) {
      fail(
        `${name}=${JSON.stringify(value)} is invalid: pdt takes epoch ms, mode live|replay|clip, ids 1-200 characters, and up to 20 props named with 1-40 of A-Za-z0-9_, each a boolean, finite number or 0-200 characters.`,
      );
    } else if (field) {
      (event as unknown as Record<string, PropValue>)[name] = name === 'pdt' ? Math.round(value as number) : value;
    } else {
      props[name] = value;
      count++;
    }
  }
  if (count > 0) event.props = props;
  return event;
}
