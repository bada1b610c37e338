import type { IntentError } from '@live-shop/protocol';
import { RelayError } from '../errors.js';

/**
 * An intent or moderation action the relay refuses: over HTTP a `4xx {error}`, on the
 * socket an acknowledgement `{ok: false, error}`. `retryAfterMs` says when sending again
 * will work (rate limit, slow mode).
 */
export class Refusal extends RelayError {
  constructor(
    statusCode: number,
    code: string,
    message: string,
    path?: string,
    readonly retryAfterMs?: number,
  ) {
    super(statusCode, code, message, path);
  }
}

/** The `error` of a refused intent's acknowledgement; never a stack trace. */
export function intentError(error: unknown): IntentError {
  if (error instanceof RelayError && error.statusCode < 500) {
    const retryAfterMs = error instanceof Refusal ? error.retryAfterMs : undefined;
    return {
      code: error.code,
      message: error.message,
      ...(error.path ? { path: error.path } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  }
  return { code: 'internal_error', message: 'The relay failed while handling this; try again in a moment.' };
}

/** "3 s", "1 min 5 s": how long to wait, for messages people read. */
export function waitText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
}
