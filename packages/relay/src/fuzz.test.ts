import { validateEventInput, type AnyEnvelope } from '@live-shop/protocol';
import fc from 'fast-check';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, catalog, createFixture, highlight, type Fixture } from './testing/relay-fixture.js';

// Random and malformed input thrown at the HTTP API and the socket: nothing crashes
// (never a 5xx), every refusal is a JSON error that says what is wrong, nothing invalid
// is stored, and the show goes on afterwards.

let fixture: Fixture;
let url: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  fixture = createFixture();
  await fixture.createShow('demo');
  await fixture.createShow('other');
  for (const role of ['producer', 'moderator', 'viewer'] as const) tokens[role] = await fixture.token('demo', role);
  tokens.foreign = await fixture.token('other', 'producer');
  await fixture.postEvent('demo', tokens.producer as string, catalog);
  url = await fixture.relay.app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(() => fixture.relay.close());

const garbage = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.string({ maxLength: 300 }),
  fc.constantFrom('<script>alert(1)</script>', 'javascript:alert(1)', '__proto__', '{"__proto__":{"x":1}}', '\u0000', '\uD800', 'NaN', '-1', '1e309'),
);
const eventLike = fc.record(
  {
    type: fc.oneof(fc.constantFrom('product.highlight', 'catalog.set', 'chat.message', 'show.status', 'offer.start', 'reaction.tick'), fc.string({ maxLength: 40 })),
    data: garbage,
    pdt: fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 20 })),
    id: fc.oneof(fc.string({ maxLength: 250 }), fc.integer()),
  },
  { requiredKeys: [] },
);
const authHeader = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('producer', 'moderator', 'viewer', 'foreign').map((role) => bearer(tokens[role] as string).authorization),
  fc.string({ maxLength: 80 }).map((text) => `Bearer ${text}`),
  fc.string({ maxLength: 80 }),
);
const path = fc.oneof(
  fc.constantFrom('/v1/shows/demo/events', '/v1/shows/demo/state', '/v1/shows/demo/tokens', '/v1/shows', '/v1/shows/demo', '/v1/time'),
  fc.tuple(fc.constantFrom('/v1/shows/', '/v1/shows/demo/'), fc.string({ maxLength: 40 })).map(([prefix, rest]) => prefix + encodeURIComponent(rest)),
  fc.tuple(fc.constantFrom('/v1/shows/demo/events?after=', '/v1/shows/demo/state?at='), fc.string({ maxLength: 20 })).map(([prefix, rest]) => prefix + encodeURIComponent(rest)),
);

describe('fuzzing the HTTP API', () => {
  it('answers every request without a 5xx, with a JSON error that explains a refusal, and stores only valid events', async () => {
    const before = (await fixture.relay.shows.eventsAfter('demo')).length;
    let created = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
        path,
        authHeader,
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', undefined),
        fc.oneof(eventLike, garbage).map((body) => (typeof body === 'string' ? body : JSON.stringify(body) ?? 'null')),
        async (method, url, authorization, contentType, payload) => {
          const headers: Record<string, string> = {};
          if (authorization !== undefined) headers.authorization = authorization;
          if (contentType !== undefined) headers['content-type'] = contentType;
          const response = await fixture.request({ method, url, headers, ...(method === 'GET' ? {} : { payload }) });
          expect(response.statusCode, `${method} ${url}`).toBeLessThan(500);
          if (response.statusCode >= 400) {
            const body = response.json() as { error: { code: string; message: string } };
            expect(typeof body.error.code).toBe('string');
            expect(body.error.message.length).toBeGreaterThan(10);
            expect(response.body).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack trace
          }
          if (response.statusCode === 201 && url === '/v1/shows/demo/events') created++;
        },
      ),
      { numRuns: 400 },
    );
    const events = await fixture.relay.shows.eventsAfter('demo');
    // Only what was acknowledged was stored, and every stored event is valid.
    expect(events.length).toBe(before + created);
    for (const event of events) expect(validateEventInput({ type: event.type, data: event.data, pdt: event.pdt, id: event.id }).ok).toBe(true);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));

    // The show goes on.
    const after = await fixture.postEvent('demo', tokens.producer as string, highlight('p1'));
    expect(after.statusCode).toBe(201);
    expect((after.json() as AnyEnvelope).seq).toBe(events.length + 1);
  });
});

describe('fuzzing the socket', () => {
  it('survives random handshakes and random messages, and still delivers events', { timeout: 60_000 }, async () => {
    const sockets: Socket[] = [];
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.record({ show: fc.oneof(fc.constant('demo'), fc.string({ maxLength: 30 })), token: fc.oneof(garbage, fc.constantFrom(...Object.values(tokens))) }, { requiredKeys: [] }), garbage),
          fc.array(fc.tuple(fc.oneof(fc.constantFrom('sync', 'chat.send', 'reaction.send', 'poll.vote', 'events', 'snapshot'), fc.string({ maxLength: 20 })), garbage, fc.boolean()), { maxLength: 5 }),
          async (auth, messages) => {
            const socket = connect(url, { auth: auth as Record<string, unknown>, transports: ['websocket'], reconnection: false, forceNew: true });
            sockets.push(socket);
            const outcome = await new Promise<'connected' | 'refused'>((resolve) => {
              socket.once('connect', () => resolve('connected'));
              socket.once('connect_error', (error) => {
                expect(error.message.length).toBeGreaterThan(10);
                resolve('refused');
              });
              // auth that is not an object is a malformed CONNECT packet: the relay's
              // socket.io parser drops the connection, with no message to give.
              socket.io.once('close', () => resolve('refused'));
            });
            if (outcome === 'refused') return;
            for (const [name, payload, withAck] of messages) {
              // With or without an ack callback: the relay must answer or ignore, never crash.
              if (withAck) await socket.timeout(200).emitWithAck(name, payload).catch(() => undefined);
              else socket.emit(name, payload);
            }
            // Still connected and served: a well-formed sync is answered.
            const answer: unknown = await socket.timeout(2000).emitWithAck('sync', { after: 0 });
            expect(Array.isArray(answer)).toBe(true);
            socket.disconnect();
          },
        ),
        { numRuns: 60 },
      );
    } finally {
      for (const socket of sockets) socket.disconnect();
    }

    // The relay still fans out: a viewer joins and receives a new highlight.
    const viewer = connect(url, { auth: { show: 'demo' }, transports: ['websocket'], reconnection: false, forceNew: true });
    try {
      await new Promise((resolve) => viewer.once('snapshot', resolve));
      const next = new Promise<AnyEnvelope[]>((resolve) => viewer.once('events', resolve));
      expect((await fixture.postEvent('demo', tokens.producer as string, highlight('p2'))).statusCode).toBe(201);
      expect((await next)[0]?.type).toBe('product.highlight');
    } finally {
      viewer.disconnect();
    }
  });
});
