import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_KEY, START, createFixture, type Fixture } from '../testing/relay-fixture.js';

let fixture: Fixture;
afterEach(() => fixture.relay.close());

describe('POST /v1/shows', () => {
  it('creates a show with the given fields', async () => {
    fixture = createFixture();
    const response = await fixture.admin('POST', '/v1/shows', { id: 'spring-drop', title: 'Spring drop', pdtOffsetMs: 4000 });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ id: 'spring-drop', title: 'Spring drop', createdAt: START, pdtOffsetMs: 4000 });
  });

  it('generates an id when none is given, with or without a body', async () => {
    fixture = createFixture();
    for (const payload of [undefined, {}]) {
      const response = await fixture.admin('POST', '/v1/shows', payload);
      expect(response.statusCode).toBe(201);
      const body = response.json() as { id: string; title: string; pdtOffsetMs: number };
      expect(body.id).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
      expect(body).toMatchObject({ title: body.id, pdtOffsetMs: 0 });
    }
  });

  it('refuses an id that is taken with 409', async () => {
    fixture = createFixture();
    await fixture.createShow('demo');
    const response = await fixture.admin('POST', '/v1/shows', { id: 'demo' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({
      error: { code: 'show_exists', message: 'Show "demo" already exists; pick another id, or use the existing show.', path: 'id' },
    });
  });

  it.each([
    [{ id: 'Demo' }, 'id'],
    [{ id: '-demo' }, 'id'],
    [{ id: 'a'.repeat(65) }, 'id'],
    [{ id: 42 }, 'id'],
    [{ title: 'x'.repeat(301) }, 'title'],
    [{ title: null }, 'title'],
    [{ pdtOffsetMs: -1 }, 'pdtOffsetMs'],
    [{ pdtOffsetMs: 1.5 }, 'pdtOffsetMs'],
    [{ pdtOffsetMs: '4000' }, 'pdtOffsetMs'],
  ])('refuses %j with 400 naming %s', async (payload, path) => {
    fixture = createFixture();
    const response = await fixture.admin('POST', '/v1/shows', payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_show', path } });
  });

  it('refuses unknown fields and bodies that are not objects', async () => {
    fixture = createFixture();
    const unknown = await fixture.admin('POST', '/v1/shows', { id: 'demo', name: 'Demo' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { code: 'unknown_field', path: 'name' } });
    const list = await fixture.admin('POST', '/v1/shows', ['demo']);
    expect(list.statusCode).toBe(400);
    expect(list.json()).toMatchObject({ error: { code: 'invalid_body' } });
  });

  it('needs the admin key', async () => {
    fixture = createFixture();
    const missing = await fixture.request({ method: 'POST', url: '/v1/shows', payload: { id: 'demo' } });
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toMatchObject({ error: { code: 'missing_admin_key' } });
    const wrong = await fixture.request({ method: 'POST', url: '/v1/shows', headers: { authorization: `Bearer ${ADMIN_KEY}x` }, payload: { id: 'demo' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: { code: 'invalid_admin_key' } });
    expect(fixture.relay.shows.get('demo')).toBeUndefined();
  });
});

describe('GET /v1/shows/:id', () => {
  it('returns the show', async () => {
    fixture = createFixture();
    await fixture.createShow('demo', { title: 'Demo' });
    const response = await fixture.request({ method: 'GET', url: '/v1/shows/demo' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: 'demo', title: 'Demo', createdAt: START, pdtOffsetMs: 0 });
  });

  it('answers 404 show_not_found for an unknown show', async () => {
    fixture = createFixture();
    const response = await fixture.request({ method: 'GET', url: '/v1/shows/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'show_not_found', message: 'Show "nope" does not exist; check the id, or create the show with POST /v1/shows.' },
    });
  });
});
