import type { ProductMoment } from '@live-shop/protocol';
import { afterEach, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../define.js';
import { EVENTS } from '../constants.js';
import { jacket } from '../product-card/test-variant-products.js';
import type { SeekToMomentEvent } from '../shelf/seek-to-moment-event.js';
import { axeViolations } from '../test-axe-audit.js';
import { testProduct } from '../test-products.js';
import type { MomentsBar } from './moments-bar.js';

const START = Date.UTC(2025, 4, 1, 18, 0, 0);
const products = [jacket(), testProduct({ id: 'mug', title: 'Stoneware mug' })];
const range = { startPdt: START + 600_000, endPdt: START + 1_600_000 };
const moments: ProductMoment[] = [
  { productId: 'mug', pdt: START + 1_350_000, seq: 2 },
  { productId: 'jacket', pdt: START + 751_000, seq: 1 },
  // Before the DVR window, and a product not in the catalog: no markers.
  { productId: 'jacket', pdt: START + 100_000, seq: 0 },
  { productId: 'gone', pdt: START + 900_000, seq: 3 },
];

async function mount(setup: (bar: MomentsBar) => void = () => undefined): Promise<MomentsBar> {
  const bar = document.createElement('live-shop-moments-bar');
  bar.style.width = '500px';
  bar.style.display = 'block';
  bar.moments = moments;
  bar.products = products;
  bar.range = range;
  bar.startPdt = START;
  bar.locale = 'en-US';
  setup(bar);
  document.body.append(bar);
  await bar.updateComplete;
  return bar;
}

const markers = (bar: MomentsBar) => [...(bar.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part="marker"]') ?? [])];
const focused = (bar: MomentsBar) => bar.shadowRoot?.activeElement;

afterEach(() => document.body.replaceChildren());

test('one named marker per moment in range, positioned by pdt', async () => {
  const bar = await mount();
  expect(markers(bar).map((marker) => marker.textContent?.trim())).toEqual(['Waxed jacket, featured at 12:31', 'Stoneware mug, featured at 22:30']);
  const strip = bar.shadowRoot!.querySelector('[part="base"]')!.getBoundingClientRect();
  const centres = markers(bar).map((marker) => {
    const box = marker.getBoundingClientRect();
    return (box.left + box.width / 2 - strip.left) / strip.width;
  });
  expect(centres[0]).toBeCloseTo(0.151, 2);
  expect(centres[1]).toBeCloseTo(0.75, 2);
  expect(bar.shadowRoot?.querySelector('[role="toolbar"]')?.getAttribute('aria-label')).toBe('Product moments');
});

test('the playhead follows currentPdt; no markers without a range', async () => {
  const bar = await mount((bar) => {
    bar.currentPdt = START + 1_100_000;
  });
  const strip = bar.shadowRoot!.querySelector('[part="base"]')!.getBoundingClientRect();
  const playhead = bar.shadowRoot!.querySelector('[part="playhead"]')!.getBoundingClientRect();
  expect((playhead.left + playhead.width / 2 - strip.left) / strip.width).toBeCloseTo(0.5, 2);
  bar.range = undefined;
  await bar.updateComplete;
  expect(markers(bar)).toEqual([]);
  expect(bar.shadowRoot?.querySelector('[part="playhead"]')).toBeNull();
});

test('the tooltip shows on hover and focus, and Escape hides it', async () => {
  const bar = await mount();
  const [first] = markers(bar);
  const tooltip = first!.querySelector<HTMLElement>('[part="tooltip"]')!;
  const opacity = () => getComputedStyle(tooltip).opacity;
  expect(opacity()).toBe('0');
  await userEvent.hover(first!);
  await expect.poll(opacity).toBe('1');
  await userEvent.unhover(first!);
  first!.focus();
  await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
  await userEvent.tab();
  expect(focused(bar)).toBe(first);
  await expect.poll(opacity).toBe('1');
  await userEvent.keyboard('{Escape}');
  await expect.poll(opacity).toBe('0');
});

test('one tab stop; arrows, Home and End move along; Enter seeks', async () => {
  const bar = await mount();
  const [first, second] = markers(bar);
  expect(markers(bar).map((marker) => marker.tabIndex)).toEqual([0, -1]);
  first!.focus();
  await userEvent.keyboard('{ArrowRight}');
  expect(focused(bar)).toBe(second);
  await bar.updateComplete;
  expect(markers(bar).map((marker) => marker.tabIndex)).toEqual([-1, 0]);
  await userEvent.keyboard('{Home}');
  expect(focused(bar)).toBe(first);
  await userEvent.keyboard('{End}');
  expect(focused(bar)).toBe(second);

  const received: SeekToMomentEvent[] = [];
  document.addEventListener(EVENTS.seekToMoment, (event) => received.push(event), { once: true });
  await userEvent.keyboard('{Enter}');
  expect(received[0]?.detail).toEqual({ pdt: START + 1_350_000, productId: 'mug' });
  expect(received[0]?.bubbles && received[0].composed).toBe(true);
});

test('titles with markup are text', async () => {
  const title = '<img src=x onerror="window.__liveShopXss=6">';
  const bar = await mount((bar) => {
    bar.products = [testProduct({ id: 'mug', title })];
  });
  expect(markers(bar)[0]?.textContent?.trim()).toBe(`${title}, featured at 22:30`);
  expect(bar.shadowRoot?.querySelector('img')).toBeNull();
});

test('no accessibility violations', async () => {
  const bar = await mount((bar) => {
    bar.currentPdt = START + 1_000_000;
  });
  expect(await axeViolations(bar)).toEqual([]);
});
