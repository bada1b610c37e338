import { afterEach, expect, test } from 'vitest';
import '../define.js';
import { EVENTS } from '../constants.js';
import type { ActionRequestEvent } from '../events.js';
import type { PollPanel } from './poll-panel.js';
import { MAX_OPTIONS } from './poll-panel.js';

afterEach(() => document.body.replaceChildren());

async function mount(): Promise<PollPanel> {
  const panel = document.createElement('live-shop-console-polls');
  document.body.append(panel);
  await panel.updateComplete;
  return panel;
}

function type(panel: PollPanel, selector: string, value: string): void {
  const input = panel.renderRoot.querySelector<HTMLInputElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true }));
}

function button(panel: PollPanel, text: string): HTMLButtonElement {
  return [...panel.renderRoot.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === text)!;
}

test('opens a poll with 2 to 6 options, and clears the form once the relay has it', async () => {
  const panel = await mount();
  for (let count = 2; count < MAX_OPTIONS; count++) button(panel, 'Add option').click();
  await panel.updateComplete;
  expect(panel.renderRoot.querySelectorAll('[id^="poll-option-"]')).toHaveLength(MAX_OPTIONS);
  expect(button(panel, 'Add option').disabled).toBe(true);
  type(panel, '#poll-question', 'Which colour next?');
  type(panel, '#poll-option-0', 'Olive');
  type(panel, '#poll-option-1', 'Rust');
  let resolve: (stored: boolean) => void = () => {};
  const requests: ActionRequestEvent[] = [];
  panel.addEventListener(EVENTS.action, (event) => {
    requests.push(event);
    event.outcome = new Promise((done) => (resolve = done));
  });
  panel.renderRoot.querySelector('form')!.requestSubmit();
  expect(requests[0]?.detail).toMatchObject({
    type: 'poll.open',
    data: { question: 'Which colour next?', options: [{ id: 'o1', text: 'Olive' }, { id: 'o2', text: 'Rust' }] },
  });
  resolve(true);
  await new Promise((done) => setTimeout(done));
  await panel.updateComplete;
  expect(panel.renderRoot.querySelector<HTMLInputElement>('#poll-question')!.value).toBe('');
  expect(panel.renderRoot.querySelectorAll('[id^="poll-option-"]')).toHaveLength(2);
});

test('keeps the form when the post fails, and refuses a poll with one option', async () => {
  const panel = await mount();
  type(panel, '#poll-question', 'Yes or no?');
  type(panel, '#poll-option-0', 'Yes');
  const requests: ActionRequestEvent[] = [];
  panel.addEventListener(EVENTS.action, (event) => {
    requests.push(event);
    event.outcome = Promise.resolve(false);
  });
  panel.renderRoot.querySelector('form')!.requestSubmit();
  await panel.updateComplete;
  expect(requests).toHaveLength(0);
  expect(panel.renderRoot.querySelector('[role="alert"]')?.textContent).toMatch(/at least 2 options/);
  type(panel, '#poll-option-1', 'No');
  panel.renderRoot.querySelector('form')!.requestSubmit();
  await new Promise((done) => setTimeout(done));
  expect(requests).toHaveLength(1);
  expect(panel.renderRoot.querySelector<HTMLInputElement>('#poll-question')!.value).toBe('Yes or no?');
});

test('lists open polls with their counts, and closes one', async () => {
  const panel = await mount();
  panel.polls = [
    { pollId: 'p1', question: '<b>Bold?</b>', options: [{ id: 'o1', text: 'Yes' }, { id: 'o2', text: 'No' }], counts: { o1: 12 }, closed: false },
    { pollId: 'p0', question: 'Old', options: [{ id: 'o1', text: 'A' }, { id: 'o2', text: 'B' }], counts: {}, closed: true },
  ];
  await panel.updateComplete;
  const polls = panel.renderRoot.querySelectorAll('[data-poll-id]');
  expect(polls).toHaveLength(1);
  expect(polls[0]!.querySelector('.question')!.textContent).toBe('<b>Bold?</b>');
  expect([...polls[0]!.querySelectorAll('.counts li')].map((item) => item.textContent)).toEqual(['Yes: 12', 'No: 0']);
  const requests: ActionRequestEvent[] = [];
  panel.addEventListener(EVENTS.action, (event) => requests.push(event));
  polls[0]!.querySelector('button')!.click();
  expect(requests[0]?.detail).toMatchObject({ type: 'poll.close', data: { pollId: 'p1' } });
});
