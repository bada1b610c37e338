import { describe, expect, it } from 'vitest';
import type { AnyEnvelope, Envelope } from './envelope.js';
import type { EventDataMap, EventType, Product } from './events.js';
import { CHAT_KEPT, initialState, reduce } from './state.js';
import { stateAt } from './timeline.js';

let nextSeq = 1;
function event<T extends EventType>(type: T, data: EventDataMap[T], pdt = 1000, seq = nextSeq++): AnyEnvelope {
  return { v: 1, id: `e${seq}`, show: 'demo', seq, type, at: pdt + 5000, pdt, data } as Envelope<T> as AnyEnvelope;
}

const money = (amount: string) => ({ amount, currencyCode: 'USD' });
const product = (id: string): Product => ({
  id,
  handle: id,
  title: `Product ${id}`,
  images: [],
  price: money('20.00'),
  variants: [
    { id: `${id}-s`, title: 'S', availableForSale: true, quantityAvailable: 5 },
    { id: `${id}-m`, title: 'M', availableForSale: true, quantityAvailable: 5 },
  ],
});
const catalog = event('catalog.set', { products: [product('a'), product('b'), product('c')] }, 0);

describe('reduce', () => {
  it('stacks highlights most recent first and records each moment', () => {
    const state = stateAt(
      [catalog, event('product.highlight', { productId: 'a' }, 10), event('product.highlight', { productId: 'b' }, 20), event('product.highlight', { productId: 'a' }, 30)],
      100,
    );
    expect(state.highlights.map((highlight) => [highlight.productId, highlight.pdt])).toEqual([
      ['a', 30],
      ['b', 20],
    ]);
    expect(state.moments.map((moment) => moment.pdt)).toEqual([10, 20, 30]);
  });

  it('clears one product or all of them', () => {
    const events = [catalog, event('product.highlight', { productId: 'a' }, 10), event('product.highlight', { productId: 'b' }, 20)];
    expect(stateAt([...events, event('product.clear', { productId: 'a' }, 30)], 40).highlights.map((h) => h.productId)).toEqual(['b']);
    expect(stateAt([...events, event('product.clear', {}, 30)], 40).highlights).toEqual([]);
  });

  it('ignores a highlight of a product the catalog does not have, and drops highlights a new catalog removes', () => {
    expect(stateAt([catalog, event('product.highlight', { productId: 'zzz' }, 10)], 20).highlights).toEqual([]);
    const state = stateAt(
      [catalog, event('product.highlight', { productId: 'a' }, 10), event('catalog.set', { products: [product('b')] }, 20)],
      30,
    );
    expect(state.highlights).toEqual([]);
  });

  it('updates stock and prices of one variant or the whole product', () => {
    const state = stateAt(
      [
        catalog,
        event('stock.update', { productId: 'a', variantId: 'a-s', quantityAvailable: 0, availableForSale: false }, 10),
        event('price.update', { productId: 'b', price: money('15.00'), compareAtPrice: money('20.00') }, 10),
      ],
      20,
    );
    const [a, b] = state.products;
    expect(a?.variants.map((variant) => [variant.availableForSale, variant.quantityAvailable])).toEqual([
      [false, 0],
      [true, 5],
    ]);
    expect(b?.price).toEqual(money('15.00'));
    expect(b?.compareAtPrice).toEqual(money('20.00'));
    expect(b?.variants.every((variant) => variant.price?.amount === '15.00')).toBe(true);
  });

  it('runs offers, polls and status', () => {
    const state = stateAt(
      [
        event('show.status', { status: 'live', title: 'Spring drop' }, 1),
        event('offer.start', { offerId: 'o1', kind: 'price-drop', endsAt: 99 }, 2),
        event('offer.start', { offerId: 'o2', kind: 'countdown' }, 3),
        event('offer.end', { offerId: 'o1' }, 4),
        event('poll.open', { pollId: 'q', question: '?', options: [{ id: 'x', text: 'X' }, { id: 'y', text: 'Y' }] }, 5),
        event('poll.results', { pollId: 'q', counts: { x: 2 } }, 6),
        event('poll.close', { pollId: 'q' }, 7),
      ],
      10,
    );
    expect(state.status).toEqual({ phase: 'live', title: 'Spring drop' });
    expect(state.offers.map((offer) => offer.offerId)).toEqual(['o2']);
    expect(state.polls).toEqual([
      { pollId: 'q', question: '?', options: [{ id: 'x', text: 'X' }, { id: 'y', text: 'Y' }], counts: { x: 2 }, closed: true, closedPdt: 7 },
    ]);
  });

  it('keeps the last chat messages, deletes and unpins', () => {
    const author = { name: 'Ann', role: 'viewer' as const };
    const events: AnyEnvelope[] = [];
    for (let index = 0; index < CHAT_KEPT + 5; index++) events.push(event('chat.message', { messageId: `m${index}`, text: `hello ${index}`, author }, index));
    const last = `m${CHAT_KEPT + 4}`;
    events.push(event('chat.pin', { messageId: last }, 500), event('chat.delete', { messageId: last }, 501));
    const state = stateAt(events, 0);
    expect(state.chat.messages).toHaveLength(CHAT_KEPT - 1);
    expect(state.chat.messages[0]?.messageId).toBe('m5');
    expect(state.chat.pinnedId).toBeNull();
  });

  it('adds up reaction ticks and sets the viewer count', () => {
    const state = stateAt(
      [event('reaction.tick', { counts: { heart: 3, fire: 1 } }), event('reaction.tick', { counts: { heart: 2 } }), event('viewers.count', { count: 9 })],
      0,
    );
    expect(state.reactions).toEqual({ heart: 5, fire: 1 });
    expect(state.viewers).toBe(9);
  });

  it('ignores unknown event types and never mutates its input', () => {
    const frozen = structuredClone(initialState);
    const unknown = { ...event('viewers.count', { count: 1 }), type: 'stage.lights' } as unknown as AnyEnvelope;
    expect(reduce(frozen, unknown)).toBe(frozen);
    const before = structuredClone(frozen);
    reduce(frozen, catalog);
    expect(frozen).toEqual(before);
  });
});

describe('stateAt', () => {
  it('holds an event until the playhead reaches its pdt', () => {
    const events = [catalog, event('product.highlight', { productId: 'a' }, 5000)];
    expect(stateAt(events, 4999).highlights).toEqual([]);
    expect(stateAt(events, 5000).highlights.map((h) => h.productId)).toEqual(['a']);
  });

  it('shows audience events on arrival live, and at the playhead in a replay', () => {
    const events = [event('chat.message', { messageId: 'm', text: 'hi', author: { name: 'A', role: 'viewer' } }, 9000)];
    expect(stateAt(events, 0).chat.messages).toHaveLength(1);
    expect(stateAt(events, 0, { audience: 'at-playhead' }).chat.messages).toHaveLength(0);
    expect(stateAt(events, 9000, { audience: 'at-playhead' }).chat.messages).toHaveLength(1);
  });
});
