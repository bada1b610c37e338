import { afterEach, expect, test } from 'vitest';
import '../../define.js';
import { axeViolations, part } from '../test-audience.js';
import type { LiveViewerCount } from './viewer-count.js';

async function mount(setup: (count: LiveViewerCount) => void): Promise<LiveViewerCount> {
  const element = document.createElement('live-shop-viewer-count');
  setup(element);
  document.body.append(element);
  await element.updateComplete;
  return element;
}

/** What is on screen, and what a screen reader reads. */
function shown(element: LiveViewerCount): [string, string] {
  const normal = (value: string | null | undefined) => value?.replace(/\s/g, ' ').trim() ?? '';
  return [normal(part(element, 'label')?.textContent), normal(element.shadowRoot?.querySelector('.visually-hidden')?.textContent)];
}

afterEach(() => document.body.replaceChildren());

test('a compact count on screen, the exact one for screen readers, never announced', async () => {
  const element = await mount((count) => {
    count.locale = 'en-US';
    count.count = 1_234;
  });
  expect(shown(element)).toEqual(['1.2K watching', '1,234 watching']);
  expect(part(element, 'base')?.getAttribute('aria-live')).toBe('off');
  expect(element.shadowRoot?.querySelector('[role="status"], [role="alert"], [aria-live="polite"], [aria-live="assertive"]')).toBeNull();
  expect(await axeViolations(element)).toEqual([]);

  element.count = 2_500_000;
  await element.updateComplete;
  expect(shown(element)).toEqual(['2.5M watching', '2,500,000 watching']);
});

test('in the viewer’s language: digits, compact forms and plural words', async () => {
  const french = await mount((count) => {
    count.locale = 'fr-FR';
    count.strings = { watching: { one: '{count} spectateur', other: '{count} spectateurs' } };
    count.count = 12_345;
  });
  expect(shown(french)).toEqual(['12,3 k spectateurs', '12 345 spectateurs']);
  french.count = 1;
  await french.updateComplete;
  expect(shown(french)).toEqual(['1 spectateur', '1 spectateur']);
});

test('shows nothing until there is a count', async () => {
  const element = await mount(() => {});
  expect(part(element, 'base')).toBeNull();
  element.count = Number.NaN;
  await element.updateComplete;
  expect(part(element, 'base')).toBeNull();
  element.setAttribute('count', '0');
  await element.updateComplete;
  expect(shown(element)[0]).toMatch(/^0 watching$/);
});
