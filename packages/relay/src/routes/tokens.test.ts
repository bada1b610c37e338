import { afterEach, describe, expect, it } from 'vitest';
import { START, bearer, createFixture, type Fixture } from '../testing/relay-fixture.js';

let fixture: Fixture;
afterEach(() => fixture.relay.close());

describe('POST /v1/shows/:id/tokens', () => {
  it.each(['producer', 'moderator', 'viewer'] as const)('issues a %s token', async (role) => {
    fixture = createFixture();
    await fixture.createShow('demo');
    const response = await fixture.admin('POST', '/v1/shows/demo/tokens', { role });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { token: string };
    expect(body).toEqual({ token: expect.any(String), role, show: 'demo', expiresAt: START + 12 * 3600 * 1000 });
    const payload = JSON.parse(Buffer.from(body.token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(payload).toEqual({ show: 'demo', role, iss: 'live-shop-relay', aud: 'live-shop', iat: START / 1000, exp: START / 1000 + 12 * 3600 });
  });

  it('sets the expiry asked for', async () => {
    fixture = createFixture();
    await fixture.createShow('demo');
    const response = await fixture.admin('POST', '/v1/shows/demo/tokens', { role: 'viewer', expiresInSeconds: 300 });
    expect(response.json()).toMatchObject({ expiresAt: START + 300_000 });
  });

  it.each([
    [{}, 'role'],
    [{ role: 'admin' }, 'role'],
    [{ role: 'viewer', expiresInSeconds: 0 }, 'expiresInSeconds'],
    [{ role: 'viewer', expiresInSeconds: 31 * 24 * 3600 }, 'expiresInSeconds'],
    [{ role: 'viewer', expiresInSeconds: '60' }, 'expiresInSeconds'],
    [{ role: 'viewer', scope: 'all' }, 'scope'],
  ])('refuses %j with 400 naming %s', async (payload, path) => {
    fixture = createFixture();
    await fixture.createShow('demo');
    const response = await fixture.admin('POST', '/v1/shows/demo/tokens', payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { path } });
  });

  it('needs the admin key, not a token', async () => {
    fixture = createFixture();
    await fixture.createShow('demo');
    const producer = await fixture.token('demo', 'producer');
    const response = await fixture.request({ method: 'POST', url: '/v1/shows/demo/tokens', headers: bearer(producer), payload: { role: 'producer' } });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_admin_key' } });
  });

  it('answers 404 for an unknown show', async () => {
    fixture = createFixture();
    const response = await fixture.admin('POST', '/v1/shows/nope/tokens', { role: 'viewer' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'show_not_found' } });
  });
});
