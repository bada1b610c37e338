import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateEventInput, type AnyEnvelope } from './envelope.js';
import type { EventType } from './events.js';
import { includedInSnapshot, ShowTimeline, stateAt, type Snapshot } from './timeline.js';

// Events over a small world (3 products, 2 offers, 2 polls, a few chat messages) so that
// random logs hit the interesting interactions: highlight then clear, stock of a product
// that a later catalog drops, a chat message deleted before it arrives…
const productIds = ['a', 'b', 'c'];
const money = (amount: number) => ({ amount: amount.toFixed(2), currencyCode: 'EUR' });
const productArb = (id: string) => ({
  id,
  handle: id,
  title: `Product ${id}`,
  images: [],
  price: money(10),
  variants: [{ id: `${id}-1`, title: 'One', availableForSale: true }],
});

const dataArb: fc.Arbitrary<{ type: EventType; data: unknown }> = fc.oneof(
  fc.subarray(productIds, { minLength: 1 }).map((ids) => ({ type: 'catalog.set' as const, data: { products: ids.map(productArb) } })),
  fc.constantFrom(...productIds).map((productId) => ({ type: 'product.highlight' as const, data: { productId } })),
  fc.option(fc.constantFrom(...productIds), { nil: undefined }).map((productId) => ({ type: 'product.clear' as const, data: productId ? { productId } : {} })),
  fc.record({ offerId: fc.constantFrom('o1', 'o2'), kind: fc.constantFrom('price-drop' as const, 'countdown' as const) }).map((data) => ({ type: 'offer.start' as const, data })),
  fc.constantFrom('o1', 'o2').map((offerId) => ({ type: 'offer.end' as const, data: { offerId } })),
  fc.record({ productId: fc.constantFrom(...productIds), quantityAvailable: fc.nat(9) }).map((data) => ({ type: 'stock.update' as const, data })),
  fc.record({ productId: fc.constantFrom(...productIds), amount: fc.integer({ min: 1, max: 99 }) }).map(({ productId, amount }) => ({
    type: 'price.update' as const,
    data: { productId, price: money(amount) },
  })),
  fc.constantFrom('scheduled' as const, 'live' as const, 'ended' as const).map((status) => ({ type: 'show.status' as const, data: { status } })),
  fc.constantFrom('q1', 'q2').map((pollId) => ({
    type: 'poll.open' as const,
    data: { pollId, question: 'Which?', options: [{ id: 'x', text: 'X' }, { id: 'y', text: 'Y' }] },
  })),
  fc.record({ pollId: fc.constantFrom('q1', 'q2'), x: fc.nat(50) }).map(({ pollId, x }) => ({ type: 'poll.results' as const, data: { pollId, counts: { x } } })),
  fc.constantFrom('q1', 'q2').map((pollId) => ({ type: 'poll.close' as const, data: { pollId } })),
  fc.constantFrom('m1', 'm2', 'm3').map((messageId) => ({
    type: 'chat.message' as const,
    data: { messageId, text: `hi from ${messageId}`, author: { name: 'Ann', role: 'viewer' as const } },
  })),
  fc.constantFrom('m1', 'm2', 'm3').map((messageId) => ({ type: 'chat.delete' as const, data: { messageId } })),
  fc.option(fc.constantFrom('m1', 'm2'), { nil: null }).map((messageId) => ({ type: 'chat.pin' as const, data: { messageId } })),
  fc.nat(20).map((heart) => ({ type: 'reaction.tick' as const, data: { counts: { heart } } })),
  fc.nat(1000).map((count) => ({ type: 'viewers.count' as const, data: { count } })),
);

/** A valid log: seq 1..n, each event validated exactly as the relay would. */
const logArb = fc.array(fc.tuple(dataArb, fc.integer({ min: 0, max: 10_000 })), { minLength: 1, maxLength: 40 }).map((items) =>
  items.map(([input, pdt], index): AnyEnvelope => {
    const checked = validateEventInput(input);
    if (!checked.ok) throw new Error(`generator produced an invalid event: ${checked.error.message}`);
    const seq = index + 1;
    return { v: 1, id: `e${seq}`, show: 'demo', seq, type: checked.value.type, at: pdt + 3000, pdt, data: checked.value.data } as AnyEnvelope;
  }),
);

const playheadArb = fc.integer({ min: -1, max: 10_001 });
const audienceArb = fc.constantFrom('on-arrival' as const, 'at-playhead' as const);

describe('stateAt properties', () => {
  it('is the same whatever order the events arrive in, and however often', () => {
    fc.assert(
      fc.property(logArb, playheadArb, audienceArb, fc.infiniteStream(fc.nat()), (log, playhead, audience, random) => {
        const expected = stateAt(log, playhead, { audience });
        const shuffled = [...log, ...log.filter(() => random.next().value % 3 === 0)];
        for (let index = shuffled.length - 1; index > 0; index--) {
          const other = random.next().value % (index + 1);
          [shuffled[index], shuffled[other]] = [shuffled[other] as AnyEnvelope, shuffled[index] as AnyEnvelope];
        }
        expect(stateAt(shuffled, playhead, { audience })).toEqual(expected);
      }),
    );
  });

  it('is the same when events are replayed after a reconnect', () => {
    fc.assert(
      fc.property(logArb, fc.nat(), fc.nat(), playheadArb, (log, cut, back, playhead) => {
        // The viewer got events 1..cut, lost the connection, then asked for everything
        // after an older seq (its last acknowledged one), so some come twice.
        const split = cut % (log.length + 1);
        const resumeAfter = Math.max(0, split - (back % 5));
        const timeline = new ShowTimeline();
        timeline.add(log.slice(0, split));
        timeline.stateAt(playhead);
        timeline.add(log.slice(resumeAfter));
        expect(timeline.stateAt(playhead)).toEqual(stateAt(log, playhead));
        expect(timeline.lastSeq).toBe(log.length);
      }),
    );
  });

  it('evaluates incrementally exactly as from scratch, while events arrive and the playhead moves both ways', () => {
    fc.assert(
      fc.property(
        logArb,
        fc.array(fc.oneof(fc.record({ kind: fc.constant('add' as const), count: fc.integer({ min: 1, max: 5 }) }), fc.record({ kind: fc.constant('seek' as const), pdt: playheadArb })), {
          maxLength: 30,
        }),
        audienceArb,
        (log, steps, audience) => {
          const timeline = new ShowTimeline({ audience });
          const arrived: AnyEnvelope[] = [];
          let playhead = 0;
          for (const step of steps) {
            if (step.kind === 'add') {
              const batch = log.slice(arrived.length, arrived.length + step.count);
              arrived.push(...batch);
              timeline.add(batch);
            } else {
              playhead = step.pdt;
            }
            expect(timeline.stateAt(playhead)).toEqual(stateAt(arrived, playhead, { audience }));
            const next = timeline.nextPendingPdt(playhead);
            const expectedNext = arrived.filter((event) => (audience === 'at-playhead' || !isAudience(event.type)) && event.pdt > playhead).map((event) => event.pdt);
            expect(next).toBe(expectedNext.length > 0 ? Math.min(...expectedNext) : undefined);
          }
        },
      ),
    );
  });

  it('gives the same state from a join snapshot plus its tail as from the whole log', () => {
    fc.assert(
      fc.property(logArb, fc.nat(), fc.integer({ min: 0, max: 10_000 }), fc.nat(10_000), (log, cut, basePdt, ahead) => {
        const baseSeq = cut % (log.length + 1);
        // Events appended after the snapshot belong to the live edge, after its pdt.
        const events = log.map((event) => (event.seq > baseSeq && event.pdt <= basePdt ? { ...event, pdt: basePdt + 1 + (event.pdt % 50) } : event));
        const known = events.filter((event) => event.seq <= baseSeq);
        const base: Snapshot = { seq: baseSeq, pdt: basePdt, state: stateAt(known.filter((event) => event.pdt <= basePdt || isAudience(event.type)), basePdt) };
        const tail = events.filter((event) => !includedInSnapshot(base, event));
        const timeline = new ShowTimeline({ base });
        timeline.add(tail);
        const playhead = basePdt + ahead;
        expect(timeline.stateAt(playhead)).toEqual(stateAt(events, playhead));
      }),
    );
  });
});

function isAudience(type: string): boolean {
  return ['chat.message', 'chat.delete', 'chat.pin', 'reaction.tick', 'viewers.count'].includes(type);
}
