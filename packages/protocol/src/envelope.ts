import * as v from 'valibot';
import { eventDataSchemas, isEventType, type EventDataMap, type EventType } from './events.js';
import { EpochMs, Id } from './schema-parts.js';

export const PROTOCOL_VERSION = 1;

/** An event as stored in a show's log and sent to viewers. */
export interface Envelope<T extends EventType = EventType> {
  v: 1;
  /** Unique event id; client-chosen for idempotency, else assigned by the relay. */
  id: string;
  show: string;
  /** Per-show sequence number assigned by the relay: gapless and increasing. */
  seq: number;
  type: T;
  /** Relay receive time, epoch ms. */
  at: number;
  /** The moment of the video the event belongs to (program date time), epoch ms. */
  pdt: number;
  data: EventDataMap[T];
}

/** Any envelope, narrowed by `type`. */
export type AnyEnvelope = { [T in EventType]: Envelope<T> }[EventType];

/** What a producer or an API caller sends: the relay adds show, seq, at and (maybe) pdt and id. */
export interface EventInput<T extends EventType = EventType> {
  type: T;
  data: EventDataMap[T];
  pdt?: number;
  id?: string;
}

export interface ValidationError {
  code: 'invalid_event' | 'unknown_event_type';
  message: string;
  /** Dot path of the offending field, e.g. "data.products.0.price.amount". */
  path?: string;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; error: ValidationError };

const InputShape = v.object({
  type: v.string('must be an event type string such as "product.highlight"'),
  data: v.optional(v.unknown()),
  pdt: v.optional(EpochMs),
  id: v.optional(Id),
});

const EnvelopeShape = v.object({
  v: v.literal(PROTOCOL_VERSION, 'must be 1 (protocol version)'),
  id: Id,
  show: Id,
  seq: v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1')),
  type: v.pipe(v.string('must be an event type string'), v.minLength(1, 'must not be empty')),
  at: EpochMs,
  pdt: EpochMs,
  data: v.unknown(),
});

function fail(issues: v.BaseIssue<unknown>[], prefix?: string): { ok: false; error: ValidationError } {
  const issue = issues[0];
  const inner = issue ? v.getDotPath(issue) : null;
  const path = [prefix, inner].filter((part): part is string => typeof part === 'string' && part.length > 0).join('.');
  const message = issue?.message ?? 'is invalid';
  return {
    ok: false,
    error: { code: 'invalid_event', message: path ? `${path} ${message}` : message, ...(path ? { path } : {}) },
  };
}

function validateData<T extends EventType>(type: T, data: unknown): Validation<EventDataMap[T]> {
  const result = v.safeParse(eventDataSchemas[type], data ?? {});
  if (!result.success) return fail(result.issues, 'data');
  return { ok: true, value: result.output as EventDataMap[T] };
}

/**
 * Validates an event sent to the relay. Strict: an unknown type is refused, with the
 * list of known types, so a typo never reaches the log.
 */
export function validateEventInput(input: unknown): Validation<EventInput> {
  const shape = v.safeParse(InputShape, input);
  if (!shape.success) return fail(shape.issues);
  const { type, data, pdt, id } = shape.output;
  if (!isEventType(type)) {
    return {
      ok: false,
      error: {
        code: 'unknown_event_type',
        message: `type "${type.slice(0, 60)}" is not a known event type; use one of: ${Object.keys(eventDataSchemas).join(', ')}`,
        path: 'type',
      },
    };
  }
  const checked = validateData(type, data);
  if (!checked.ok) return checked;
  const value: EventInput = { type, data: checked.value };
  if (pdt !== undefined) value.pdt = pdt;
  if (id !== undefined) value.id = id;
  return { ok: true, value };
}

/**
 * Parses an envelope received from a relay. Lenient about the future: an envelope of a
 * type this version does not know is returned as `known: false` so callers can ignore it
 * (a newer server must not break an older embed); a known type with bad data is an error.
 */
export function parseEnvelope(
  input: unknown,
): { ok: true; value: AnyEnvelope; known: true } | { ok: true; value: Envelope<never> & { type: string }; known: false } | { ok: false; error: ValidationError } {
  const shape = v.safeParse(EnvelopeShape, input);
  if (!shape.success) return fail(shape.issues);
  const envelope = shape.output;
  if (!isEventType(envelope.type)) {
    return { ok: true, known: false, value: envelope as Envelope<never> & { type: string } };
  }
  const checked = validateData(envelope.type, envelope.data);
  if (!checked.ok) return checked;
  return { ok: true, known: true, value: { ...envelope, type: envelope.type, data: checked.value } as AnyEnvelope };
}
