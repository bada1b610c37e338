import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_KEY, bearer, createFixture, type Fixture } from './testing/relay-fixture.js';

let fixture: Fixture;
afterEach(() => fixture.relay.close());

const adminJson = { ...bearer(ADMIN_KEY), 'content-type': 'application/json' };

function expectErrorBody(body: unknown, code: string): void {
  expect(body).toEqual({ error: { code, message: expect.stringMatching(/^[A-Z].+; .+\.$/) } });
}

describe('errors for bad requests', () => {
  it('answers invalid JSON with 400 invalid_json', async () => {
    fixture = createFixture();
    for (const payload of ['{"id": "demo"', '', '{"__proto__": {"admin": true}}']) {
      const response = await fixture.request({ method: 'POST', url: '/v1/shows', headers: adminJson, payload });
      expect(response.statusCode).toBe(400);
      expectErrorBody(response.json(), 'invalid_json');
    }
  });

  it('answers a body that is not JSON with 415', async () => {
    fixture = createFixture();
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const response = await fixture.request({ method: 'POST', url: '/v1/shows', headers: { ...bearer(ADMIN_KEY), 'content-type': contentType }, payload: 'id=demo' });
      expect(response.statusCode).toBe(415);
      expectErrorBody(response.json(), 'unsupported_media_type');
    }
  });

  it('answers a body over the limit with 413', async () => {
    fixture = createFixture({ bodyLimit: 1024 });
    const response = await fixture.admin('POST', '/v1/shows', { id: 'demo', title: 'x'.repeat(2000) });
    expect(response.statusCode).toBe(413);
    expectErrorBody(response.json(), 'body_too_large');
    expect(fixture.relay.shows.get('demo')).toBeUndefined();
  });

  it('answers an unknown route or method with a JSON 404', async () => {
    fixture = createFixture();
    for (const [method, url] of [['GET', '/'], ['GET', '/v2/shows'], ['DELETE', '/v1/shows/demo'], ['GET', '/v1/shows/demo/nothing']] as const) {
      const response = await fixture.request({ method, url });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expectErrorBody(response.json(), 'not_found');
    }
  });

  it('answers a malformed URL with 400', async () => {
    fixture = createFixture();
    const response = await fixture.request({ method: 'GET', url: '/v1/shows/%E0%A4%A' });
    expect(response.statusCode).toBe(400);
    expectErrorBody(response.json(), 'bad_url');
  });

  it('answers a failure of the relay itself with 500 and no stack trace', async () => {
    fixture = createFixture();
    fixture.relay.app.get('/boom', async () => {
      throw new Error('secret internals at /srv/relay.js:12');
    });
    const response = await fixture.request({ method: 'GET', url: '/boom' });
    expect(response.statusCode).toBe(500);
    expectErrorBody(response.json(), 'internal_error');
    expect(response.body).not.toContain('secret');
  });
});

describe('CORS', () => {
  it('lets any origin read the viewer endpoints by default, errors included', async () => {
    fixture = createFixture();
    await fixture.createShow('demo');
    for (const url of ['/v1/shows/demo/state', '/v1/shows/nope/state']) {
      const response = await fixture.request({ method: 'GET', url, headers: { origin: 'https://brand.example' } });
      expect(response.headers['access-control-allow-origin']).toBe('*');
    }
  });

  it('answers preflights', async () => {
    fixture = createFixture();
    const response = await fixture.request({
      method: 'OPTIONS',
      url: '/v1/shows/demo/events',
      headers: { origin: 'https://brand.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST, PATCH, OPTIONS',
      'access-control-allow-headers': 'authorization, content-type',
    });
  });

  it('allows only the listed origins when given a list', async () => {
    fixture = createFixture({ cors: ['https://brand.example'] });
    const allowed = await fixture.request({ method: 'GET', url: '/v1/time', headers: { origin: 'https://brand.example' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://brand.example');
    expect(allowed.headers.vary).toContain('Origin');
    const other = await fixture.request({ method: 'GET', url: '/v1/time', headers: { origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends no CORS headers when turned off', async () => {
    fixture = createFixture({ cors: false });
    const response = await fixture.request({ method: 'GET', url: '/v1/time', headers: { origin: 'https://brand.example' } });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});
