import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnyEnvelope } from '@live-shop/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { startChildRelay, type ChildRelay } from '../testing/child-relay.js';

const ADMIN_KEY = 'crash-test-admin-key';
const children: ChildRelay[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) await child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function start(dir: string): Promise<ChildRelay> {
  const child = await startChildRelay(dir, { RELAY_ADMIN_KEY: ADMIN_KEY });
  children.push(child);
  return child;
}

async function call(url: string, method: string, path: string, key: string, body?: unknown): Promise<Response> {
  return fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function readLog(url: string): Promise<AnyEnvelope[]> {
  const response = await fetch(`${url}/v1/shows/crash/events`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { events: AnyEnvelope[] }).events;
}

function event(id: string): { id: string; type: string; data: unknown; pdt: number } {
  return { id, type: 'product.highlight', data: { productId: `p-${id}` }, pdt: 1_000_000 };
}

/**
 * Posts `total` events at once and SIGKILLs the relay as soon as `ackedBeforeKill` of them
 * are acknowledged, while the others are in flight (queued, being written, being
 * fsynced). Returns the acknowledged envelopes by id.
 */
async function postUntilKilled(relay: ChildRelay, token: string, round: number, total: number, ackedBeforeKill: number) {
  const acked = new Map<string, AnyEnvelope>();
  let killed: Promise<unknown> | undefined;
  const post = async (index: number): Promise<void> => {
    const id = `r${round}-e${index}`;
    let response: Response;
    try {
      response = await call(relay.url, 'POST', '/v1/shows/crash/events', token, event(id));
    } catch {
      return; // The connection died with the relay: not acknowledged.
    }
    if (response.status !== 201) {
      await response.body?.cancel();
      throw new Error(`POST answered ${response.status}`);
    }
    // The 201 arrived, so the event counts as acknowledged even if its body is cut off.
    const envelope = (await response.json().catch(() => ({ id }))) as AnyEnvelope;
    acked.set(id, envelope);
    if (acked.size >= ackedBeforeKill) killed ??= relay.kill('SIGKILL');
  };
  await Promise.all(Array.from({ length: total }, (_, index) => post(index)));
  expect(await killed).toEqual({ code: null, signal: 'SIGKILL' });
  return { acked, sent: total };
}

describe('FileEventLog through a crash', () => {
  it('keeps every acknowledged event, in order, gapless, with its seq, when the relay is SIGKILLed mid-load', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'live-shop-crash-'));
    dirs.push(dir);
    let relay = await start(dir);
    expect((await call(relay.url, 'POST', '/v1/shows', ADMIN_KEY, { id: 'crash', title: 'Crash test' })).status).toBe(201);
    const tokenResponse = await call(relay.url, 'POST', '/v1/shows/crash/tokens', ADMIN_KEY, { role: 'producer' });
    const { token } = (await tokenResponse.json()) as { token: string };

    const everAcked = new Map<string, AnyEnvelope>();
    let everSent = 0;
    for (const round of [1, 2]) {
      const { acked, sent } = await postUntilKilled(relay, token, round, 1500, 300);
      for (const [id, envelope] of acked) everAcked.set(id, envelope);
      everSent += sent;

      relay = await start(dir);
      const log = await readLog(relay.url);
      // Gapless from 1, each id once.
      expect(log.map((envelope) => envelope.seq)).toEqual(Array.from({ length: log.length }, (_, index) => index + 1));
      expect(new Set(log.map((envelope) => envelope.id)).size).toBe(log.length);
      // Every acknowledged event is there, with the seq (and everything) it was acknowledged with.
      const stored = new Map(log.map((envelope) => [envelope.id, envelope]));
      for (const [id, envelope] of everAcked) {
        expect(stored.has(id), `acknowledged event ${id} is missing`).toBe(true);
        if (envelope.seq !== undefined) expect(stored.get(id)).toEqual(envelope);
      }
      // Stored but unacknowledged events may exist (killed before the 201 went out), no more than were sent.
      expect(log.length).toBeGreaterThanOrEqual(everAcked.size);
      expect(log.length).toBeLessThanOrEqual(everSent);
    }

    // After the restarts: the show, ids and seq carry on.
    expect((await call(relay.url, 'GET', '/v1/shows/crash', ADMIN_KEY)).status).toBe(200);
    const [someId, someEnvelope] = [...everAcked].find(([, envelope]) => envelope.seq !== undefined) as [string, AnyEnvelope];
    const retry = await call(relay.url, 'POST', '/v1/shows/crash/events', token, event(someId));
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual(someEnvelope);
    const length = (await readLog(relay.url)).length;
    const next = await call(relay.url, 'POST', '/v1/shows/crash/events', token, event('after-the-crashes'));
    expect(next.status).toBe(201);
    expect(((await next.json()) as AnyEnvelope).seq).toBe(length + 1);

    // A clean stop releases the data directory.
    expect(await relay.kill('SIGTERM')).toEqual({ code: 0, signal: null });
  });
});
