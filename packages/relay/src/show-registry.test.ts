import type { AnyEnvelope, EventInput } from '@live-shop/protocol';
import { describe, expect, it } from 'vitest';
import { RelayError } from './errors.js';
import { MemoryEventLog, type AppendResult, type EnvelopeDraft } from './event-log.js';
import { ShowRegistry } from './show-registry.js';
import { START, TestClock, catalog, highlight, seqs } from './testing/relay-fixture.js';

function registry(log = new MemoryEventLog(), clock = new TestClock()): ShowRegistry {
  return new ShowRegistry({ log, now: clock.now, snapshotLagMs: 120_000 });
}

/** A log whose appends resolve in the order the test chooses, like a remote store might. */
class HeldEventLog extends MemoryEventLog {
  held: { release: () => void }[] = [];
  #waiter: { count: number; resolve: () => void } | undefined;

  override async append(draft: EnvelopeDraft): Promise<AppendResult> {
    const result = await super.append(draft);
    await new Promise<void>((resolve) => {
      this.held.push({ release: resolve });
      if (this.#waiter && this.held.length >= this.#waiter.count) this.#waiter.resolve();
    });
    return result;
  }

  /** Resolves once `count` appends are held. */
  whenHeld(count: number): Promise<void> {
    if (this.held.length >= count) return Promise.resolve();
    return new Promise((resolve) => (this.#waiter = { count, resolve }));
  }
}

describe('ShowRegistry', () => {
  it('creates shows and appends events in-process, stamping at and pdt', async () => {
    const shows = registry();
    await shows.create({ id: 'demo', title: 'Demo', pdtOffsetMs: 3000 });
    const envelope = await shows.append('demo', catalog);
    expect(envelope).toMatchObject({ show: 'demo', seq: 1, at: START, pdt: START - 3000 });
    const stamped = await shows.append('demo', highlight('p1'), { now: START + 500 });
    expect(stamped).toMatchObject({ seq: 2, at: START + 500, pdt: START - 2500 });
    expect(shows.get('demo')).toEqual({ id: 'demo', title: 'Demo', createdAt: START, pdtOffsetMs: 3000 });
  });

  it('throws RelayErrors for an unknown show and an invalid event', async () => {
    const shows = registry();
    await expect(shows.append('nope', catalog)).rejects.toMatchObject({ statusCode: 404, code: 'show_not_found' });
    await shows.create({ id: 'demo' });
    const bad = { type: 'product.highlight', data: {} } as unknown as EventInput;
    await expect(shows.append('demo', bad)).rejects.toBeInstanceOf(RelayError);
    await expect(shows.append('demo', bad)).rejects.toMatchObject({ statusCode: 400, path: 'data.productId' });
    await expect(shows.create({ id: 'demo' })).rejects.toMatchObject({ statusCode: 409 });
  });

  it('tells listeners about each new event once, and not about retries', async () => {
    const shows = registry();
    await shows.create({ id: 'demo' });
    const heard: AnyEnvelope[] = [];
    const stop = shows.onAppend((show, envelopes) => {
      expect(show).toBe('demo');
      heard.push(...envelopes);
    });
    await shows.append('demo', { ...catalog, id: 'c' });
    await shows.append('demo', { ...catalog, id: 'c' });
    await shows.append('demo', highlight('p1'));
    stop();
    await shows.append('demo', highlight('p2'));
    expect(seqs(heard)).toEqual([1, 2]);
  });

  it('delivers in seq order even when the log resolves appends out of order', async () => {
    const log = new HeldEventLog();
    const shows = registry(log);
    await shows.create({ id: 'demo' });
    const runs: number[][] = [];
    shows.onAppend((_show, envelopes) => runs.push(seqs(envelopes)));
    const appends = [shows.append('demo', catalog), shows.append('demo', highlight('p1')), shows.append('demo', highlight('p2'))];
    await log.whenHeld(3);
    log.held[2]?.release();
    log.held[1]?.release();
    await appends[1];
    expect(runs).toEqual([]);
    log.held[0]?.release();
    await Promise.all(appends);
    expect(runs).toEqual([[1, 2, 3]]);
    expect(shows.snapshot('demo').seq).toBe(3);
  });

  it('builds join snapshots from the lag and the clock', async () => {
    const clock = new TestClock();
    const shows = registry(new MemoryEventLog(), clock);
    await shows.create({ id: 'demo' });
    await shows.append('demo', { ...catalog, pdt: START - 200_000 });
    await shows.append('demo', { ...highlight('p1'), pdt: START - 60_000 });
    const snapshot = shows.snapshot('demo');
    expect(snapshot).toMatchObject({ show: 'demo', serverTime: START, seq: 2, base: { seq: 2, pdt: START - 120_000 } });
    expect(snapshot.base.state.products).toHaveLength(2);
    expect(seqs(snapshot.events)).toEqual([2]);
    clock.advance(60_000);
    const later = shows.snapshot('demo');
    expect(later.events).toEqual([]);
    expect(later.base.state.highlights).toHaveLength(1);
  });
});
