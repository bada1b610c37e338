import { parseLiveEnvelope, reduceLive, type AnyLiveEnvelope, type LiveState } from '@live-shop/protocol';

export interface AppliedLive {
  /** The live state after the batch. */
  state: LiveState;
  /** The envelopes of known types, valid, in input order. */
  envelopes: AnyLiveEnvelope[];
}

/**
 * Folds a batch of live envelopes (the socket's `live` event, or a developer's) into a
 * live state. Like the log's envelopes: unknown types (from a newer relay) are skipped
 * silently, invalid ones dropped with a console warning naming the field, so one bad
 * envelope never stops the rest.
 */
export function applyLive(state: LiveState, input: unknown): AppliedLive {
  const envelopes: AnyLiveEnvelope[] = [];
  if (!Array.isArray(input)) {
    console.warn('[live-shop] Expected a list of live envelopes; ignored:', input);
    return { state, envelopes };
  }
  for (const item of input as unknown[]) {
    const parsed = parseLiveEnvelope(item);
    if (!parsed.ok) {
      console.warn(`[live-shop] Ignored an invalid live envelope: ${parsed.error.message}.`);
      continue;
    }
    if (!parsed.known) continue;
    state = reduceLive(state, parsed.value);
    envelopes.push(parsed.value);
  }
  return { state, envelopes };
}
