import { includedInSnapshot, stateAt, type AnyEnvelope, type EventInput } from '@live-shop/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SnapshotCache } from './snapshot-cache.js';
import { catalog } from './testing/relay-fixture.js';

let nextSeq = 1;
function envelope(input: EventInput, pdt: number, seq = nextSeq++): AnyEnvelope {
  return { v: 1, id: `e${seq}`, show: 'demo', seq, type: input.type, at: pdt, pdt, data: input.data } as AnyEnvelope;
}

const chat = (text: string): EventInput => ({
  type: 'chat.message',
  data: { messageId: text, text, author: { name: 'Ann', role: 'viewer' } },
});

/** What a snapshot must be, computed the slow way from the protocol's definitions. */
function expected(events: AnyEnvelope[], basePdt: number) {
  const seq = Math.max(0, ...events.map((event) => event.seq));
  const base = { seq, pdt: basePdt, state: stateAt(events, basePdt) };
  return { base, events: events.filter((event) => !includedInSnapshot(base, event)).sort((a, b) => a.seq - b.seq) };
}

describe('SnapshotCache', () => {
  it('gives the base state at the pdt and the events the base leaves out, in seq order', () => {
    nextSeq = 1;
    const events = [
      envelope(catalog, 100),
      envelope({ type: 'product.highlight', data: { productId: 'p1' } }, 200),
      envelope({ type: 'product.highlight', data: { productId: 'p2' } }, 900),
      envelope(chat('hello'), 950),
      envelope({ type: 'product.clear', data: {} }, 800),
    ];
    const cache = new SnapshotCache();
    cache.add(events);
    const snapshot = cache.snapshot(500);
    expect(snapshot).toEqual(expected(events, 500));
    expect(snapshot.base.state.highlights.map((item) => item.productId)).toEqual(['p1']);
    expect(snapshot.base.state.chat.messages).toHaveLength(1);
    expect(snapshot.events.map((event) => event.seq)).toEqual([3, 5]);
  });

  it('reuses its work when nothing changed between joins', () => {
    nextSeq = 1;
    const cache = new SnapshotCache();
    cache.add([envelope(catalog, 100), envelope({ type: 'product.highlight', data: { productId: 'p1' } }, 900)]);
    const first = cache.snapshot(500);
    const second = cache.snapshot(600);
    expect(second.base.state).toBe(first.base.state);
    expect(second.events).toBe(first.events);
    expect(second.base.pdt).toBe(600);
  });

  it('ignores an envelope it already has', () => {
    nextSeq = 1;
    const cache = new SnapshotCache();
    const event = envelope(catalog, 100);
    cache.add([event]);
    cache.add([event]);
    expect(cache.snapshot(50).events).toEqual([event]);
    expect(cache.lastSeq).toBe(1);
  });

  it('gives the live edge with every event applied', () => {
    nextSeq = 1;
    const events = [envelope(catalog, 100), envelope({ type: 'product.highlight', data: { productId: 'p2' } }, 10_000)];
    const cache = new SnapshotCache();
    cache.add(events);
    expect(cache.latest()).toEqual({ seq: 2, state: stateAt(events, Number.POSITIVE_INFINITY) });
  });

  it('always equals the definition, whatever the pdts and the order of joins', () => {
    const kinds: EventInput[] = [
      catalog,
      { type: 'product.highlight', data: { productId: 'p1' } },
      { type: 'product.highlight', data: { productId: 'p2' } },
      { type: 'product.clear', data: {} },
      { type: 'viewers.count', data: { count: 7 } },
      chat('hi'),
    ];
    const step = fc.oneof(
      fc.record({ add: fc.integer({ min: 0, max: kinds.length - 1 }), pdt: fc.integer({ min: 0, max: 1000 }) }),
      fc.record({ join: fc.integer({ min: 0, max: 1000 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const cache = new SnapshotCache();
        const events: AnyEnvelope[] = [];
        for (const item of steps) {
          if ('add' in item) {
            const event = envelope(kinds[item.add] as EventInput, item.pdt, events.length + 1);
            events.push(event);
            cache.add([event]);
          } else {
            expect(cache.snapshot(item.join)).toEqual(expected(events, item.join));
          }
        }
        expect(cache.latest().state).toEqual(stateAt(events, Number.POSITIVE_INFINITY));
      }),
    );
  });
});
