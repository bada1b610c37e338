import type { AnyEnvelope, EventInput } from '@live-shop/protocol';

/** JSON with object keys sorted, so that two equal values always give the same text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * True when `input` is a retry of the stored event: same type and data, and the same pdt
 * if it names one (a retry that leaves pdt to the relay gets the stored one).
 */
export function sameEvent(stored: AnyEnvelope, input: EventInput): boolean {
  return (
    stored.type === input.type &&
    (input.pdt === undefined || input.pdt === stored.pdt) &&
    canonicalJson(stored.data) === canonicalJson(input.data)
  );
}
