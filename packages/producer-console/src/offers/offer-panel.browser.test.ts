import { afterEach, expect, test } from 'vitest';
import '../define.js';
import { EVENTS } from '../constants.js';
import type { ActionRequestEvent } from '../events.js';
import { frameWhere, product } from '../test-helpers.js';
import type { OfferPanel } from './offer-panel.js';

afterEach(() => document.body.replaceChildren());

async function mount(setup: (panel: OfferPanel) => void): Promise<OfferPanel> {
  const panel = document.createElement('live-shop-console-offers');
  setup(panel);
  document.body.append(panel);
  await panel.updateComplete;
  return panel;
}

function fill(panel: OfferPanel, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const field = panel.renderRoot.querySelector<HTMLInputElement | HTMLSelectElement>(`#offer-${name}`)!;
    field.value = value;
    field.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

function submit(panel: OfferPanel): ActionRequestEvent[] {
  const requests: ActionRequestEvent[] = [];
  const listener = (event: ActionRequestEvent) => requests.push(event);
  document.addEventListener(EVENTS.action, listener);
  panel.renderRoot.querySelector('form')!.requestSubmit();
  document.removeEventListener(EVENTS.action, listener);
  return requests;
}

test('starts a price drop whose end time is on the relay’s clock', async () => {
  const clockOffset = 90_000; // the relay's clock is 90 s ahead of this browser's
  const panel = await mount((panel) => {
    panel.products = [product('a'), product('b', { price: { amount: '120.00', currencyCode: 'EUR' } })];
    panel.clockOffset = clockOffset;
  });
  fill(panel, { product: 'b', price: '99,50', minutes: '5', code: 'SPRING-20', limit: '25' });
  const before = Date.now();
  const [request] = submit(panel);
  const after = Date.now();
  expect(request?.detail.type).toBe('offer.start');
  const data = request!.detail.data as { offerId: string; endsAt: number };
  expect(data).toMatchObject({ kind: 'price-drop', productId: 'b', price: { amount: '99.50', currencyCode: 'EUR' }, code: 'SPRING-20', quantityLimit: 25 });
  expect(data.offerId).toMatch(/^offer-[0-9a-f]{16}$/);
  expect(data.endsAt).toBeGreaterThanOrEqual(before + clockOffset + 5 * 60_000);
  expect(data.endsAt).toBeLessThanOrEqual(after + clockOffset + 5 * 60_000);
});

test('says what is wrong with the form instead of posting', async () => {
  const panel = await mount((panel) => {
    panel.products = [product('a')];
  });
  fill(panel, { price: 'cheap' });
  expect(submit(panel)).toEqual([]);
  await panel.updateComplete;
  expect(panel.renderRoot.querySelector('[role="alert"]')?.textContent).toMatch(/new price as a number/);
  fill(panel, { price: '10', minutes: '0' });
  expect(submit(panel)).toEqual([]);
  await panel.updateComplete;
  expect(panel.renderRoot.querySelector('[role="alert"]')?.textContent).toMatch(/duration in whole minutes/);
  fill(panel, { minutes: '3', code: 'no spaces!' });
  expect(submit(panel)).toEqual([]);
});

test('counts a running offer down against the relay’s clock, and ends it', async () => {
  const panel = await mount((panel) => {
    panel.products = [product('a', { title: 'Alpha' })];
    panel.clockOffset = -30_000;
    panel.offers = [{ offerId: 'o1', kind: 'price-drop', productId: 'a', price: { amount: '9.00', currencyCode: 'USD' }, endsAt: Date.now() - 30_000 + 125_000, pdt: 0 }];
  });
  const timer = () => panel.renderRoot.querySelector('[role="timer"]')?.textContent ?? '';
  expect(timer()).toMatch(/^2:0[45]$/);
  await frameWhere(() => timer() !== '' && timer() !== '2:05', 3_000);
  const requests: ActionRequestEvent[] = [];
  panel.addEventListener(EVENTS.action, (event) => requests.push(event));
  panel.renderRoot.querySelector<HTMLButtonElement>('[aria-label="End offer on Alpha"]')!.click();
  expect(requests[0]?.detail).toMatchObject({ type: 'offer.end', data: { offerId: 'o1' } });
});
