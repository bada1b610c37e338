import type { Poll } from '@live-shop/protocol';
import { afterEach, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../define.js';
import { EVENTS } from '../../constants.js';
import { fr } from '../../locales/fr.js';
import type { VoteEvent } from '../audience-events.js';
import { axeViolations, injectedRan, INJECTED, part, parts } from '../test-audience.js';
import type { LivePoll } from './poll.js';

function testPoll(overrides: Partial<Poll> = {}): Poll {
  return {
    pollId: 'q1',
    question: 'Which colour should we drop next?',
    options: [
      { id: 'red', text: 'Red' },
      { id: 'blue', text: 'Blue' },
      { id: 'green', text: 'Green' },
    ],
    counts: {},
    closed: false,
    ...overrides,
  };
}

async function mount(setup: (poll: LivePoll) => void): Promise<LivePoll> {
  const element = document.createElement('live-shop-poll');
  element.locale = 'en-US';
  setup(element);
  document.body.append(element);
  await element.updateComplete;
  return element;
}

function text(element: Element | null | undefined): string {
  return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function announced(element: LivePoll): string {
  const region = element.shadowRoot?.querySelector('[role="status"]');
  expect(region?.getAttribute('aria-live')).toBe('polite');
  return text(region);
}

function radios(element: LivePoll): HTMLInputElement[] {
  return [...(element.shadowRoot?.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? [])];
}

function results(element: LivePoll): string[] {
  return parts(element, 'result').map((row) => text(row));
}

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

/** The relay's clock when a countdown test starts. */
const SERVER_NOW = Date.UTC(2026, 10, 22, 18, 0, 0);

/** Fakes the clock and timers, with this browser's clock `viewerError` ms off the relay's. */
function fakeClock(viewerError = 0): void {
  vi.useFakeTimers();
  vi.setSystemTime(SERVER_NOW + viewerError);
}

/** Moves the fake clock and lets the element render what the time now says. */
async function advance(element: LivePoll, ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await element.updateComplete;
}

test('asks the question as a radio group, and votes from the keyboard', async () => {
  const element = await mount((poll) => (poll.poll = testPoll()));
  expect(text(element.shadowRoot?.querySelector('legend'))).toBe('Poll Which colour should we drop next?');
  expect(parts(element, 'option').map((option) => text(option))).toEqual(['Red', 'Blue', 'Green']);
  expect(await axeViolations(element)).toEqual([]);

  const votes: VoteEvent[] = [];
  document.addEventListener(EVENTS.vote, (event) => votes.push(event), { once: true });
  radios(element)[0]?.focus();
  await userEvent.keyboard('{ArrowDown}');
  expect(radios(element).map((radio) => radio.checked)).toEqual([false, true, false]);
  await userEvent.keyboard('{Tab}');
  expect(element.shadowRoot?.activeElement).toBe(part(element, 'vote-button'));
  await userEvent.keyboard('{Enter}');
  expect(votes.map((event) => [event.detail, event.bubbles, event.composed, event.cancelable])).toEqual([[{ pollId: 'q1', optionId: 'blue' }, true, true, true]]);
  await element.updateComplete;
  const button = part(element, 'vote-button');
  expect([text(button), button?.getAttribute('aria-disabled')]).toEqual(['Voting…', 'true']);
});

test('once the vote is counted: live results with percentages and bars, the choice marked, announced politely', async () => {
  const element = await mount((poll) => (poll.poll = testPoll()));
  radios(element)[0]?.click();
  part(element, 'vote-button')?.focus();
  part<HTMLButtonElement>(element, 'vote-button')?.click();
  await element.updateComplete;

  element.votedOptionId = 'red';
  element.poll = testPoll({ counts: { red: 3, blue: 1, green: 0 } });
  await element.updateComplete;
  expect(element.shadowRoot?.querySelector('form')).toBeNull();
  expect(results(element)).toEqual(['Red ✓ Your vote 75% 3 votes', 'Blue 25% 1 vote', 'Green 0% 0 votes']);
  expect(parts(element, 'result-voted').map((row) => text(row.querySelector('.text')))).toEqual(['Red']);
  expect(text(part(element, 'total'))).toBe('4 votes');
  expect(parts(element, 'bar-fill').map((bar) => bar.style.transform)).toEqual(['scaleX(0.75)', 'scaleX(0.25)', 'scaleX(0)']);
  expect(announced(element)).toBe('Your vote for Red was counted.');
  // Focus was on the Vote button, which is gone: it moves to the results, not to the page.
  expect(element.shadowRoot?.activeElement).toBe(element.shadowRoot?.querySelector('.results-group'));
  expect(await axeViolations(element)).toEqual([]);

  // New tallies update the results without announcing again.
  element.poll = testPoll({ counts: { red: 3, blue: 4, green: 1 } });
  await element.updateComplete;
  expect(results(element)[1]).toBe('Blue 50% 4 votes');
  expect(announced(element)).toBe('Your vote for Red was counted.');
});

test('a refused vote shows and announces why, and the viewer may vote again', async () => {
  const element = await mount((poll) => (poll.poll = testPoll()));
  const votes: string[] = [];
  element.addEventListener(EVENTS.vote, (event) => votes.push(event.detail.optionId));
  part<HTMLButtonElement>(element, 'vote-button')?.click();
  await element.updateComplete;
  expect(text(part(element, 'error'))).toBe('Choose an answer, then vote.');
  expect(votes).toEqual([]);

  radios(element)[2]?.click();
  part<HTMLButtonElement>(element, 'vote-button')?.click();
  await element.updateComplete;
  element.error = 'You are voting too fast; wait 1 s and vote again.';
  await element.updateComplete;
  expect(text(part(element, 'error'))).toBe('Your vote was not counted: You are voting too fast; wait 1 s and vote again.');
  expect(announced(element)).toBe('Your vote was not counted: You are voting too fast; wait 1 s and vote again.');
  expect(text(part(element, 'vote-button'))).toBe('Vote');
  expect(await axeViolations(element)).toEqual([]);

  part<HTMLButtonElement>(element, 'vote-button')?.click();
  await element.updateComplete;
  expect(votes).toEqual(['green', 'green']);
  expect(part(element, 'error')).toBeNull();
});

test('a closed poll shows its results, marked closed, without a form', async () => {
  const element = await mount((poll) => (poll.poll = testPoll({ closed: true, counts: { red: 1, blue: 2 } })));
  expect(element.shadowRoot?.querySelector('form')).toBeNull();
  expect(text(part(element, 'closed'))).toBe('Poll closed');
  expect(results(element)).toEqual(['Red 33% 1 vote', 'Blue 67% 2 votes', 'Green 0% 0 votes']);
  expect(announced(element)).toBe('');
  expect(await axeViolations(element)).toEqual([]);
});

test('numbers and words follow the locale and the strings', async () => {
  const element = await mount((poll) => {
    poll.locale = 'de-DE';
    poll.strings = { poll: 'Umfrage', yourVote: 'Deine Stimme', votes: { one: '{count} Stimme', other: '{count} Stimmen' }, closed: 'Beendet' };
    poll.votedOptionId = 'blue';
    poll.poll = testPoll({ counts: { red: 1, blue: 1_233 } });
  });
  expect(results(element).map((row) => row.replace(/\s/g, ' '))).toEqual(['Red 0 % 1 Stimme', 'Blue ✓ Deine Stimme 100 % 1.233 Stimmen', 'Green 0 % 0 Stimmen']);
  expect(text(part(element, 'total'))).toBe('1.234 Stimmen');
});

test('right to left, the bars grow from the right', async () => {
  const wrapper = document.createElement('div');
  wrapper.dir = 'rtl';
  document.body.append(wrapper);
  const element = document.createElement('live-shop-poll');
  element.poll = testPoll({ closed: true, counts: { red: 1 } });
  wrapper.append(element);
  await element.updateComplete;
  const fill = part(element, 'bar-fill') as HTMLElement;
  const [originX] = getComputedStyle(fill).transformOrigin.split(' ');
  expect(Number.parseFloat(originX ?? '0')).toBeCloseTo(fill.offsetWidth, 0);
  expect(getComputedStyle(part(element, 'base') as HTMLElement).direction).toBe('rtl');
});

test('markup in the question and answers is shown as text, and nothing runs', async () => {
  const poll = testPoll({ question: `Which? ${INJECTED}`, options: [{ id: 'a', text: INJECTED }, { id: 'b', text: 'Plain' }] });
  const voting = await mount((element) => (element.poll = poll));
  const answered = await mount((element) => {
    element.poll = poll;
    element.votedOptionId = 'a';
  });
  expect(voting.shadowRoot?.querySelector('legend')?.textContent).toContain(INJECTED);
  expect(parts(voting, 'option')[0]?.textContent?.trim()).toBe(INJECTED);
  expect(part(answered, 'option-text')?.textContent).toBe(INJECTED);
  expect(answered.shadowRoot?.querySelector('[role="status"]')?.textContent).toBe('');
  for (const element of [voting, answered]) expect(element.shadowRoot?.querySelector('img, script')).toBeNull();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(injectedRan()).toBe(false);
});

test('counts down to closesAt on the relay clock: a viewer clock two minutes off shows the right time left', async () => {
  for (const viewerError of [-120_000, 120_000]) {
    fakeClock(viewerError);
    const element = await mount((poll) => {
      poll.poll = testPoll({ closesAt: SERVER_NOW + 42_000 });
      poll.serverOffset = -viewerError;
    });
    const countdown = part(element, 'countdown');
    expect([text(countdown), countdown?.getAttribute('role')]).toEqual(['Closes in 00:42', 'timer']);
    await advance(element, 1000);
    expect(text(part(element, 'countdown'))).toBe('Closes in 00:41');
    // Once the vote is counted, the results still say how long voting stays open.
    element.votedOptionId = 'red';
    await advance(element, 1000);
    expect(text(part(element, 'countdown'))).toBe('Closes in 00:40');
    expect(announced(element)).toBe('Your vote for Red was counted.');
    element.remove();
  }
});

test('at zero the poll stops taking votes on screen, keeps its results, and the relay’s close keeps it closed', async () => {
  fakeClock();
  const votes: string[] = [];
  document.addEventListener(EVENTS.vote, (event) => votes.push(event.detail.optionId));
  const element = await mount((poll) => (poll.poll = testPoll({ closesAt: SERVER_NOW + 3000, counts: { red: 2, blue: 1 } })));
  radios(element)[1]?.click();
  radios(element)[1]?.focus();
  await advance(element, 2999);
  expect(text(part(element, 'countdown'))).toBe('Closes in 00:01');

  await advance(element, 1);
  expect(radios(element).filter((radio) => !radio.disabled)).toEqual([]);
  expect(part(element, 'vote-button')).toBeNull();
  expect(part(element, 'countdown')).toBeNull();
  expect(text(part(element, 'closed'))).toBe('Poll closed');
  expect(results(element)).toEqual(['Red 67% 2 votes', 'Blue 33% 1 vote', 'Green 0% 0 votes']);
  expect(announced(element)).toBe('Voting closed');
  // Focus was on an answer, which is gone: it moves to the results, not to the page.
  expect(element.shadowRoot?.activeElement).toBe(element.shadowRoot?.querySelector('.results-group'));
  expect(vi.getTimerCount()).toBe(0);
  expect(votes).toEqual([]);

  element.poll = testPoll({ closesAt: SERVER_NOW + 3000, counts: { red: 2, blue: 2 }, closed: true });
  await advance(element, 1000);
  expect(text(part(element, 'closed'))).toBe('Poll closed');
  expect(results(element)).toEqual(['Red 50% 2 votes', 'Blue 50% 2 votes', 'Green 0% 0 votes']);
  expect(part(element, 'form')).toBeNull();
  expect(announced(element)).toBe('Voting closed');
});

test('a vote pressed at zero, before the screen caught up, is refused', async () => {
  fakeClock();
  const votes: string[] = [];
  document.addEventListener(EVENTS.vote, (event) => votes.push(event.detail.optionId));
  const element = await mount((poll) => (poll.poll = testPoll({ closesAt: SERVER_NOW + 5000 })));
  radios(element)[0]?.click();
  // The time runs out with no timer firing (a background tab's timers are slowed).
  vi.setSystemTime(SERVER_NOW + 5000);
  part<HTMLButtonElement>(element, 'vote-button')?.click();
  await element.updateComplete;
  expect(votes).toEqual([]);
  expect(part(element, 'form')).toBeNull();
  expect(text(part(element, 'closed'))).toBe('Poll closed');
});

test('announces politely once near the end and once at close, not every second', async () => {
  fakeClock();
  const element = await mount((poll) => (poll.poll = testPoll({ closesAt: SERVER_NOW + 12_000 })));
  const countdown = () => part(element, 'countdown') as HTMLElement;
  expect(element.matches(':state(closing)')).toBe(false);
  await advance(element, 1000);
  expect(announced(element)).toBe('');
  await advance(element, 1000);
  expect(text(countdown())).toBe('Closes in 00:10');
  expect(announced(element)).toBe('10 seconds left to vote');
  // The last seconds stand out, in a colour the page can set.
  expect(element.matches(':state(closing)')).toBe(true);
  expect(getComputedStyle(countdown()).color).toBe(getComputedStyle(part(element, 'vote-button')!).backgroundColor);
  element.style.setProperty('--live-shop-poll-urgent-color', 'rgb(0, 110, 60)');
  expect(getComputedStyle(countdown()).color).toBe('rgb(0, 110, 60)');
  await advance(element, 9000);
  expect(text(countdown())).toBe('Closes in 00:01');
  expect(announced(element)).toBe('10 seconds left to vote');
  await advance(element, 1000);
  expect(announced(element)).toBe('Voting closed');
  expect(element.matches(':state(closing)')).toBe(false);

  // The producer closing a poll early is announced the same way.
  element.poll = testPoll({ pollId: 'q2', closesAt: SERVER_NOW + 60_000 });
  await element.updateComplete;
  expect(announced(element)).toBe('');
  element.poll = testPoll({ pollId: 'q2', closesAt: SERVER_NOW + 60_000, closed: true });
  await element.updateComplete;
  expect(announced(element)).toBe('Voting closed');
});

test('a poll without closesAt shows no countdown and runs no timer', async () => {
  fakeClock();
  const element = await mount((poll) => (poll.poll = testPoll()));
  expect(part(element, 'countdown')).toBeNull();
  expect(vi.getTimerCount()).toBe(0);
  await advance(element, 60_000);
  expect(radios(element)).toHaveLength(3);
});

test('in French, the countdown and its announcements are French', async () => {
  fakeClock();
  const element = await mount((poll) => {
    poll.locale = 'fr-FR';
    poll.strings = fr.poll;
    poll.poll = testPoll({ closesAt: SERVER_NOW + 11_000 });
  });
  expect(text(part(element, 'countdown'))).toBe('Fin du vote dans 00:11');
  await advance(element, 1000);
  expect(announced(element)).toBe('Plus que 10 secondes pour voter');
  await advance(element, 10_000);
  expect(announced(element)).toBe('Le vote est clos');
  expect(text(part(element, 'closed'))).toBe('Sondage terminé');
});

test('has no accessibility violations while counting down, in its last seconds and once closed', async () => {
  const element = await mount((poll) => (poll.poll = testPoll({ closesAt: Date.now() + 60 * 60_000 })));
  expect(text(part(element, 'countdown'))).toMatch(/^Closes in (1:00:00|59:59)$/);
  expect(await axeViolations(element)).toEqual([]);
  element.poll = testPoll({ closesAt: Date.now() + 8000 });
  await element.updateComplete;
  expect(element.matches(':state(closing)')).toBe(true);
  expect(await axeViolations(element)).toEqual([]);
  element.poll = testPoll({ closesAt: Date.now() - 1000 });
  await element.updateComplete;
  expect(await axeViolations(element)).toEqual([]);
});
