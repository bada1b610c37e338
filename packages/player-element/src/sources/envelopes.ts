import { parseEnvelope, type AnyEnvelope } from '@live-shop/protocol';

export interface ParsedBatch {
  /** The envelopes of known types, valid, in input order. */
  events: AnyEnvelope[];
  /** The lowest seq in the batch (Infinity when empty), to notice a gap. */
  firstSeq: number;
  /** The highest seq seen, counting unknown types too (they take seq numbers in the log). */
  lastSeq: number;
}

/**
 * Parses envelopes from the network or a developer. Unknown types (from a newer relay)
 * are skipped silently, as the protocol asks; invalid ones are dropped with a console
 * warning that names the field, so one bad event never stops the show.
 */
export function parseEnvelopes(input: unknown, lastSeq = 0): ParsedBatch {
  const events: AnyEnvelope[] = [];
  let firstSeq = Number.POSITIVE_INFINITY;
  if (!Array.isArray(input)) {
    console.warn('[live-shop] Expected a list of event envelopes; ignored:', input);
    return { events, firstSeq, lastSeq };
  }
  for (const item of input as unknown[]) {
    const parsed = parseEnvelope(item);
    if (!parsed.ok) {
      console.warn(`[live-shop] Ignored an invalid event: ${parsed.error.message}.`);
      continue;
    }
    firstSeq = Math.min(firstSeq, parsed.value.seq);
    lastSeq = Math.max(lastSeq, parsed.value.seq);
    if (parsed.known) events.push(parsed.value);
  }
  return { events, firstSeq, lastSeq };
}
