// Test support (not part of the build): the behaviour every EventLog promises, run
// against each implementation by its own test file.
import { describe, expect, it } from 'vitest';
import type { EnvelopeDraft, EventLog } from '../event-log.js';

export function draft(id: string, show = 'demo', pdt = 1000): EnvelopeDraft {
  return { v: 1, id, show, type: 'viewers.count', at: pdt, pdt, data: { count: 1 } };
}

/** `open()` gives a fresh, empty log; the suite closes it. */
export function describeEventLogContract(name: string, open: () => Promise<EventLog>): void {
  describe(`${name}: the EventLog contract`, () => {
    async function withLog(test: (log: EventLog) => Promise<void>): Promise<void> {
      const log = await open();
      try {
        await test(log);
      } finally {
        await log.close();
      }
    }

    it('numbers each show from 1 without gaps, in protocol key order', () =>
      withLog(async (log) => {
        const first = await log.append(draft('a'));
        await log.append(draft('b'));
        await log.append(draft('x', 'other'));
        expect(first).toEqual({ created: true, envelope: { v: 1, id: 'a', show: 'demo', seq: 1, type: 'viewers.count', at: 1000, pdt: 1000, data: { count: 1 } } });
        expect(Object.keys(first.envelope)).toEqual(['v', 'id', 'show', 'seq', 'type', 'at', 'pdt', 'data']);
        expect((await log.all('demo')).map((event) => event.seq)).toEqual([1, 2]);
        expect((await log.all('other')).map((event) => event.seq)).toEqual([1]);
        expect(Object.keys((await log.all('demo'))[1] ?? {})).toEqual(['v', 'id', 'show', 'seq', 'type', 'at', 'pdt', 'data']);
        expect(await log.lastSeq('demo')).toBe(2);
        expect(await log.lastSeq('nobody')).toBe(0);
      }));

    it('stores an event id once and returns the stored event on a retry', () =>
      withLog(async (log) => {
        const first = await log.append(draft('a', 'demo', 1000));
        const retry = await log.append(draft('a', 'demo', 2000));
        expect(retry).toEqual({ created: false, envelope: first.envelope });
        expect(await log.lastSeq('demo')).toBe(1);
      }));

    it('reads the events after a seq', () =>
      withLog(async (log) => {
        for (const id of ['a', 'b', 'c']) await log.append(draft(id));
        expect((await log.after('demo', 1)).map((event) => event.id)).toEqual(['b', 'c']);
        expect(await log.after('demo', 3)).toEqual([]);
        expect(await log.after('demo', 99)).toEqual([]);
        expect(await log.after('nobody', 0)).toEqual([]);
      }));

    it('keeps seq gapless and ids unique under concurrent appends', () =>
      withLog(async (log) => {
        const ids = Array.from({ length: 200 }, (_, index) => `e${index % 150}`);
        const results = await Promise.all(ids.map((id) => log.append(draft(id))));
        expect(results.filter((result) => result.created)).toHaveLength(150);
        // A retry gets the envelope of the first append of its id.
        for (const [index, result] of results.entries()) expect(result.envelope).toEqual(results[index % 150]?.envelope);
        expect((await log.all('demo')).map((event) => event.seq)).toEqual(Array.from({ length: 150 }, (_, index) => index + 1));
      }));

    it('hands out envelopes that callers cannot change', () =>
      withLog(async (log) => {
        const { envelope } = await log.append(draft('a'));
        expect(Object.isFrozen(envelope)).toBe(true);
        (await log.all('demo')).pop();
        expect(await log.lastSeq('demo')).toBe(1);
      }));
  });
}
