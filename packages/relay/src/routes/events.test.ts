import type { AnyEnvelope } from '@live-shop/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { START, bearer, catalog, createFixture, highlight, seqs, type Fixture } from '../testing/relay-fixture.js';

let fixture: Fixture;
afterEach(() => fixture.relay.close());

async function withProducer(options: { pdtOffsetMs?: number } = {}): Promise<string> {
  fixture = createFixture();
  await fixture.createShow('demo', options);
  return fixture.token('demo', 'producer');
}

describe('POST /v1/shows/:id/events', () => {
  it('appends an event and answers 201 with its envelope', async () => {
    const token = await withProducer({ pdtOffsetMs: 5000 });
    const response = await fixture.postEvent('demo', token, catalog);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      v: 1,
      id: expect.any(String),
      show: 'demo',
      seq: 1,
      type: 'catalog.set',
      at: START,
      pdt: START - 5000,
      data: catalog.data,
    });
  });

  it('keeps the pdt and id the caller gives', async () => {
    const token = await withProducer();
    const response = await fixture.postEvent('demo', token, { ...catalog, pdt: START - 1234, id: 'cat-1' });
    expect(response.json()).toMatchObject({ id: 'cat-1', pdt: START - 1234, at: START });
  });

  it('answers a retry with the stored envelope and 200, without appending twice', async () => {
    const token = await withProducer();
    const first = await fixture.postEvent('demo', token, { ...catalog, id: 'cat-1' });
    fixture.clock.advance(10_000);
    const retry = await fixture.postEvent('demo', token, { ...catalog, id: 'cat-1' });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    const log = await fixture.request({ method: 'GET', url: '/v1/shows/demo/events' });
    expect((log.json() as { events: AnyEnvelope[] }).events).toHaveLength(1);
  });

  it('refuses a reused id for a different event with 409', async () => {
    const token = await withProducer();
    await fixture.postEvent('demo', token, { ...catalog, id: 'e-1' });
    const response = await fixture.postEvent('demo', token, { ...highlight('p1'), id: 'e-1' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: { code: 'event_id_conflict', path: 'id' } });
  });

  it('keeps seq gapless under concurrent posts', async () => {
    const token = await withProducer();
    await fixture.postEvent('demo', token, catalog);
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, index) => fixture.postEvent('demo', token, highlight(index % 2 ? 'p1' : 'p2'))),
    );
    expect(responses.every((response) => response.statusCode === 201)).toBe(true);
    const posted = responses.map((response) => (response.json() as AnyEnvelope).seq).sort((a, b) => a - b);
    expect(posted).toEqual(Array.from({ length: 60 }, (_, index) => index + 2));
    const log = await fixture.request({ method: 'GET', url: '/v1/shows/demo/events' });
    expect(seqs((log.json() as { events: AnyEnvelope[] }).events)).toEqual(Array.from({ length: 61 }, (_, index) => index + 1));
  });

  it.each([
    [{ type: 'product.highlight', data: {} }, 'invalid_event', 'data.productId'],
    [{ type: 'product.hilight', data: { productId: 'p1' } }, 'unknown_event_type', 'type'],
    [{ type: 'catalog.set', data: { products: [{ id: 'p1' }] } }, 'invalid_event', 'data.products.0.handle'],
    [{ type: 'product.highlight', data: { productId: 'p1' }, pdt: -5 }, 'invalid_event', 'pdt'],
    [{ type: 'product.highlight', data: { productId: 'p1' }, seq: 7 }, 'unknown_field', 'seq'],
  ])('refuses %j with 400 %s at %s', async (payload, code, path) => {
    const token = await withProducer();
    const response = await fixture.postEvent('demo', token, payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code, path } });
    expect((response.json() as { error: { message: string } }).error.message.length).toBeGreaterThan(10);
    expect(await fixture.relay.shows.eventsAfter('demo')).toEqual([]);
  });

  it('refuses a body that is not an object', async () => {
    const token = await withProducer();
    const response = await fixture.request({ method: 'POST', url: '/v1/shows/demo/events', headers: { ...bearer(token), 'content-type': 'application/json' }, payload: '[1]' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_body' } });
  });

  it('needs a token: 401 when it is missing, malformed or expired', async () => {
    const token = await withProducer();
    const missing = await fixture.request({ method: 'POST', url: '/v1/shows/demo/events', payload: highlight('p1') });
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toEqual({
      error: {
        code: 'missing_token',
        message: 'This endpoint needs a token; send "Authorization: Bearer <token>" with a token from POST /v1/shows/:id/tokens.',
      },
    });
    const garbage = await fixture.postEvent('demo', 'garbage', highlight('p1'));
    expect(garbage.statusCode).toBe(401);
    expect(garbage.json()).toMatchObject({ error: { code: 'invalid_token' } });
    fixture.clock.advance(12 * 3600 * 1000);
    const expired = await fixture.postEvent('demo', token, highlight('p1'));
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ error: { code: 'token_expired' } });
  });

  it('refuses the admin key in place of a producer token', async () => {
    await withProducer();
    const response = await fixture.admin('POST', '/v1/shows/demo/events', highlight('p1'));
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_token' } });
  });

  it('needs a producer token: 403 for viewers and moderators', async () => {
    await withProducer();
    for (const role of ['viewer', 'moderator'] as const) {
      const response = await fixture.postEvent('demo', await fixture.token('demo', role), highlight('p1'));
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: { code: 'forbidden_role' } });
    }
  });

  it('needs a token for this show: 403 for another show\'s producer', async () => {
    await withProducer();
    await fixture.createShow('other');
    const response = await fixture.postEvent('demo', await fixture.token('other', 'producer'), highlight('p1'));
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'wrong_show', message: expect.stringContaining('"other", not "demo"') } });
  });
});

describe('GET /v1/shows/:id/events', () => {
  async function withLog(): Promise<void> {
    const token = await withProducer();
    await fixture.postEvent('demo', token, catalog);
    await fixture.postEvent('demo', token, highlight('p1'));
    await fixture.postEvent('demo', token, highlight('p2'));
  }

  it('returns the whole log in seq order', async () => {
    await withLog();
    const response = await fixture.request({ method: 'GET', url: '/v1/shows/demo/events' });
    expect(response.statusCode).toBe(200);
    expect(seqs((response.json() as { events: AnyEnvelope[] }).events)).toEqual([1, 2, 3]);
  });

  it('returns the events after a seq', async () => {
    await withLog();
    const response = await fixture.request({ method: 'GET', url: '/v1/shows/demo/events?after=1' });
    expect(seqs((response.json() as { events: AnyEnvelope[] }).events)).toEqual([2, 3]);
    const none = await fixture.request({ method: 'GET', url: '/v1/shows/demo/events?after=3' });
    expect(none.json()).toEqual({ events: [] });
  });

  it.each(['after=-1', 'after=abc', 'after=1.5', 'after=', 'after=1&after=2', 'since=1'])('refuses ?%s with 400', async (query) => {
    await withLog();
    const response = await fixture.request({ method: 'GET', url: `/v1/shows/demo/events?${query}` });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_query' } });
  });

  it('answers 404 for an unknown show', async () => {
    fixture = createFixture();
    const response = await fixture.request({ method: 'GET', url: '/v1/shows/nope/events' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'show_not_found' } });
  });
});
