import { includedInSnapshot, stateAt, type ShowTimeline } from '@live-shop/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalog, createFixture, highlight, type Fixture } from './testing/relay-fixture.js';

// A viewer who drops off for 10 seconds or for 5 minutes gets every event once, in
// order, when it comes back: the player's own RelaySource against a real relay, with the
// relay's clock moved on while the viewer is away (past the join snapshot's base, so the
// fresh snapshot alone could not bring back what was missed).

interface PlayerSource {
  readonly timeline: ShowTimeline | undefined;
  start(listener: { timeline(timeline: ShowTimeline): void; connection(status: string): void; error(error: { code: string; message: string }): void }): void;
  stop(): void;
}
type PlayerSourceClass = new (options: { server: string; show: string }) => PlayerSource;
// Imported by URL, so that the relay's type-check does not take in the player's browser code.
const relaySourceModule = new URL('../../player-element/src/sources/relay-source.ts', import.meta.url).href;

let fixture: Fixture;
let url: string;
let producer: string;

beforeEach(async () => {
  fixture = createFixture({ rateLimits: false });
  await fixture.createShow('demo');
  producer = await fixture.token('demo', 'producer');
  await fixture.postEvent('demo', producer, catalog);
  url = await fixture.relay.app.listen({ port: 0, host: '127.0.0.1' });
});

afterEach(() => fixture.relay.close());

/** Starts the source and resolves once it is connected with every event up to `seq`. */
function connected(source: PlayerSource, seq: () => number): Promise<void> {
  return new Promise((resolve, reject) => {
    let status = '';
    const check = () => {
      if (status === 'connected' && (source.timeline?.lastSeq ?? 0) >= seq()) resolve();
    };
    source.start({
      timeline: check,
      connection: (next) => {
        status = next;
        check();
      },
      error: (error) => reject(new Error(`${error.code}: ${error.message}`)),
    });
  });
}

async function post(count: number, awayMs: number): Promise<void> {
  for (let index = 0; index < count; index++) {
    fixture.clock.advance(awayMs / count);
    const response = await fixture.postEvent('demo', producer, index % 3 === 2 ? { type: 'product.clear', data: {} } : highlight(index % 2 ? 'p1' : 'p2'));
    expect(response.statusCode).toBe(201);
  }
}

describe('a viewer who drops off', () => {
  for (const [label, awayMs] of [
    ['10 seconds', 10_000],
    ['5 minutes', 5 * 60_000],
  ] as const) {
    it(`for ${label} gets every event it missed, once and in order`, async () => {
      const { RelaySource } = (await import(/* @vite-ignore */ relaySourceModule)) as { RelaySource: PlayerSourceClass };
      const source = new RelaySource({ server: url, show: 'demo' });
      const lastSeq = async () => (await fixture.relay.shows.eventsAfter('demo')).at(-1)?.seq ?? 0;
      try {
        await post(5, 5_000);
        let target = await lastSeq();
        await connected(source, () => target);

        source.stop(); // offline
        await post(40, awayMs);
        target = await lastSeq();
        await connected(source, () => target); // back

        const log = await fixture.relay.shows.eventsAfter('demo');
        const held = [...(source.timeline?.events ?? [])].sort((a, b) => a.seq - b.seq);
        // Once each: the base of the first snapshot plus every later event, no gaps, no doubles.
        const base = source.timeline?.base;
        expect(held.map((event) => event.seq)).toEqual(log.filter((event) => !base || !includedInSnapshot(base, event)).map((event) => event.seq));
        expect(source.timeline?.lastSeq).toBe(target);
        // And the state the viewer sees is the relay's.
        expect(source.timeline?.stateAt(Number.MAX_SAFE_INTEGER)).toEqual(stateAt(log, Number.MAX_SAFE_INTEGER));
      } finally {
        source.stop();
      }
    });
  }
});
