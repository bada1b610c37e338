import { expect, test } from 'vitest';
import { anchorAt, BOTTOM, RowHeights, rowAt, rowOffsets, scrollTopFor, survivingAnchor, visibleRows } from './row-layout.js';

const ids = (count: number, from = 0) => Array.from({ length: count }, (_, index) => `m${from + index}`);
const indexOf = (list: string[]) => new Map(list.map((id, index) => [id, index]));

test('unmeasured rows are estimated at the mean of the first rows measured, then the estimate stays', () => {
  const heights = new RowHeights(50);
  expect(heights.get('a')).toBe(50);
  expect(heights.set('a', 20)).toBe(true);
  expect(heights.set('b', 40)).toBe(true);
  expect(heights.set('b', 40.2)).toBe(false);
  expect(heights.get('c')).toBe(30);
  expect(Array.from(rowOffsets(['a', 'b', 'c'], heights))).toEqual([0, 20, 60, 90]);

  for (let index = 0; index < 62; index++) heights.set(`s${index}`, 30);
  expect(heights.estimate).toBe(30);
  // Past the sample, a measurement changes its own row only.
  heights.set('tall', 300);
  expect(heights.get('tall')).toBe(300);
  expect(heights.estimate).toBe(30);

  heights.retain(new Set(['b']));
  expect(heights.size).toBe(1);
  expect(heights.get('a')).toBe(30);
  heights.clear();
  expect(heights.get('b')).toBe(50);
});

test('rowAt finds the row containing a point, clamped to the list', () => {
  const offsets = rowOffsets(ids(5), new RowHeights(10));
  expect(rowAt(offsets, -5)).toBe(0);
  expect(rowAt(offsets, 0)).toBe(0);
  expect(rowAt(offsets, 9.9)).toBe(0);
  expect(rowAt(offsets, 10)).toBe(1);
  expect(rowAt(offsets, 49)).toBe(4);
  expect(rowAt(offsets, 500)).toBe(4);
  expect(rowAt(rowOffsets([], new RowHeights(10)), 0)).toBe(-1);
});

test('visibleRows is the viewport plus the overscan, within the list', () => {
  const offsets = rowOffsets(ids(5000), new RowHeights(20));
  expect(visibleRows(offsets, 0, 400, 4)).toEqual({ start: 0, end: 24 });
  expect(visibleRows(offsets, 1000, 400, 4)).toEqual({ start: 46, end: 74 });
  expect(visibleRows(offsets, 100_000 - 400, 400, 4)).toEqual({ start: 4976, end: 5000 });
  expect(visibleRows(rowOffsets([], new RowHeights(20)), 0, 400, 4)).toEqual({ start: 0, end: 0 });
});

test('an anchor on a row keeps that row at the same place when rows are added above or below', () => {
  const heights = new RowHeights(20);
  const before = ids(100, 100);
  const offsets = rowOffsets(before, heights);
  const anchor = anchorAt(1005, offsets, before);
  expect(anchor).toEqual({ kind: 'row', id: 'm150', delta: 5 });

  const after = [...ids(100), ...before, ...ids(100, 200)];
  expect(scrollTopFor(anchor, rowOffsets(after, heights), indexOf(after), 400)).toBe(3005);
  expect(scrollTopFor(BOTTOM, rowOffsets(after, heights), indexOf(after), 400)).toBe(6000 - 400);
});

test('when the anchored message is removed, the one after it stays where it was', () => {
  const heights = new RowHeights(20);
  const before = ids(10);
  const anchor = { kind: 'row', id: 'm4', delta: 5 } as const;
  // m3 and m4 go: m5 was 15 px below the viewport top and stays there.
  const after = before.filter((id) => id !== 'm3' && id !== 'm4');
  const moved = survivingAnchor(anchor, before, indexOf(after), heights);
  expect(moved).toEqual({ kind: 'row', id: 'm5', delta: -15 });
  const offsets = rowOffsets(after, heights);
  const top = scrollTopFor(moved, offsets, indexOf(after), 100);
  expect((offsets[indexOf(after).get('m5') as number] as number) - top).toBe(15);

  // Everything from the anchor on is gone: the nearest message before it.
  expect(survivingAnchor(anchor, before, indexOf(ids(3)), heights)).toEqual({ kind: 'row', id: 'm2', delta: 45 });
  expect(survivingAnchor(anchor, before, indexOf([]), heights)).toBe(BOTTOM);
  expect(survivingAnchor(BOTTOM, before, indexOf([]), heights)).toBe(BOTTOM);
});
