import { afterEach, describe, expect, it } from 'vitest';
import { START, catalog, createFixture, highlight, type Fixture } from '../testing/relay-fixture.js';

let fixture: Fixture;
afterEach(() => fixture.relay.close());

interface StateBody {
  seq: number;
  state: { status: { phase: string }; products: unknown[]; highlights: { productId: string }[]; chat: { messages: unknown[] } };
}

async function withShow(): Promise<void> {
  fixture = createFixture();
  await fixture.createShow('demo');
  const token = await fixture.token('demo', 'producer');
  await fixture.postEvent('demo', token, { ...catalog, pdt: START - 10_000 });
  await fixture.postEvent('demo', token, highlight('p1', { pdt: START - 5000 }));
  await fixture.postEvent('demo', token, highlight('p2', { pdt: START + 5000 }));
  await fixture.relay.shows.append('demo', {
    type: 'chat.message',
    data: { messageId: 'm1', text: 'Love it', author: { name: 'Ann', role: 'viewer' } },
    pdt: START + 60_000,
  });
}

describe('GET /v1/shows/:id/state', () => {
  it('returns the state with every event applied by default', async () => {
    await withShow();
    const response = await fixture.request({ method: 'GET', url: '/v1/shows/demo/state' });
    expect(response.statusCode).toBe(200);
    const body = response.json() as StateBody;
    expect(body.seq).toBe(4);
    expect(body.state.products).toHaveLength(2);
    expect(body.state.highlights.map((item) => item.productId)).toEqual(['p2', 'p1']);
  });

  it('returns the state at a pdt, with audience events on arrival', async () => {
    await withShow();
    const response = await fixture.request({ method: 'GET', url: `/v1/shows/demo/state?at=${START}` });
    const body = response.json() as StateBody;
    expect(body.seq).toBe(4);
    expect(body.state.highlights.map((item) => item.productId)).toEqual(['p1']);
    expect(body.state.chat.messages).toHaveLength(1);
    const before = (await fixture.request({ method: 'GET', url: `/v1/shows/demo/state?at=${START - 20_000}` })).json() as StateBody;
    expect(before.state.products).toEqual([]);
  });

  it('returns the empty state of a new show', async () => {
    fixture = createFixture();
    await fixture.createShow('demo');
    const body = (await fixture.request({ method: 'GET', url: '/v1/shows/demo/state' })).json() as StateBody;
    expect(body).toMatchObject({ seq: 0, state: { status: { phase: 'scheduled' }, products: [] } });
  });

  it.each(['at=yesterday', 'at=-1', 'at=1e12', 'at=99999999999999999', 'pdt=1'])('refuses ?%s with 400', async (query) => {
    await withShow();
    const response = await fixture.request({ method: 'GET', url: `/v1/shows/demo/state?${query}` });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_query' } });
  });

  it('answers 404 for an unknown show', async () => {
    fixture = createFixture();
    const response = await fixture.request({ method: 'GET', url: '/v1/shows/nope/state' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'show_not_found' } });
  });
});

describe('GET /v1/time', () => {
  it('returns the relay clock', async () => {
    fixture = createFixture();
    const response = await fixture.request({ method: 'GET', url: '/v1/time' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ now: START });
  });
});
