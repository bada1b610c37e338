// Test support (not part of the build): a relay with a hand-driven clock, and shortcuts
// for the admin and token calls most tests start with.
import type { AnyEnvelope, EventInput } from '@live-shop/protocol';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { createRelay, type RelayOptions, type RelayServer } from '../index.js';
import type { Role } from '../auth.js';

export const ADMIN_KEY = 'test-admin-key';
export const SIGNING_SECRET = 'a-test-signing-secret-of-32-bytes!';
export const START = Date.UTC(2025, 4, 1, 12, 0, 0);

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public time = START) {}
  readonly now = (): number => this.time;
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface Fixture {
  relay: RelayServer;
  clock: TestClock;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  admin(method: 'GET' | 'POST', url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  createShow(id: string, extra?: { title?: string; pdtOffsetMs?: number }): Promise<void>;
  token(show: string, role: Role, expiresInSeconds?: number): Promise<string>;
  postEvent(show: string, token: string, event: EventInput | Record<string, unknown>): Promise<LightMyRequestResponse>;
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export function createFixture(options: RelayOptions = {}): Fixture {
  const clock = new TestClock();
  const relay = createRelay({ adminKey: ADMIN_KEY, signingSecret: SIGNING_SECRET, now: clock.now, ...options });
  const request = (inject: InjectOptions) => relay.app.inject(inject);
  const admin: Fixture['admin'] = (method, url, payload) =>
    request({ method, url, headers: bearer(ADMIN_KEY), ...(payload === undefined ? {} : { payload: payload as object }) });
  return {
    relay,
    clock,
    request,
    admin,
    async createShow(id, extra = {}) {
      const response = await admin('POST', '/v1/shows', { id, ...extra });
      if (response.statusCode !== 201) throw new Error(`creating show ${id} failed: ${response.body}`);
    },
    async token(show, role, expiresInSeconds) {
      const response = await admin('POST', `/v1/shows/${show}/tokens`, { role, ...(expiresInSeconds ? { expiresInSeconds } : {}) });
      if (response.statusCode !== 200) throw new Error(`token for ${show} failed: ${response.body}`);
      return (response.json() as { token: string }).token;
    },
    postEvent(show, token, event) {
      return request({ method: 'POST', url: `/v1/shows/${show}/events`, headers: bearer(token), payload: event as object });
    },
  };
}

export const catalog: EventInput = {
  type: 'catalog.set',
  data: {
    products: [
      {
        id: 'p1',
        handle: 'linen-shirt',
        title: 'Linen shirt',
        images: [],
        price: { amount: '49.00', currencyCode: 'EUR' },
        variants: [{ id: 'v1', title: 'M', availableForSale: true }],
      },
      {
        id: 'p2',
        handle: 'straw-hat',
        title: 'Straw hat',
        images: [],
        price: { amount: '25.00', currencyCode: 'EUR' },
        variants: [{ id: 'v2', title: 'One size', availableForSale: true }],
      },
    ],
  },
};

export function highlight(productId: string, extra: { pdt?: number; id?: string } = {}): EventInput {
  return { type: 'product.highlight', data: { productId }, ...extra };
}

export function seqs(events: readonly AnyEnvelope[]): number[] {
  return events.map((event) => event.seq);
}
