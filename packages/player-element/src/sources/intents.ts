import { validateIntent, type IntentAck, type IntentError } from '@live-shop/protocol';
import type { Socket } from 'socket.io-client';

/** How long an intent waits for the relay's acknowledgement before giving up. */
export const INTENT_TIMEOUT_MS = 10_000;

/** The intents a viewer sends, by the name of the method that sends them. */
export type ViewerIntentName = 'chat.send' | 'reaction.send' | 'poll.vote';

/**
 * Refusals a source makes itself, without an answer from the relay. Codes are
 * snake_case like the relay's own (`rate_limited`, `poll_closed`…), so a page switches
 * on one set of codes; messages say what happened and what to do.
 */
export const LOCAL_REFUSALS = {
  offline: 'You are offline; check your connection and try again.',
  disconnected: 'The connection dropped before the relay answered; check your connection and try again.',
  timeout: 'The relay did not answer in time; try again in a moment.',
  bad_answer: 'The relay gave an answer this player does not understand; reload the page and try again.',
} as const;

/** Why a replay refuses each intent. */
export const REPLAY_REFUSALS: Record<ViewerIntentName, string> = {
  'chat.send': 'This is a replay: chat is closed, so messages are not sent.',
  'reaction.send': 'This is a replay: reactions are not sent.',
  'poll.vote': 'This is a replay: the poll is closed, so votes are not counted.',
};

/** Why a custom source without a handler refuses each intent. */
export const UNSUPPORTED_REFUSALS: Record<ViewerIntentName, string> = {
  'chat.send': 'This show does not take chat messages.',
  'reaction.send': 'This show does not take reactions.',
  'poll.vote': 'This show does not take poll votes.',
};

/** A refusal acknowledgement. */
export function refusal(code: string, message: string, extra: Omit<IntentError, 'code' | 'message'> = {}): { ok: false; error: IntentError } {
  return { ok: false, error: { code, message, ...extra } };
}

/** Whether a value from the network has the shape of an acknowledgement. */
export function isIntentAck(value: unknown): value is IntentAck {
  if (typeof value !== 'object' || value === null) return false;
  const ack = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } | null };
  if (ack.ok === true) return true;
  return ack.ok === false && typeof ack.error?.code === 'string' && typeof ack.error.message === 'string';
}

/**
 * Checks an intent as the relay will (the same schema), so a viewer learns at once that
 * a message is empty or too long; then the normalised value (text trimmed) is what is sent.
 */
export function checkIntent(name: ViewerIntentName, input: unknown): { ok: true; value: unknown } | { ok: false; error: IntentError } {
  const checked = validateIntent(name, input);
  return checked.ok ? { ok: true, value: checked.value } : { ok: false, error: checked.error };
}

/**
 * Sends an intent on a socket and resolves with the acknowledgement; never rejects.
 * Offline, the intent is refused at once rather than buffered: a message or a vote sent
 * minutes later, when the connection comes back, is not what the viewer meant.
 */
export async function sendIntent<T extends object>(socket: Socket | undefined, name: ViewerIntentName, input: unknown, timeoutMs: number): Promise<IntentAck<T>> {
  const checked = checkIntent(name, input);
  if (!checked.ok) return { ok: false, error: checked.error };
  if (!socket?.connected) return refusal('offline', LOCAL_REFUSALS.offline);
  try {
    const ack: unknown = await socket.timeout(timeoutMs).emitWithAck(name, checked.value);
    return isIntentAck(ack) ? (ack as IntentAck<T>) : refusal('bad_answer', LOCAL_REFUSALS.bad_answer);
  } catch (error) {
    // socket.io rejects pending acknowledgements when the socket disconnects, and on timeout.
    const dropped = error instanceof Error && /disconnected/.test(error.message);
    return dropped ? refusal('offline', LOCAL_REFUSALS.disconnected) : refusal('timeout', LOCAL_REFUSALS.timeout);
  }
}
