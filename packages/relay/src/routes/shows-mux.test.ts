import { afterEach, describe, expect, it } from 'vitest';
import { LIVE_STREAM_ID, MUX_SECRET, muxFixture, postMuxWebhook } from '../testing/mux-webhooks.js';
import { ADMIN_KEY, START, bearer, createFixture, type Fixture } from '../testing/relay-fixture.js';

let fixture: Fixture;
afterEach(() => fixture.relay.close());

const OTHER_STREAM = 'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe';

function patch(url: string, payload: unknown) {
  return fixture.request({ method: 'PATCH', url, headers: bearer(ADMIN_KEY), payload: payload as object });
}

describe('a show linked to a Mux live stream', () => {
  it('is linked at creation and shows the link', async () => {
    fixture = createFixture();
    const created = await fixture.admin('POST', '/v1/shows', { id: 'spring-drop', muxLiveStreamId: LIVE_STREAM_ID });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ id: 'spring-drop', title: 'spring-drop', createdAt: START, pdtOffsetMs: 0, muxLiveStreamId: LIVE_STREAM_ID });
    const read = await fixture.request({ method: 'GET', url: '/v1/shows/spring-drop' });
    expect(read.json()).toMatchObject({ muxLiveStreamId: LIVE_STREAM_ID });
    expect(fixture.relay.shows.findByMuxLiveStream(LIVE_STREAM_ID)?.id).toBe('spring-drop');
  });

  it('shows no muxLiveStreamId when it has none', async () => {
    fixture = createFixture();
    await fixture.createShow('spring-drop');
    const read = await fixture.request({ method: 'GET', url: '/v1/shows/spring-drop' });
    expect(read.json()).not.toHaveProperty('muxLiveStreamId');
  });

  it('is linked, relinked and unlinked with PATCH /v1/shows/:id', async () => {
    fixture = createFixture();
    await fixture.createShow('spring-drop');
    const linked = await patch('/v1/shows/spring-drop', { muxLiveStreamId: LIVE_STREAM_ID });
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toEqual({ id: 'spring-drop', title: 'spring-drop', createdAt: START, pdtOffsetMs: 0, muxLiveStreamId: LIVE_STREAM_ID });
    // Linking it again to the same show is fine.
    expect((await patch('/v1/shows/spring-drop', { muxLiveStreamId: LIVE_STREAM_ID })).statusCode).toBe(200);
    const relinked = await patch('/v1/shows/spring-drop', { muxLiveStreamId: OTHER_STREAM });
    expect(relinked.json()).toMatchObject({ muxLiveStreamId: OTHER_STREAM });
    expect(fixture.relay.shows.findByMuxLiveStream(LIVE_STREAM_ID)).toBeUndefined();
    const unlinked = await patch('/v1/shows/spring-drop', { muxLiveStreamId: null });
    expect(unlinked.statusCode).toBe(200);
    expect(unlinked.json()).not.toHaveProperty('muxLiveStreamId');
    expect(fixture.relay.shows.findByMuxLiveStream(OTHER_STREAM)).toBeUndefined();
  });

  it('changes the title and pdt offset with PATCH, and only the fields given', async () => {
    fixture = createFixture();
    await fixture.admin('POST', '/v1/shows', { id: 'spring-drop', title: 'Spring drop', muxLiveStreamId: LIVE_STREAM_ID });
    const response = await patch('/v1/shows/spring-drop', { pdtOffsetMs: 4000 });
    expect(response.json()).toEqual({ id: 'spring-drop', title: 'Spring drop', createdAt: START, pdtOffsetMs: 4000, muxLiveStreamId: LIVE_STREAM_ID });
    const renamed = await patch('/v1/shows/spring-drop', { title: 'Spring drop, live' });
    expect(renamed.json()).toMatchObject({ title: 'Spring drop, live', pdtOffsetMs: 4000 });
    // The new offset applies to the events that follow.
    const token = await fixture.token('spring-drop', 'producer');
    const event = await fixture.postEvent('spring-drop', token, { type: 'product.clear', data: {} });
    expect(event.json()).toMatchObject({ pdt: START - 4000 });
  });

  it('belongs to one show at a time: linking it to a second show is a 409 that says how to move it', async () => {
    fixture = createFixture();
    await fixture.admin('POST', '/v1/shows', { id: 'spring-drop', muxLiveStreamId: LIVE_STREAM_ID });
    const created = await fixture.admin('POST', '/v1/shows', { id: 'summer-drop', muxLiveStreamId: LIVE_STREAM_ID });
    expect(created.statusCode).toBe(409);
    expect(created.json()).toEqual({
      error: {
        code: 'mux_live_stream_in_use',
        message: `Mux live stream "${LIVE_STREAM_ID}" is already linked to show "spring-drop"; unlink it there first with PATCH /v1/shows/spring-drop {"muxLiveStreamId": null}.`,
        path: 'muxLiveStreamId',
      },
    });
    expect(fixture.relay.shows.get('summer-drop')).toBeUndefined();
    await fixture.createShow('summer-drop');
    const patched = await patch('/v1/shows/summer-drop', { muxLiveStreamId: LIVE_STREAM_ID });
    expect(patched.statusCode).toBe(409);
    await patch('/v1/shows/spring-drop', { muxLiveStreamId: null });
    expect((await patch('/v1/shows/summer-drop', { muxLiveStreamId: LIVE_STREAM_ID })).statusCode).toBe(200);
  });

  it.each([
    [{ muxLiveStreamId: '' }, 'muxLiveStreamId'],
    [{ muxLiveStreamId: 'has spaces' }, 'muxLiveStreamId'],
    [{ muxLiveStreamId: 'x'.repeat(256) }, 'muxLiveStreamId'],
    [{ muxLiveStreamId: 42 }, 'muxLiveStreamId'],
    [{ title: null }, 'title'],
    [{ pdtOffsetMs: -1 }, 'pdtOffsetMs'],
  ])('PATCH refuses %j with 400 naming %s', async (payload, path) => {
    fixture = createFixture();
    await fixture.createShow('spring-drop');
    const response = await patch('/v1/shows/spring-drop', payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_show', path } });
  });

  it('POST refuses a null muxLiveStreamId (leave it out instead)', async () => {
    fixture = createFixture();
    const response = await fixture.admin('POST', '/v1/shows', { id: 'spring-drop', muxLiveStreamId: null });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_show', path: 'muxLiveStreamId' } });
  });

  it('PATCH needs the admin key, a known show and a known field', async () => {
    fixture = createFixture();
    await fixture.createShow('spring-drop');
    const anonymous = await fixture.request({ method: 'PATCH', url: '/v1/shows/spring-drop', payload: { muxLiveStreamId: LIVE_STREAM_ID } });
    expect(anonymous.statusCode).toBe(401);
    const unknown = await patch('/v1/shows/nope', { muxLiveStreamId: LIVE_STREAM_ID });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'show_not_found' } });
    const field = await patch('/v1/shows/spring-drop', { id: 'other' });
    expect(field.statusCode).toBe(400);
    expect(field.json()).toMatchObject({ error: { code: 'unknown_field', path: 'id' } });
    const empty = await fixture.request({ method: 'PATCH', url: '/v1/shows/spring-drop', headers: { authorization: 'Bearer test-admin-key' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ error: { code: 'invalid_body' } });
  });

  it('stops receiving the live stream webhooks once unlinked', async () => {
    fixture = createFixture({ muxWebhookSecret: MUX_SECRET });
    fixture.clock.time = Date.UTC(2025, 4, 1, 13, 0, 0);
    await fixture.admin('POST', '/v1/shows', { id: 'spring-drop', muxLiveStreamId: LIVE_STREAM_ID });
    await patch('/v1/shows/spring-drop', { muxLiveStreamId: null });
    const response = await postMuxWebhook(fixture, muxFixture('video.live_stream.active'));
    expect(response.json()).toMatchObject({ outcome: 'ignored' });
    expect(await fixture.relay.shows.eventsAfter('spring-drop')).toEqual([]);
  });

  it('allows PATCH in CORS preflights', async () => {
    fixture = createFixture();
    const response = await fixture.request({
      method: 'OPTIONS',
      url: '/v1/shows/spring-drop',
      headers: { origin: 'https://brand.example', 'access-control-request-method': 'PATCH' },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-methods']).toContain('PATCH');
  });
});
