// For the type of cdp().send: the Chromium DevTools session the Playwright provider gives.
/// <reference types="@vitest/browser-playwright" />
import type { ShowState } from '@live-shop/protocol';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { cdp } from 'vitest/browser';
import '../define.js';
import { EVENTS } from '../constants.js';
import type { RemindMeEvent, WatchReplayEvent } from './status-events.js';
import type { StatusScreen } from './status-screen.js';
import { axeViolations } from '../test-axe-audit.js';

/** The relay's clock when each test starts: Sunday 22 November 2026, 09:00 UTC. */
const SERVER_NOW = Date.UTC(2026, 10, 22, 9, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Status = ShowState['status'];

async function mount(status: Status, setup: (element: StatusScreen) => void = () => undefined): Promise<StatusScreen> {
  const element = document.createElement('live-shop-status-screen');
  element.status = status;
  element.show = 'demo';
  element.locale = 'en-US';
  element.timeZone = 'UTC';
  setup(element);
  document.body.append(element);
  await element.updateComplete;
  return element;
}

function part(element: StatusScreen, name: string): HTMLElement | null {
  return element.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
}

const text = (element: StatusScreen, name: string) => part(element, name)?.textContent?.replace(/\s+/g, ' ').trim();
const announced = (element: StatusScreen) => element.shadowRoot?.querySelector('[role="status"]')?.textContent ?? null;

async function advance(element: StatusScreen, ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await element.updateComplete;
}

async function setStatus(element: StatusScreen, status: Status): Promise<void> {
  element.status = status;
  await element.updateComplete;
}

/** Clicks "Add to calendar" and returns the file it would download. */
async function downloadCalendar(element: StatusScreen): Promise<{ name: string; text: string; type: string }> {
  const clicked: HTMLAnchorElement[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this);
  });
  (part(element, 'calendar-button') as HTMLButtonElement).click();
  expect(clicked).toHaveLength(1);
  const link = clicked[0] as HTMLAnchorElement;
  expect(link.href).toMatch(/^blob:/);
  const blob = await (await fetch(link.href)).blob();
  return { name: link.download, text: await blob.text(), type: blob.type };
}

function icsProperty(ics: string, name: string): string | undefined {
  const line = ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .find((candidate) => candidate.startsWith(`${name}:`));
  return line?.slice(name.length + 1);
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(SERVER_NOW);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

test('scheduled, days away: title, start time and how far away per locale, calendar and reminder buttons', async () => {
  const startsAt = SERVER_NOW + 3 * DAY + 9 * HOUR + 30 * MINUTE;
  const element = await mount({ phase: 'scheduled', title: 'Spring drop', startsAt });
  expect(text(element, 'eyebrow')).toBe('Upcoming live show');
  const title = part(element, 'title');
  expect(title?.tagName).toBe('H2');
  expect(title?.textContent).toBe('Spring drop');
  expect(text(element, 'start-time')?.replace(/\s/g, ' ')).toBe('Wednesday, November 25, 2026 at 6:30 PM');
  expect(part(element, 'start-time')?.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-25T18:30:00.000Z');
  expect(text(element, 'relative-time')).toBe('in 3 days');
  expect(part(element, 'countdown')).toBeNull();
  expect(text(element, 'calendar-button')).toBe('Add to calendar');
  expect(text(element, 'remind-button')).toBe('Remind me');
  // Buttons in reading order: calendar, then reminder.
  const buttons = [...(element.shadowRoot?.querySelectorAll('button') ?? [])].map((button) => button.getAttribute('part'));
  expect(buttons).toEqual(['calendar-button', 'remind-button']);

  element.locale = 'de-DE';
  element.timeZone = 'Europe/Berlin';
  element.strings = { upcoming: 'Demnächst live', addToCalendar: 'Zum Kalender hinzufügen' };
  await element.updateComplete;
  expect(text(element, 'eyebrow')).toBe('Demnächst live');
  expect(text(element, 'start-time')).toBe('Mittwoch, 25. November 2026 um 19:30');
  expect(text(element, 'relative-time')).toBe('in 3 Tagen');
  expect(text(element, 'calendar-button')).toBe('Zum Kalender hinzufügen');
});

test('under 24 hours: a countdown on the relay clock, even when the viewer clock is two minutes off', async () => {
  vi.setSystemTime(SERVER_NOW - 2 * MINUTE);
  const element = await mount({ phase: 'scheduled', title: 'Spring drop', startsAt: SERVER_NOW + 2 * HOUR }, (element) => {
    element.serverOffset = 2 * MINUTE;
  });
  expect(text(element, 'relative-time')).toBe('in 2 hours');
  const countdown = part(element, 'countdown');
  expect(countdown?.getAttribute('role')).toBe('timer');
  expect(text(element, 'countdown')).toBe('Starts in 2:00:00');
  await advance(element, 1000);
  expect(text(element, 'countdown')).toBe('Starts in 1:59:59');
  expect(vi.getTimerCount()).toBe(1);
});

test('a day away it switches from "in N days" to the countdown on time; at the start it says "Starting soon" and stops', async () => {
  const startsAt = SERVER_NOW + DAY + 30_000;
  const element = await mount({ phase: 'scheduled', title: 'Spring drop', startsAt });
  expect(text(element, 'relative-time')).toBe('tomorrow');
  expect(part(element, 'countdown')).toBeNull();
  await advance(element, 30_000);
  expect(text(element, 'countdown')).toBe('Starts in 24:00:00');

  element.status = { phase: 'scheduled', title: 'Spring drop', startsAt: SERVER_NOW + 30_000 + 3000 };
  await element.updateComplete;
  await advance(element, 3000);
  expect(text(element, 'countdown')).toBe('Starting soon');
  expect(part(element, 'relative-time')).toBeNull();
  expect(part(element, 'calendar-button')).toBeNull();
  expect(part(element, 'remind-button')).not.toBeNull();
  expect(announced(element)).toBe('Starting soon');
  expect(vi.getTimerCount()).toBe(0);
});

test('no timer runs while disconnected, or while nothing counts down', async () => {
  const element = await mount({ phase: 'scheduled', startsAt: SERVER_NOW + HOUR });
  expect(vi.getTimerCount()).toBe(1);
  element.remove();
  expect(vi.getTimerCount()).toBe(0);
  await vi.advanceTimersByTimeAsync(10 * MINUTE);
  document.body.append(element);
  await element.updateComplete;
  expect(text(element, 'countdown')).toBe('Starts in 50:00');
  await setStatus(element, { phase: 'live' });
  expect(vi.getTimerCount()).toBe(0);
});

test('Add to calendar downloads an .ics file made in the browser: UTC start, duration, escaped title, the show URL', async () => {
  const title = 'Spring drop, 50% off; <b>today</b>\\only';
  const startsAt = Date.UTC(2026, 11, 3, 18, 30);
  const element = await mount({ phase: 'scheduled', title, startsAt }, (element) => {
    element.showUrl = 'https://shop.example.com/live';
    element.durationMinutes = 45;
  });
  const file = await downloadCalendar(element);
  expect(file.name).toBe('spring-drop-50-off-b-today-b-only.ics');
  expect(file.type).toBe('text/calendar;charset=utf-8');
  expect(file.text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  expect(icsProperty(file.text, 'UID')).toBe(`live-shop-demo@${location.hostname}`);
  expect(icsProperty(file.text, 'DTSTAMP')).toBe('20261122T090000Z');
  expect(icsProperty(file.text, 'DTSTART')).toBe('20261203T183000Z');
  expect(icsProperty(file.text, 'DURATION')).toBe('PT45M');
  expect(icsProperty(file.text, 'SUMMARY')).toBe('Spring drop\\, 50% off\\; <b>today</b>\\\\only');
  expect(icsProperty(file.text, 'DESCRIPTION')).toBe('Watch and shop live.\\nhttps://shop.example.com/live');
  expect(icsProperty(file.text, 'URL')).toBe('https://shop.example.com/live');
});

test('the calendar entry links to this page when no show URL is given, and never to a javascript: URL', async () => {
  const element = await mount({ phase: 'scheduled', startsAt: SERVER_NOW + DAY }, (element) => {
    element.showUrl = 'javascript:alert(1)';
  });
  const file = await downloadCalendar(element);
  expect(icsProperty(file.text, 'URL')).toBe(location.href);
  expect(icsProperty(file.text, 'SUMMARY')).toBe('Live shopping show');
  expect(file.name).toBe('live-shopping-show.ics');
  expect(file.text).not.toContain('javascript');
});

test('Remind me fires a bubbling, composed, cancelable event, and confirms unless it is cancelled', async () => {
  const startsAt = SERVER_NOW + DAY;
  const element = await mount({ phase: 'scheduled', title: 'Spring drop', startsAt });
  const received: RemindMeEvent[] = [];
  const cancel = (event: RemindMeEvent) => {
    received.push(event);
    event.preventDefault();
  };
  document.addEventListener(EVENTS.remindMe, cancel);
  (part(element, 'remind-button') as HTMLButtonElement).click();
  document.removeEventListener(EVENTS.remindMe, cancel);
  await element.updateComplete;
  expect(received).toHaveLength(1);
  expect(received[0]?.bubbles && received[0].composed && received[0].cancelable).toBe(true);
  expect(received[0]?.detail).toEqual({ show: 'demo', startsAt, title: 'Spring drop' });
  expect(part(element, 'confirmation')).toBeNull();
  expect(element.reminderSet).toBe(false);

  // The host page's signup succeeded later: it says so.
  element.reminderSet = true;
  await element.updateComplete;
  expect(text(element, 'confirmation')).toBe('Reminder set: we’ll let you know when the show starts.');
  expect(announced(element)).toBe('Reminder set: we’ll let you know when the show starts.');

  const other = await mount({ phase: 'scheduled', title: 'Spring drop', startsAt });
  (part(other, 'remind-button') as HTMLButtonElement).click();
  await other.updateComplete;
  expect(other.reminderSet).toBe(true);
  expect(other.hasAttribute('reminder-set')).toBe(true);
  expect(text(other, 'confirmation')).toBe('Reminder set: we’ll let you know when the show starts.');
});

test('live: nothing covers the video; going live is announced', async () => {
  const element = await mount({ phase: 'scheduled', title: 'Spring drop', startsAt: SERVER_NOW + HOUR });
  expect(announced(element)).toBe('');
  await setStatus(element, { phase: 'live', title: 'Spring drop', startsAt: SERVER_NOW + HOUR });
  expect(part(element, 'base')).toBeNull();
  expect(element.getBoundingClientRect().height).toBe(0);
  expect(announced(element)).toBe('The show is live');
  expect(element.matches(':state(live)')).toBe(true);
});

test('ended: says so; a replay button only when there is a replay; the ready replay is emphasized; changes announced', async () => {
  const element = await mount({ phase: 'live', title: 'Spring drop' });
  await setStatus(element, { phase: 'ended', title: 'Spring drop' });
  expect(text(element, 'message')).toBe('This show has ended');
  expect(part(element, 'replay-button')).toBeNull();
  expect(announced(element)).toBe('This show has ended');

  await setStatus(element, { phase: 'ended', title: 'Spring drop', replay: { src: 'https://cdn.example.com/replay.m3u8' } });
  const replay = part(element, 'replay-button');
  expect(replay?.tagName).toBe('BUTTON');
  expect(replay?.textContent?.trim()).toBe('Watch the replay');
  expect(replay?.getAttribute('part')).toBe('replay-button');
  expect(announced(element)).toBe('The replay is ready');

  await setStatus(element, { phase: 'replay-ready', title: 'Spring drop', replay: { playbackId: 'abc' } });
  expect(text(element, 'message')).toBe('The replay is ready');
  expect(part(element, 'replay-button')?.getAttribute('part')).toBe('replay-button emphasized');
  expect(element.matches(':state(replay-ready)')).toBe(true);
});

test('Watch the replay fires live-shop-watch-replay with the replay; the player cancels it and switches mode', async () => {
  const replay = { playbackId: 'abc', startPdt: SERVER_NOW - 2 * HOUR };
  const element = await mount({ phase: 'replay-ready', title: 'Spring drop', replay });
  const received: WatchReplayEvent[] = [];
  document.addEventListener(EVENTS.watchReplay, (event) => received.push(event), { once: true });
  (part(element, 'replay-button') as HTMLButtonElement).click();
  expect(received).toHaveLength(1);
  expect(received[0]?.bubbles && received[0].composed && received[0].cancelable).toBe(true);
  expect(received[0]?.detail).toEqual({ show: 'demo', replay, url: undefined });
});

test('with a replay URL the button is a link, followed unless the event is cancelled; never a javascript: link', async () => {
  const element = await mount({ phase: 'ended', title: 'Spring drop' }, (element) => {
    element.replayUrl = 'https://shop.example.com/replay/demo';
  });
  const link = part(element, 'replay-button') as HTMLAnchorElement;
  expect(link.tagName).toBe('A');
  expect(link.href).toBe('https://shop.example.com/replay/demo');

  // Listeners on the host run after the element's own: they see whether it let the link be followed.
  const followed: boolean[] = [];
  element.addEventListener('click', (event) => {
    followed.push(!event.defaultPrevented);
    event.preventDefault(); // keep the test page where it is
  });
  link.click();
  const cancel = (event: WatchReplayEvent) => event.preventDefault();
  document.addEventListener(EVENTS.watchReplay, cancel);
  link.click();
  document.removeEventListener(EVENTS.watchReplay, cancel);
  expect(followed).toEqual([true, false]);

  element.replayUrl = 'javascript:alert(1)';
  await element.updateComplete;
  // Not a safe link: no replay known, so no button at all.
  expect(part(element, 'replay-button')).toBeNull();
  expect(element.shadowRoot?.querySelector('a')).toBeNull();
});

test('keyboard focus moves to the title when a phase change removes the focused button', async () => {
  const element = await mount({ phase: 'scheduled', title: 'Spring drop', startsAt: SERVER_NOW + HOUR });
  part(element, 'remind-button')?.focus();
  await setStatus(element, { phase: 'ended', title: 'Spring drop' });
  expect(element.shadowRoot?.activeElement).toBe(part(element, 'title'));
});

test('markup in the title shows as text', async () => {
  const title = '<img src=x onerror="window.__liveShopXss=1"><script>window.__liveShopXss=2</script>';
  const element = await mount({ phase: 'scheduled', title, startsAt: SERVER_NOW + DAY });
  expect(part(element, 'title')?.textContent).toBe(title);
  await setStatus(element, { phase: 'ended', title });
  expect(part(element, 'title')?.textContent).toBe(title);
  expect(element.shadowRoot?.querySelector('img, script')).toBeNull();
  expect((window as { __liveShopXss?: number }).__liveShopXss).toBeUndefined();
});

test('themeable through the shared tokens, and through its own properties', async () => {
  const element = await mount({ phase: 'scheduled', startsAt: SERVER_NOW + DAY });
  document.body.style.setProperty('--live-shop-accent', 'rgb(0, 90, 60)');
  const button = part(element, 'calendar-button') as HTMLElement;
  expect(getComputedStyle(button).backgroundColor).toBe('rgb(0, 90, 60)');
  element.style.setProperty('--live-shop-status-accent', 'rgb(10, 20, 30)');
  expect(getComputedStyle(button).backgroundColor).toBe('rgb(10, 20, 30)');
  document.body.style.removeProperty('--live-shop-accent');
});

test('respects prefers-reduced-motion', async () => {
  const element = await mount({ phase: 'ended' });
  const base = part(element, 'base') as HTMLElement;
  expect(getComputedStyle(base).animationName).toBe('enter');
  await cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-reduced-motion', value: 'reduce' }] });
  try {
    expect(getComputedStyle(base).animationName).toBe('none');
  } finally {
    await cdp().send('Emulation.setEmulatedMedia', { features: [] });
  }
});

test('no accessibility violations on any screen, right to left too', async () => {
  vi.useRealTimers();
  const now = Date.now();
  const screens: [string, Status, (element: StatusScreen) => void][] = [
    ['scheduled, days away', { phase: 'scheduled', title: 'Spring drop', startsAt: now + 3 * DAY }, () => undefined],
    ['scheduled, countdown, reminder set', { phase: 'scheduled', title: 'Spring drop', startsAt: now + HOUR }, (element) => (element.reminderSet = true)],
    ['scheduled, no start time', { phase: 'scheduled' }, () => undefined],
    ['starting soon', { phase: 'scheduled', startsAt: now - MINUTE }, () => undefined],
    ['live', { phase: 'live', title: 'Spring drop' }, () => undefined],
    ['ended', { phase: 'ended', title: 'Spring drop' }, () => undefined],
    ['ended with a replay', { phase: 'ended', title: 'Spring drop', replay: { playbackId: 'abc' } }, () => undefined],
    ['replay ready, link', { phase: 'replay-ready', title: 'Spring drop' }, (element) => (element.replayUrl = 'https://shop.example.com/replay')],
    ['right to left', { phase: 'scheduled', title: 'عرض الربيع', startsAt: now + HOUR }, (element) => {
      element.dir = 'rtl';
      element.lang = 'ar';
      element.locale = 'ar';
    }],
  ];
  for (const [name, status, setup] of screens) {
    const element = await mount(status, setup);
    expect({ name, violations: await axeViolations(element) }).toEqual({ name, violations: [] });
    element.remove();
  }
});
