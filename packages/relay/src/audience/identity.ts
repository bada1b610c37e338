import { createHmac, randomBytes } from 'node:crypto';
import { CLAIMED_VIEWER_ID } from '@live-shop/protocol';

/**
 * Turns what a socket's handshake claims into the viewer id the relay uses for rate
 * limits, slow mode, bans and votes, and publishes as a message's `author.id`.
 *
 * A claimed `viewerId` is untrusted: the relay never publishes it. It publishes a keyed
 * hash of it, scoped to the show, so reading the chat does not tell anyone what to claim
 * to pass for someone else, and one browser is not the same id in two shows. A handshake
 * without a valid `viewerId` gets a random id, for that socket only.
 */
export class ViewerIds {
  readonly #key: Buffer;

  constructor(secret: Uint8Array) {
    // A key of its own, so that viewer ids say nothing about the token signing key.
    this.#key = createHmac('sha256', secret).update('live-shop viewer ids v1').digest();
  }

  /** The viewer id for a show and a claimed id (or a random one when the claim is absent or malformed). */
  forHandshake(show: string, claimed: unknown): string {
    if (typeof claimed !== 'string' || !CLAIMED_VIEWER_ID.test(claimed)) return `v_${randomBytes(16).toString('base64url')}`;
    return `v_${createHmac('sha256', this.#key).update(`${show}\n${claimed}`).digest('base64url').slice(0, 22)}`;
  }
}
