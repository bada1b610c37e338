// Test support (not part of the build): Mux webhook fixtures, signed exactly as Mux signs
// them (https://docs.mux.com/guides/verify-webhook-signatures), independently of
// @mux/mux-node so that the tests check the relay against Mux's scheme, not against itself.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import type { Fixture } from './relay-fixture.js';

export const MUX_SECRET = 'test-mux-webhook-signing-secret';
export const LIVE_STREAM_ID = 'Q00XlFLtp3yYRhY8ILQ3BGUM4hyKx01Cb6G3Jxwm7ig4A';
export const ASSET_PLAYBACK_ID = 'pK02MUtTgMkMJH9dCr8SIW4L6t8e006G027EhqwvVsJyJg';

export type MuxFixtureName =
  | 'video.live_stream.connected'
  | 'video.live_stream.active'
  | 'video.asset.created'
  | 'video.asset.ready'
  | 'video.live_stream.disconnected'
  | 'video.live_stream.idle'
  | 'video.asset.live_stream_completed';

/** The raw text of a fixture, byte for byte as stored (pretty-printed, unlike Mux's compact JSON). */
export function muxFixture(name: MuxFixtureName): string {
  return readFileSync(new URL(`../mux/fixtures/${name}.json`, import.meta.url), 'utf8');
}

/** A fixture parsed, changed by `change`, and serialized again (compact, as Mux sends). */
export function muxVariant(name: MuxFixtureName, change: (event: Record<string, any>) => void): string {
  const event = JSON.parse(muxFixture(name)) as Record<string, any>;
  change(event);
  return JSON.stringify(event);
}

/** The `Mux-Signature` header Mux sends: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export function muxSignature(body: string, options: { secret?: string; t?: number } = {}): string {
  const t = options.t ?? Math.floor(Date.now() / 1000);
  const v1 = createHmac('sha256', options.secret ?? MUX_SECRET).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/** Posts `body` to the webhook, signed (unless `signature` is given, or null for none). */
export function postMuxWebhook(fixture: Fixture, body: string, signature?: string | null): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== null) headers['mux-signature'] = signature ?? muxSignature(body);
  return fixture.request({ method: 'POST', url: '/v1/webhooks/mux', headers, payload: body });
}
