import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnyEnvelope } from '@live-shop/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixture, type Fixture } from '../testing/relay-fixture.js';
import {
  ASSET_PLAYBACK_ID,
  LIVE_STREAM_ID,
  MUX_SECRET,
  muxFixture,
  muxSignature,
  muxVariant,
  postMuxWebhook,
  type MuxFixtureName,
} from '../testing/mux-webhooks.js';

// The fixtures' broadcast: active 11:30:14.512, disconnected 11:59:40.250, idle 12:00:40.331,
// recording completed 12:00:41.977 (2025-05-01, UTC). The relay's clock reads 13:00.
const AFTER_THE_SHOW = Date.UTC(2025, 4, 1, 13, 0, 0);
const ACTIVE_AT = Date.UTC(2025, 4, 1, 11, 30, 14, 512);
const DISCONNECTED_AT = Date.UTC(2025, 4, 1, 11, 59, 40, 250);
const IDLE_AT = Date.UTC(2025, 4, 1, 12, 0, 40, 331);
const COMPLETED_AT = Date.UTC(2025, 4, 1, 12, 0, 41, 977);
const RECORDING_STARTED_AT = Date.UTC(2025, 4, 1, 11, 30, 2, 480);

let fixture: Fixture;
afterEach(() => fixture.relay.close());

async function linkedShow(options: { secret?: string | null } = {}): Promise<void> {
  const secret = options.secret === undefined ? MUX_SECRET : options.secret;
  fixture = createFixture(secret === null ? {} : { muxWebhookSecret: secret });
  fixture.clock.time = AFTER_THE_SHOW;
  const response = await fixture.admin('POST', '/v1/shows', { id: 'spring-drop', muxLiveStreamId: LIVE_STREAM_ID });
  expect(response.statusCode).toBe(201);
}

async function deliver(name: MuxFixtureName) {
  return postMuxWebhook(fixture, muxFixture(name));
}

async function events(show = 'spring-drop'): Promise<AnyEnvelope[]> {
  const response = await fixture.request({ method: 'GET', url: `/v1/shows/${show}/events` });
  expect(response.statusCode).toBe(200);
  return (response.json() as { events: AnyEnvelope[] }).events;
}

function phase(envelope: AnyEnvelope): string | undefined {
  return (envelope.data as { status?: string }).status;
}

function statuses(log: AnyEnvelope[]) {
  return log.map((envelope) => ({ id: envelope.id, pdt: envelope.pdt, data: envelope.data }));
}

describe('POST /v1/webhooks/mux: events become show.status envelopes', () => {
  it('video.live_stream.active makes the show live, with the Mux event id as envelope id and its time as pdt', async () => {
    await linkedShow();
    const response = await deliver('video.live_stream.active');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: true, outcome: 'appended', show: 'spring-drop', seq: 1, type: 'show.status', status: 'live' });
    expect(await events()).toEqual([
      {
        v: 1,
        id: '3a56ac3d-33da-4366-855b-f592d898409d',
        show: 'spring-drop',
        seq: 1,
        type: 'show.status',
        at: AFTER_THE_SHOW,
        pdt: ACTIVE_AT,
        data: { status: 'live' },
      },
    ]);
  });

  it('runs a whole broadcast: live, ended when the encoder dropped, then replay-ready with the recording start', async () => {
    await linkedShow();
    const answers: Record<string, unknown>[] = [];
    for (const name of [
      'video.live_stream.connected',
      'video.asset.created',
      'video.live_stream.active',
      'video.asset.ready', // the live recording is "ready" for DVR while the stream is on
      'video.live_stream.disconnected',
      'video.live_stream.idle',
      'video.asset.live_stream_completed',
    ] as const) {
      const response = await deliver(name);
      expect(response.statusCode, name).toBe(200);
      answers.push(response.json());
    }
    expect(answers.map((answer) => answer.outcome)).toEqual(['ignored', 'ignored', 'appended', 'ignored', 'ignored', 'appended', 'appended']);
    expect(answers[3]).toMatchObject({ reason: expect.stringContaining('still live') });
    expect(statuses(await events())).toEqual([
      { id: '3a56ac3d-33da-4366-855b-f592d898409d', pdt: ACTIVE_AT, data: { status: 'live' } },
      // Stamped when the encoder dropped (the last frame), not 60 s later when the reconnect window ran out.
      { id: '1679091c-5a88-4faf-9fb5-e6087eb1b2dc', pdt: DISCONNECTED_AT, data: { status: 'ended' } },
      {
        id: '8f14e45f-ceea-467f-a0e6-4a3c5d6b7e8f',
        pdt: COMPLETED_AT,
        // startPdt: the earliest recording_times[].started_at (the first frame of the asset).
        data: { status: 'replay-ready', replay: { playbackId: ASSET_PLAYBACK_ID, startPdt: RECORDING_STARTED_AT } },
      },
    ]);
    const state = await fixture.request({ method: 'GET', url: '/v1/shows/spring-drop/state' });
    expect(state.json()).toMatchObject({
      seq: 3,
      state: { status: { phase: 'replay-ready', replay: { playbackId: ASSET_PLAYBACK_ID, startPdt: RECORDING_STARTED_AT } } },
    });
  });

  it('video.live_stream.idle without a disconnect seen ends the show at the idle event', async () => {
    await linkedShow();
    await deliver('video.live_stream.active');
    expect((await deliver('video.live_stream.idle')).json()).toMatchObject({ outcome: 'appended', status: 'ended' });
    expect(statuses(await events())[1]).toEqual({ id: '1679091c-5a88-4faf-9fb5-e6087eb1b2dc', pdt: IDLE_AT, data: { status: 'ended' } });
  });

  it('video.live_stream.idle ends only a live show', async () => {
    await linkedShow();
    const response = await deliver('video.live_stream.idle');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ outcome: 'ignored', show: 'spring-drop', reason: 'the show is scheduled, not live' });
    expect(await events()).toEqual([]);
  });

  it('a reconnect within the window keeps the show live, and the end is stamped at the last disconnect', async () => {
    await linkedShow();
    await deliver('video.live_stream.active');
    const earlyDrop = muxVariant('video.live_stream.disconnected', (event) => {
      event.id = '9b2c7d41-0d7e-4f2a-8e55-2b9a1c3d4e5f';
      event.created_at = '2025-05-01T11:45:02.100000Z';
    });
    await postMuxWebhook(fixture, earlyDrop);
    expect((await deliver('video.live_stream.connected')).json()).toMatchObject({ outcome: 'ignored' });
    const again = muxVariant('video.live_stream.active', (event) => {
      event.id = '5d9f1e2a-3b4c-4d5e-8f60-718293a4b5c6';
      event.created_at = '2025-05-01T11:45:12.000000Z';
    });
    expect((await postMuxWebhook(fixture, again)).json()).toMatchObject({ outcome: 'ignored', reason: 'the show is already live' });
    await deliver('video.live_stream.disconnected');
    await deliver('video.live_stream.idle');
    expect(statuses(await events()).map((event) => [event.data, event.pdt])).toEqual([
      [{ status: 'live' }, ACTIVE_AT],
      [{ status: 'ended' }, DISCONNECTED_AT],
    ]);
  });

  it('video.asset.ready of a finished recording makes the replay ready; the completion of the same asset then adds nothing', async () => {
    await linkedShow();
    await deliver('video.live_stream.active');
    await deliver('video.live_stream.idle');
    const ready = muxVariant('video.asset.live_stream_completed', (event) => {
      event.type = 'video.asset.ready';
      event.id = '2c9d4e1f-7a8b-4c3d-9e0f-1a2b3c4d5e6f';
    });
    expect((await postMuxWebhook(fixture, ready)).json()).toMatchObject({ outcome: 'appended', status: 'replay-ready' });
    expect((await deliver('video.asset.live_stream_completed')).json()).toMatchObject({ outcome: 'ignored', reason: 'the show already has this replay' });
    const log = await events();
    expect(log.map((envelope) => envelope.data)).toEqual([
      { status: 'live' },
      { status: 'ended' },
      { status: 'replay-ready', replay: { playbackId: ASSET_PLAYBACK_ID, startPdt: RECORDING_STARTED_AT } },
    ]);
  });

  it('a recording completed while the show is still live is answered 409 so that Mux retries it after the idle event', async () => {
    await linkedShow();
    await deliver('video.live_stream.active');
    const early = await deliver('video.asset.live_stream_completed');
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: { code: 'show_still_live', message: expect.stringContaining('Mux delivers this event again') } });
    expect(await events()).toHaveLength(1);
    await deliver('video.live_stream.idle');
    const retried = await deliver('video.asset.live_stream_completed');
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ outcome: 'appended', status: 'replay-ready' });
    expect((await events()).map(phase)).toEqual(['live', 'ended', 'replay-ready']);
  });

  it('a recording of a show that never went live is not its replay', async () => {
    await linkedShow();
    const response = await deliver('video.asset.live_stream_completed');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ outcome: 'ignored' });
    expect(await events()).toEqual([]);
  });

  it('a new broadcast on an ended show makes it live again', async () => {
    await linkedShow();
    await deliver('video.live_stream.active');
    await deliver('video.live_stream.idle');
    const next = muxVariant('video.live_stream.active', (event) => {
      event.id = '7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';
      event.created_at = '2025-05-01T12:10:00.000000Z';
    });
    expect((await postMuxWebhook(fixture, next)).json()).toMatchObject({ outcome: 'appended', status: 'live' });
    expect((await events()).map(phase)).toEqual(['live', 'ended', 'live']);
  });

  it('finds the linked show after a restart (a file-backed relay)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'relay-mux-'));
    try {
      fixture = createFixture({ dataDir: dir, muxWebhookSecret: MUX_SECRET });
      fixture.clock.time = AFTER_THE_SHOW;
      await fixture.admin('POST', '/v1/shows', { id: 'spring-drop' });
      await fixture.request({ method: 'PATCH', url: '/v1/shows/spring-drop', headers: { authorization: 'Bearer test-admin-key' }, payload: { muxLiveStreamId: LIVE_STREAM_ID } });
      await deliver('video.live_stream.active');
      await fixture.relay.close();
      fixture = createFixture({ dataDir: dir, muxWebhookSecret: MUX_SECRET });
      fixture.clock.time = AFTER_THE_SHOW;
      expect((await deliver('video.live_stream.idle')).json()).toMatchObject({ outcome: 'appended', status: 'ended' });
      expect((await deliver('video.live_stream.active')).json()).toMatchObject({ outcome: 'duplicate' });
      expect((await events()).map(phase)).toEqual(['live', 'ended']);
    } finally {
      await fixture.relay.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('broadcasts the envelope to the show like any other event', async () => {
    await linkedShow();
    const seen: AnyEnvelope[] = [];
    fixture.relay.shows.onAppend((_show, envelopes) => seen.push(...envelopes));
    await deliver('video.live_stream.active');
    expect(seen.map((envelope) => envelope.id)).toEqual(['3a56ac3d-33da-4366-855b-f592d898409d']);
  });
});

describe('POST /v1/webhooks/mux: what is answered 200 and ignored', () => {
  it('appends a delivery that Mux sends twice only once', async () => {
    await linkedShow();
    const first = await deliver('video.live_stream.active');
    const second = await deliver('video.live_stream.active');
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ outcome: 'ignored', reason: 'the show is already live' });
    expect(await events()).toHaveLength(1);
  });

  it('recognises a late second delivery by its event id, even after the show moved on', async () => {
    await linkedShow();
    await deliver('video.live_stream.active');
    await deliver('video.live_stream.idle');
    const late = await deliver('video.live_stream.active');
    expect(late.statusCode).toBe(200);
    expect(late.json()).toEqual({ received: true, outcome: 'duplicate', show: 'spring-drop', seq: 1 });
    expect((await events()).map(phase)).toEqual(['live', 'ended']);
  });

  it('handles two deliveries of the same event at once as one', async () => {
    await linkedShow();
    const body = muxFixture('video.live_stream.active');
    const answers = await Promise.all([postMuxWebhook(fixture, body), postMuxWebhook(fixture, body), postMuxWebhook(fixture, body)]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200]);
    expect(await events()).toHaveLength(1);
  });

  it.each([
    ['a type the relay does not act on', muxFixture('video.asset.created')],
    ['a type from the future', muxVariant('video.live_stream.active', (event) => (event.type = 'video.live_stream.teleported'))],
    ['a type of another product', muxVariant('video.live_stream.active', (event) => (event.type = 'robots.job.summarize.completed'))],
    ['the disconnect of the encoder', muxFixture('video.live_stream.disconnected')],
    ['a DVR-ready recording of a live stream', muxFixture('video.asset.ready')],
    ['an uploaded asset', muxVariant('video.asset.live_stream_completed', (event) => delete event.data.live_stream_id)],
  ])('answers %s with 200 and stores nothing', async (_what, body) => {
    await linkedShow();
    const response = await postMuxWebhook(fixture, body);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ received: true, outcome: 'ignored', reason: expect.any(String) });
    expect(await events()).toEqual([]);
  });

  it('answers an event of a live stream no show is linked to with 200 and stores nothing', async () => {
    await linkedShow();
    const other = muxVariant('video.live_stream.active', (event) => {
      event.object.id = 'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe';
      event.data.id = 'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe';
    });
    const response = await postMuxWebhook(fixture, other);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: true, outcome: 'ignored', reason: 'no show is linked to Mux live stream Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe' });
    expect(await events()).toEqual([]);
  });
});

describe('POST /v1/webhooks/mux: signatures', () => {
  async function refused(body: string, signature: string | null, code: string): Promise<void> {
    const response = await postMuxWebhook(fixture, body, signature);
    expect(response.statusCode).toBe(401);
    const error = (response.json() as { error: { code: string; message: string } }).error;
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(40);
    expect(await events()).toEqual([]);
  }

  it('refuses a signature made with another secret', async () => {
    await linkedShow();
    const body = muxFixture('video.live_stream.active');
    await refused(body, muxSignature(body, { secret: 'not-the-secret' }), 'invalid_signature');
  });

  it('refuses a tampered body', async () => {
    await linkedShow();
    const body = muxFixture('video.live_stream.active');
    const signature = muxSignature(body);
    await refused(body.replace('video.live_stream.active', 'video.live_stream.idle'), signature, 'invalid_signature');
    // One byte of whitespace is enough: the signature covers the raw bytes, not the JSON value.
    await refused(`${body} `, signature, 'invalid_signature');
  });

  it('refuses a signature more than 5 minutes old, and accepts one just inside', async () => {
    await linkedShow();
    const body = muxFixture('video.live_stream.active');
    const now = Math.floor(Date.now() / 1000);
    await refused(body, muxSignature(body, { t: now - 301 }), 'signature_expired');
    await refused(body, muxSignature(body, { t: now - 3600 }), 'signature_expired');
    const fresh = await postMuxWebhook(fixture, body, muxSignature(body, { t: now - 240 }));
    expect(fresh.statusCode).toBe(200);
  });

  it.each([
    ['missing', null, 'missing_signature'],
    ['empty', '', 'missing_signature'],
    ['without v1', `t=${Math.floor(Date.now() / 1000)}`, 'invalid_signature'],
    ['without t', 'v1=0123456789abcdef', 'invalid_signature'],
    ['garbage', 'sha256=abc', 'invalid_signature'],
  ])('refuses a %s Mux-Signature header', async (_what, signature, code) => {
    await linkedShow();
    await refused(muxFixture('video.live_stream.active'), signature, code);
  });

  it('accepts a header carrying several v1 signatures, one of them right (secret rotation)', async () => {
    await linkedShow();
    const body = muxFixture('video.live_stream.active');
    const t = Math.floor(Date.now() / 1000);
    const right = muxSignature(body, { t }).split(',')[1];
    const wrong = muxSignature(body, { t, secret: 'old-secret' }).split(',')[1];
    const response = await postMuxWebhook(fixture, body, `t=${t},${wrong},${right}`);
    expect(response.statusCode).toBe(200);
  });

  it('answers 503 with what to set when no secret is configured, and stores nothing', async () => {
    await linkedShow({ secret: null });
    const response = await deliver('video.live_stream.active');
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({
      error: {
        code: 'mux_webhooks_not_configured',
        message:
          'Mux webhooks are not set up on this relay: set MUX_WEBHOOK_SECRET (or the relay option muxWebhookSecret) to the signing secret of this webhook in the Mux dashboard, then restart the relay.',
      },
    });
    expect(await events()).toEqual([]);
  });

  it('treats an empty secret as none', async () => {
    await linkedShow({ secret: '' });
    expect((await deliver('video.live_stream.active')).statusCode).toBe(503);
  });
});

describe('POST /v1/webhooks/mux: bodies', () => {
  it('refuses a body that is not JSON with 415, before anything else', async () => {
    await linkedShow();
    const body = muxFixture('video.live_stream.active');
    const response = await fixture.request({
      method: 'POST',
      url: '/v1/webhooks/mux',
      headers: { 'content-type': 'text/plain', 'mux-signature': muxSignature(body) },
      payload: body,
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
    expect(await events()).toEqual([]);
  });

  it('accepts a charset parameter on the content type', async () => {
    await linkedShow();
    const body = muxFixture('video.live_stream.active');
    const response = await fixture.request({
      method: 'POST',
      url: '/v1/webhooks/mux',
      headers: { 'content-type': 'application/json; charset=utf-8', 'mux-signature': muxSignature(body) },
      payload: body,
    });
    expect(response.statusCode).toBe(200);
  });

  it('refuses a signed body that is not JSON, or not a Mux event, with 400', async () => {
    await linkedShow();
    const notJson = '{"type": "video.live_stream.active",';
    const response = await postMuxWebhook(fixture, notJson);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_json' } });
    const noId = muxVariant('video.live_stream.active', (event) => delete event.id);
    const second = await postMuxWebhook(fixture, noId);
    expect(second.statusCode).toBe(400);
    expect(second.json()).toMatchObject({ error: { code: 'invalid_webhook', path: 'id' } });
    const list = await postMuxWebhook(fixture, '[]');
    expect(list.json()).toMatchObject({ error: { code: 'invalid_webhook' } });
    expect(await events()).toEqual([]);
  });

  it('refuses an empty body as unsigned', async () => {
    await linkedShow();
    const response = await fixture.request({ method: 'POST', url: '/v1/webhooks/mux' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'missing_signature' } });
  });

  it('keeps raw bodies to this route: the rest of the API still parses JSON', async () => {
    await linkedShow();
    const token = await fixture.token('spring-drop', 'producer');
    const response = await fixture.request({
      method: 'POST',
      url: '/v1/shows/spring-drop/events',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ type: 'product.clear', data: {} }),
    });
    expect(response.statusCode).toBe(201);
    const badJson = await fixture.request({
      method: 'POST',
      url: '/v1/shows',
      headers: { authorization: 'Bearer test-admin-key', 'content-type': 'application/json' },
      payload: '{"id": ',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json()).toMatchObject({ error: { code: 'invalid_json' } });
  });
});
