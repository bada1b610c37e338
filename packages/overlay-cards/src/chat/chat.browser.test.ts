import type { ChatMessage } from '@live-shop/protocol';
import axe from 'axe-core';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../define.js';
import { EVENTS } from '../constants.js';
import { fr } from '../locales/fr.js';
import type { ChatSendEvent } from './chat-events.js';
import { CHAT_NAME_STORAGE_KEY } from './chat-name.js';
import { CHAT_BATCH_MS, type LiveChat } from './chat.js';

const START = Date.UTC(2025, 4, 17, 18, 30);

/** Messages m{from}…; every seventh is long enough to wrap over several lines, so rows differ in height. */
function messages(count: number, from = 0): ChatMessage[] {
  return Array.from({ length: count }, (_, offset) => {
    const index = from + offset;
    const text = index % 7 === 3 ? `Message ${index}: ${'so many words about this lovely product '.repeat(6)}` : `Message ${index}`;
    return { messageId: `m${index}`, text, author: { name: `Viewer ${index % 13}`, role: 'viewer' }, at: START + index * 1000, seq: index + 1 };
  });
}

async function settle(chat: LiveChat): Promise<void> {
  // The chat measures the rows it rendered and renders again when others turn out to be in view.
  while (!(await chat.updateComplete));
}

async function mount(setup: (chat: LiveChat) => void = () => undefined, parent: HTMLElement = document.body): Promise<LiveChat> {
  const chat = document.createElement('live-shop-chat');
  chat.locale = 'en-US';
  setup(chat);
  parent.append(chat);
  await settle(chat);
  return chat;
}

function part<T extends HTMLElement = HTMLElement>(chat: LiveChat, name: string): T | null {
  return chat.shadowRoot?.querySelector<T>(`[part~="${name}"]`) ?? null;
}

function parts(chat: LiveChat, name: string): HTMLElement[] {
  return [...(chat.shadowRoot?.querySelectorAll<HTMLElement>(`[part~="${name}"]`) ?? [])];
}

function list(chat: LiveChat): HTMLElement {
  return part(chat, 'list') as HTMLElement;
}

function rows(chat: LiveChat): HTMLElement[] {
  return [...list(chat).querySelectorAll<HTMLElement>('[part~="message"]')];
}

/** The rows the viewer sees (any part of them), top to bottom. */
function visibleRows(chat: LiveChat): { id: string; top: number }[] {
  const box = list(chat).getBoundingClientRect();
  return rows(chat)
    .map((row) => ({ id: row.dataset['messageId'] ?? '', rect: row.getBoundingClientRect() }))
    .filter(({ rect }) => rect.bottom > box.top + 0.5 && rect.top < box.bottom - 0.5)
    .map(({ id, rect }) => ({ id, top: rect.top }));
}

async function scrollTo(chat: LiveChat, top: number): Promise<void> {
  const scrolled = new Promise((resolve) => list(chat).addEventListener('scroll', resolve, { once: true }));
  list(chat).scrollTop = top;
  await scrolled;
  await settle(chat);
}

function announcement(chat: LiveChat): string {
  return chat.shadowRoot?.querySelector('[role="status"]')?.textContent?.replace(/\u00a0/g, '').trim() ?? '';
}

async function axeViolations(chat: LiveChat): Promise<string[]> {
  const results = await axe.run(chat);
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

beforeEach(() => localStorage.removeItem(CHAT_NAME_STORAGE_KEY));
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

test('5,000 messages render a few dozen rows, stuck to the newest', async () => {
  const all = messages(5000);
  const started = performance.now();
  const chat = await mount((chat) => {
    chat.messages = all;
  });
  const rendered = performance.now() - started;
  expect(rows(chat).length).toBeGreaterThan(5);
  expect(rows(chat).length).toBeLessThan(60);
  expect(visibleRows(chat).at(-1)?.id).toBe('m4999');
  const last = rows(chat).at(-1);
  expect(last?.getAttribute('aria-setsize')).toBe('5000');
  expect(last?.getAttribute('aria-posinset')).toBe('5000');

  // At the bottom, a new message scrolls into view.
  const appendStarted = performance.now();
  chat.messages = [...all, ...messages(1, 5000)];
  await settle(chat);
  const appended = performance.now() - appendStarted;
  expect(visibleRows(chat).at(-1)?.id).toBe('m5000');
  expect(part(chat, 'new-messages-button')).toBeNull();
  console.info(`chat: 5,000 messages rendered in ${rendered.toFixed(1)} ms (${rows(chat).length} rows); one more appended in ${appended.toFixed(1)} ms`);
});

test('scrolling to the top shows the first message', async () => {
  const chat = await mount((chat) => {
    chat.messages = messages(5000);
  });
  await scrollTo(chat, 0);
  expect(visibleRows(chat)[0]?.id).toBe('m0');
  expect(rows(chat).length).toBeLessThan(60);
  expect(list(chat).scrollTop).toBe(0);
});

test('appending while scrolled up keeps what the viewer reads in place, and offers to jump to the new messages', async () => {
  const all = messages(5000);
  const chat = await mount((chat) => {
    chat.messages = all;
  });
  await scrollTo(chat, list(chat).scrollHeight / 2);
  const [first] = visibleRows(chat);
  expect(first).toBeDefined();

  const started = performance.now();
  chat.messages = [...all, ...messages(100, 5000)];
  await settle(chat);
  console.info(`chat: 100 messages appended to 5,000 while scrolled up in ${(performance.now() - started).toFixed(1)} ms`);
  expect(visibleRows(chat)[0]?.id).toBe(first?.id);
  expect(visibleRows(chat)[0]?.top).toBeCloseTo(first?.top ?? NaN, 0);
  expect(rows(chat).length).toBeLessThan(60);

  const button = part<HTMLButtonElement>(chat, 'new-messages-button');
  expect(button?.textContent?.trim()).toBe('100 new messages');
  await userEvent.click(button as HTMLButtonElement);
  await settle(chat);
  expect(visibleRows(chat).at(-1)?.id).toBe('m5099');
  expect(part(chat, 'new-messages-button')).toBeNull();
  // The button is gone; focus stays in the chat, on the list.
  expect(chat.shadowRoot?.activeElement).toBe(list(chat));
});

test('scrolling through 5,000 messages of varied heights never shows a gap', async () => {
  const chat = await mount((chat) => {
    chat.messages = messages(5000);
  });
  await scrollTo(chat, 0);
  const box = list(chat).getBoundingClientRect();
  let steps = 0;
  let maxRows = 0;
  while (list(chat).scrollTop + list(chat).clientHeight < list(chat).scrollHeight - 1 && steps < 200) {
    await scrollTo(chat, list(chat).scrollTop + box.height * 9 + 37);
    const shown = rows(chat).map((row) => row.getBoundingClientRect());
    maxRows = Math.max(maxRows, shown.length);
    // The rendered rows cover the viewport, edge to edge, and touch one another.
    expect(shown[0]?.top).toBeLessThanOrEqual(box.top + 0.5);
    expect(shown.at(-1)?.bottom).toBeGreaterThanOrEqual(box.bottom - 0.5);
    for (let index = 1; index < shown.length; index++) expect(shown[index]?.top).toBeCloseTo(shown[index - 1]?.bottom ?? NaN, 0);
    steps++;
  }
  expect(visibleRows(chat).at(-1)?.id).toBe('m4999');
  expect(maxRows).toBeLessThan(60);
});

test('a viewer who scrolls up just as a message arrives stays where they scrolled to', async () => {
  const all = messages(500);
  const chat = await mount((chat) => {
    chat.messages = all;
  });
  // No wait for the scroll event: the message comes in first.
  list(chat).scrollTop -= 300;
  // (Rows above it are not rendered yet: the scroll event has not come.)
  const [first] = visibleRows(chat);
  chat.messages = [...all, ...messages(1, 500)];
  await settle(chat);
  expect(visibleRows(chat).find((row) => row.id === first?.id)?.top).toBeCloseTo(first?.top ?? NaN, 0);
  expect(part(chat, 'new-messages-button')?.textContent?.trim()).toBe('1 new message');
});

test('deleted and trimmed messages, and a replaced array, do not move what the viewer reads', async () => {
  let all = messages(5000);
  const chat = await mount((chat) => {
    chat.messages = all;
  });
  await scrollTo(chat, list(chat).scrollHeight / 3);
  const before = visibleRows(chat);
  const [first, second] = before;

  // The oldest messages trimmed away (the state keeps only the latest), plus one new.
  all = [...all.slice(50), ...messages(1, 5000)];
  chat.messages = all;
  await settle(chat);
  expect(visibleRows(chat)[0]).toEqual({ id: first?.id, top: expect.closeTo(first?.top ?? NaN, 0) });

  // The same messages as new objects (a new state from the reducer).
  chat.messages = all.map((message) => ({ ...message }));
  await settle(chat);
  expect(visibleRows(chat)[0]).toEqual({ id: first?.id, top: expect.closeTo(first?.top ?? NaN, 0) });

  // The message at the top deleted: it disappears and the next one stays where it was.
  chat.messages = all.filter((message) => message.messageId !== first?.id);
  await settle(chat);
  expect(rows(chat).some((row) => row.dataset['messageId'] === first?.id)).toBe(false);
  const second_ = visibleRows(chat).find((row) => row.id === second?.id);
  expect(second_?.top).toBeCloseTo(second?.top ?? NaN, 0);
  // Nothing new below the viewer: one message arrived, and that one counts.
  expect(part(chat, 'new-messages-button')?.textContent?.trim()).toBe('1 new message');
});

test('a row shows author, role badge, a localized <time> and the text', async () => {
  const at = Date.UTC(2025, 4, 17, 15, 7);
  const sample: ChatMessage[] = [
    { messageId: 'a', text: 'Welcome!', author: { name: 'Mia', role: 'producer' }, at, seq: 1 },
    { messageId: 'b', text: 'Be kind', author: { name: 'Mo', role: 'moderator', id: 'u2' }, at, seq: 2 },
    { messageId: 'c', text: 'Line one\nline two', author: { name: 'Vi', role: 'viewer' }, at, seq: 3 },
  ];
  const chat = await mount((chat) => {
    chat.messages = sample;
  });
  const [host, moderator, viewer] = rows(chat);
  expect(host?.querySelector('[part="author"]')?.textContent).toBe('Mia');
  expect(host?.querySelector('[part~="badge"]')?.textContent).toBe('Host');
  expect(host?.querySelector('[part~="badge"]')?.getAttribute('part')).toBe('badge badge-host');
  expect(moderator?.querySelector('[part~="badge"]')?.textContent).toBe('Moderator');
  expect(viewer?.querySelector('[part~="badge"]')).toBeNull();
  expect(viewer?.querySelector('[part="text"]')?.textContent).toBe('Line one\nline two');

  const time = host?.querySelector('time');
  expect(time?.getAttribute('part')).toBe('time');
  expect(time?.dateTime).toBe('2025-05-17T15:07:00.000Z');
  const english = time?.textContent;
  expect(english).toBe(new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' }).format(at));

  chat.locale = 'de-DE';
  await settle(chat);
  expect(rows(chat)[0]?.querySelector('time')?.textContent).toBe(new Intl.DateTimeFormat('de-DE', { hour: 'numeric', minute: '2-digit' }).format(at));
  expect(rows(chat)[0]?.querySelector('time')?.textContent).not.toBe(english);
});

test('markup in names and texts is shown as text and never runs', async () => {
  const payloads = [
    '<img src=x onerror="window.__liveShopChatXss=1">',
    '<script>window.__liveShopChatXss=2</script>',
    '<a href="javascript:window.__liveShopChatXss=3">click</a> https://example.com',
    '"><svg onload="window.__liveShopChatXss=4">',
  ];
  const sample: ChatMessage[] = payloads.map((payload, index) => ({
    messageId: `x${index}`,
    text: payload,
    author: { name: payload.slice(0, 50), role: index === 0 ? 'producer' : 'viewer' },
    at: START,
    seq: index,
  }));
  const chat = await mount((chat) => {
    chat.messages = sample;
    chat.pinnedId = 'x0';
  });
  expect(parts(chat, 'text').map((text) => text.textContent)).toEqual([payloads[0], ...payloads]);
  expect(rows(chat).map((row) => row.querySelector('[part="author"]')?.textContent)).toEqual(payloads.map((payload) => payload.slice(0, 50)));
  // No element came out of the data: no image, script, link or svg anywhere.
  expect(chat.shadowRoot?.querySelector('img, script, a, svg')).toBeNull();
  expect((window as { __liveShopChatXss?: number }).__liveShopChatXss).toBeUndefined();
});

test('the pinned message stays above the list, labelled, while the list scrolls', async () => {
  const all = messages(300);
  const chat = await mount((chat) => {
    chat.messages = all;
    chat.pinnedId = 'm11';
  });
  const pinned = part(chat, 'pinned');
  expect(part(chat, 'pinned-label')?.textContent).toBe('Pinned');
  expect(pinned?.querySelector('[part="text"]')?.textContent).toBe('Message 11');
  expect(pinned?.getAttribute('role')).toBe('group');
  expect((pinned?.getBoundingClientRect().bottom ?? Infinity) <= list(chat).getBoundingClientRect().top).toBe(true);

  await scrollTo(chat, 0);
  expect(part(chat, 'pinned')?.getBoundingClientRect().top).toBe(pinned?.getBoundingClientRect().top);

  // Still pinned after the state trimmed it from the kept messages.
  chat.messages = all.slice(100);
  await settle(chat);
  expect(part(chat, 'pinned')?.querySelector('[part="text"]')?.textContent).toBe('Message 11');

  chat.pinnedId = null;
  await settle(chat);
  expect(part(chat, 'pinned')).toBeNull();
});

test('the first send asks for a name once, remembers it, and sends with it', async () => {
  const sent: ChatSendEvent[] = [];
  const collect = (event: ChatSendEvent) => sent.push(event);
  document.addEventListener(EVENTS.chatSend, collect);
  const chat = await mount();
  const input = part<HTMLTextAreaElement>(chat, 'input') as HTMLTextAreaElement;
  await userEvent.click(input);
  await userEvent.keyboard('Hello{Shift>}{Enter}{/Shift}world{Enter}');
  expect(sent).toHaveLength(0);
  await settle(chat);

  // The name form, focused.
  const nameInput = part<HTMLInputElement>(chat, 'name-input');
  expect(chat.shadowRoot?.activeElement).toBe(nameInput);
  expect(part(chat, 'name-label')?.textContent).toBe('Your name in the chat');
  await userEvent.click(part(chat, 'name-save-button') as HTMLElement);
  await settle(chat);
  expect(part(chat, 'name-error')?.textContent).toBe('Enter a name to chat under.');
  expect(part(chat, 'name-input')?.getAttribute('aria-invalid')).toBe('true');
  await userEvent.keyboard('  Ann  {Enter}');
  await settle(chat);

  expect(sent).toHaveLength(1);
  const [event] = sent;
  expect(event?.detail).toEqual({ text: 'Hello\nworld', name: 'Ann' });
  expect(event?.bubbles && event.composed).toBe(true);
  expect(event?.target).toBe(chat);
  expect(localStorage.getItem(CHAT_NAME_STORAGE_KEY)).toBe('Ann');
  expect(part(chat, 'name')?.textContent).toBe('Chatting as Ann');
  expect(chat.sending).toBe(true);
  expect(part(chat, 'send-button')?.textContent?.trim()).toBe('Sending…');
  expect(chat.shadowRoot?.activeElement).toBe(part(chat, 'input'));

  chat.sent();
  await settle(chat);
  expect(chat.sending).toBe(false);
  expect(part<HTMLTextAreaElement>(chat, 'input')?.value).toBe('');
  expect(announcement(chat)).toBe('Message sent');

  // A second chat on the page (or the next visit) knows the name.
  const other = await mount();
  expect(part(other, 'name')?.textContent).toBe('Chatting as Ann');
  document.removeEventListener(EVENTS.chatSend, collect);
});

test('a refused send keeps the text and shows the relay message; the next one clears on success', async () => {
  localStorage.setItem(CHAT_NAME_STORAGE_KEY, 'Bo');
  const sent: ChatSendEvent[] = [];
  const chat = await mount();
  chat.addEventListener(EVENTS.chatSend, (event) => sent.push(event));
  await userEvent.click(part(chat, 'input') as HTMLElement);
  await userEvent.keyboard('Is it <b>waterproof</b>?{Enter}');
  expect(sent.map((event) => event.detail)).toEqual([{ text: 'Is it <b>waterproof</b>?', name: 'Bo' }]);

  // Enter again while sending does nothing.
  await userEvent.keyboard('{Enter}');
  expect(sent).toHaveLength(1);

  const message = 'Your message contains a word this show does not allow; change it and send again.';
  chat.failed({ code: 'blocked_word', message, path: 'text' });
  await settle(chat);
  expect(part(chat, 'error')?.textContent).toBe(message);
  expect(part<HTMLTextAreaElement>(chat, 'input')?.value).toBe('Is it <b>waterproof</b>?');
  expect(part(chat, 'input')?.getAttribute('aria-describedby')).toBe('error');
  expect(announcement(chat)).toBe(message);

  await userEvent.click(part(chat, 'send-button') as HTMLElement);
  expect(sent).toHaveLength(2);
  await settle(chat);
  expect(part(chat, 'error')).toBeNull();
  chat.failed({ code: 'rate_limited', message: '' });
  await settle(chat);
  expect(part(chat, 'error')?.textContent).toBe('Your message was not sent. Check your connection and send it again.');

  await userEvent.click(part(chat, 'send-button') as HTMLElement);
  chat.sent();
  await settle(chat);
  expect(part<HTMLTextAreaElement>(chat, 'input')?.value).toBe('');
  expect(part(chat, 'error')).toBeNull();
});

test('empty or blank text is not sent; the counter shows near the 500-character limit', async () => {
  localStorage.setItem(CHAT_NAME_STORAGE_KEY, 'Bo');
  const sent: ChatSendEvent[] = [];
  const chat = await mount();
  chat.addEventListener(EVENTS.chatSend, (event) => sent.push(event));
  const input = part<HTMLTextAreaElement>(chat, 'input') as HTMLTextAreaElement;
  expect(input.maxLength).toBe(500);
  expect(part(chat, 'send-button')?.getAttribute('aria-disabled')).toBe('true');
  await userEvent.click(input);
  await userEvent.keyboard('{Enter}   {Shift>}{Enter}{/Shift}  {Enter}');
  // Playwright does not click an aria-disabled button; a mouse does.
  part(chat, 'send-button')?.click();
  expect(sent).toHaveLength(0);

  expect(part(chat, 'counter')).toBeNull();
  await userEvent.fill(input, 'x'.repeat(449));
  await settle(chat);
  expect(part(chat, 'counter')).toBeNull();
  await userEvent.fill(input, 'x'.repeat(460));
  await settle(chat);
  expect(part(chat, 'counter')?.textContent).toBe('40 characters left');
  expect(input.getAttribute('aria-describedby')).toBe('counter');
  expect(part(chat, 'send-button')?.getAttribute('aria-disabled')).toBe('false');
});

test('the name can be changed later, without sending anything', async () => {
  localStorage.setItem(CHAT_NAME_STORAGE_KEY, 'Ann');
  const sent: ChatSendEvent[] = [];
  const chat = await mount();
  chat.addEventListener(EVENTS.chatSend, (event) => sent.push(event));
  await userEvent.click(part(chat, 'change-name-button') as HTMLElement);
  await settle(chat);
  const nameInput = part<HTMLInputElement>(chat, 'name-input') as HTMLInputElement;
  expect(nameInput.value).toBe('Ann');
  expect(chat.shadowRoot?.activeElement).toBe(nameInput);

  // Escape cancels.
  await userEvent.keyboard('{Escape}');
  await settle(chat);
  expect(part(chat, 'name-form')).toBeNull();
  expect(chat.shadowRoot?.activeElement).toBe(part(chat, 'input'));

  await userEvent.click(part(chat, 'change-name-button') as HTMLElement);
  await settle(chat);
  await userEvent.fill(part(chat, 'name-input') as HTMLElement, 'Annie B');
  await userEvent.click(part(chat, 'name-save-button') as HTMLElement);
  await settle(chat);
  expect(localStorage.getItem(CHAT_NAME_STORAGE_KEY)).toBe('Annie B');
  expect(chat.name).toBe('Annie B');
  expect(part(chat, 'name')?.textContent).toBe('Chatting as Annie B');
  expect(sent).toHaveLength(0);
});

test('closed: messages stay readable and a notice replaces the composer; disabled: nothing can be sent', async () => {
  localStorage.setItem(CHAT_NAME_STORAGE_KEY, 'Ann');
  const sent: ChatSendEvent[] = [];
  const chat = await mount((chat) => {
    chat.messages = messages(3);
    chat.closed = true;
  });
  chat.addEventListener(EVENTS.chatSend, (event) => sent.push(event));
  expect(part(chat, 'closed-notice')?.textContent).toBe('The chat is closed.');
  expect(part(chat, 'composer')).toBeNull();
  expect(rows(chat)).toHaveLength(3);
  expect(chat.hasAttribute('closed')).toBe(true);

  chat.closed = false;
  chat.disabled = true;
  await settle(chat);
  const input = part<HTMLTextAreaElement>(chat, 'input') as HTMLTextAreaElement;
  expect(input.disabled).toBe(true);
  expect(part<HTMLButtonElement>(chat, 'send-button')?.disabled).toBe(true);
  input.value = 'hi';
  input.dispatchEvent(new Event('input'));
  part<HTMLFormElement>(chat, 'composer')?.requestSubmit();
  expect(sent).toHaveLength(0);
});

test('every string can be overridden, with the locale’s numbers', async () => {
  localStorage.setItem(CHAT_NAME_STORAGE_KEY, 'Zoé');
  const all = messages(2000);
  const chat = await mount((chat) => {
    chat.locale = 'fr-FR';
    chat.strings = { newMessages: { one: '{count} nouveau message', other: '{count} nouveaux messages' }, chattingAs: 'Vous êtes {name}', pinned: 'Épinglé', messages: 'Messages du direct' };
    chat.messages = all;
    chat.pinnedId = 'm1';
  });
  expect(part(chat, 'pinned-label')?.textContent).toBe('Épinglé');
  expect(part(chat, 'name')?.textContent).toBe('Vous êtes Zoé');
  expect(list(chat).getAttribute('aria-label')).toBe('Messages du direct');
  await scrollTo(chat, 0);
  chat.messages = [...all, ...messages(1200, 2000)];
  await settle(chat);
  // fr-FR groups thousands with a narrow no-break space.
  expect(part(chat, 'new-messages-button')?.textContent?.trim()).toBe('1\u202f200 nouveaux messages');
});

test('right to left: the chat follows the page direction', async () => {
  const page = document.createElement('div');
  page.dir = 'rtl';
  document.body.append(page);
  const chat = await mount((chat) => {
    chat.messages = [{ messageId: 'a', text: 'مرحبا', author: { name: 'ليلى', role: 'producer' }, at: START, seq: 1 }];
  }, page);
  expect(getComputedStyle(list(chat)).direction).toBe('rtl');
  const row = rows(chat)[0]?.getBoundingClientRect();
  const author = part(chat, 'author')?.getBoundingClientRect();
  const badge = part(chat, 'badge')?.getBoundingClientRect();
  // The author starts at the right edge of the row, the badge follows to its left.
  expect((row?.right ?? 0) - (author?.right ?? 0)).toBeLessThan(20);
  expect(badge?.right ?? Infinity).toBeLessThanOrEqual(author?.left ?? 0);
  const input = part(chat, 'input')?.getBoundingClientRect();
  const send = part(chat, 'send-button')?.getBoundingClientRect();
  expect(send?.right ?? Infinity).toBeLessThanOrEqual(input?.left ?? 0);
});

test('accessible: no axe violations; a focusable, labelled log that is not live; an announced send result', async () => {
  localStorage.setItem(CHAT_NAME_STORAGE_KEY, 'Ann');
  const all = messages(400);
  const chat = await mount((chat) => {
    chat.messages = all;
    chat.pinnedId = 'm3';
  });
  const log = list(chat);
  expect(log.getAttribute('role')).toBe('log');
  expect(log.getAttribute('aria-live')).toBe('off');
  expect(log.tabIndex).toBe(0);
  expect(log.getAttribute('aria-label')).toBe('Chat messages');
  expect(chat.shadowRoot?.querySelector('[role="status"]')?.getAttribute('aria-live')).toBe('polite');
  expect(getComputedStyle(log).scrollBehavior).toBe('auto');
  expect(await axeViolations(chat)).toEqual([]);

  // Scrolled up with new messages, a refused send and the counter on screen.
  await scrollTo(chat, 0);
  chat.messages = [...all, ...messages(3, 400)];
  await userEvent.fill(part(chat, 'input') as HTMLElement, 'y'.repeat(480));
  chat.failed({ code: 'blocked_word', message: 'Your message contains a word this show does not allow; change it and send again.' });
  await settle(chat);
  expect(part(chat, 'new-messages-button')).not.toBeNull();
  expect(part(chat, 'counter')).not.toBeNull();
  expect(await axeViolations(chat)).toEqual([]);

  // Keyboard: the list, then the new-messages button, then the field, in that order.
  log.focus();
  await userEvent.tab();
  expect(chat.shadowRoot?.activeElement).toBe(part(chat, 'new-messages-button'));
  expect(getComputedStyle(part(chat, 'new-messages-button') as HTMLElement).outlineStyle).toBe('solid');
  await userEvent.tab();
  expect(chat.shadowRoot?.activeElement).toBe(part(chat, 'input'));
  expect(getComputedStyle(part(chat, 'input') as HTMLElement).outlineStyle).toBe('solid');

  // The name form.
  await userEvent.click(part(chat, 'change-name-button') as HTMLElement);
  await userEvent.fill(part(chat, 'name-input') as HTMLElement, ' ');
  await userEvent.click(part(chat, 'name-save-button') as HTMLElement);
  await settle(chat);
  expect(part(chat, 'name-error')).not.toBeNull();
  expect(await axeViolations(chat)).toEqual([]);
});

// ----- the viewer's own messages -----

/** A message by `authorId` under the display name `name`. */
function said(messageId: string, authorId: string, name: string, text: string, index: number): ChatMessage {
  return { messageId, text, author: { id: authorId, name, role: 'viewer' }, at: START + index * 1000, seq: index + 1 };
}

/** Types `text` into the composer and sends it, as a viewer does (events only, so fake timers may run). */
function typeAndSend(chat: LiveChat, text: string): void {
  const input = part<HTMLTextAreaElement>(chat, 'input') as HTMLTextAreaElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  part<HTMLFormElement>(chat, 'composer')?.requestSubmit();
}

function row(chat: LiveChat, id: string): HTMLElement | undefined {
  return rows(chat).find((candidate) => candidate.dataset['messageId'] === id);
}

test('the viewer’s own messages are marked by the id the relay acknowledged, not by name; another Sam’s are not', async () => {
  localStorage.setItem(CHAT_NAME_STORAGE_KEY, 'Sam');
  const before = [said('a1', 'v_other', 'Sam', 'Hi all', 1), said('a2', 'v_third', 'Lee', 'Hello', 2)];
  const chat = await mount((chat) => {
    chat.messages = before;
  });
  const sent: ChatSendEvent[] = [];
  chat.addEventListener(EVENTS.chatSend, (event) => sent.push(event));
  typeAndSend(chat, 'Does it come in blue?');
  expect(sent).toHaveLength(1);
  chat.sent({ messageId: 'mine' });
  // The relay's copy arrives, then the other Sam answers, then the viewer writes from another tab.
  chat.messages = [
    ...before,
    said('mine', 'v_me', 'Sam', 'Does it come in blue?', 3),
    said('a3', 'v_other', 'Sam', 'Yes, navy too', 4),
    said('mine-other-tab', 'v_me', 'Sam', 'Thanks!', 5),
  ];
  await settle(chat);

  const own = ['mine', 'mine-other-tab'];
  expect(rows(chat).filter((candidate) => candidate.part.contains('own-message')).map((candidate) => candidate.dataset['messageId'])).toEqual(own);
  for (const id of own) {
    expect(row(chat, id)?.getAttribute('part')).toBe('message own-message');
    expect(row(chat, id)?.querySelector('[part="own-tag"]')?.textContent).toBe('You');
  }
  for (const id of ['a1', 'a2', 'a3']) {
    expect(row(chat, id)?.getAttribute('part')).toBe('message');
    expect(row(chat, id)?.querySelector('[part="own-tag"]')).toBeNull();
  }
  // Read in order by a screen reader: the name, then "You" (not hidden from it).
  const tag = row(chat, 'mine')?.querySelector('[part="author"]')?.nextElementSibling;
  expect(tag?.getAttribute('part')).toBe('own-tag');
  expect(tag?.closest('[aria-hidden="true"]')).toBeNull();
  // Seen, not by colour alone: a background and an edge of their own, themeable.
  const mine = getComputedStyle(row(chat, 'mine') as HTMLElement);
  const theirs = getComputedStyle(row(chat, 'a3') as HTMLElement);
  expect(mine.backgroundColor).not.toBe(theirs.backgroundColor);
  expect(mine.borderInlineStartWidth).toBe('3px');
  chat.style.setProperty('--live-shop-chat-own-background', 'rgb(1, 2, 3)');
  expect(getComputedStyle(row(chat, 'mine') as HTMLElement).backgroundColor).toBe('rgb(1, 2, 3)');
  chat.style.removeProperty('--live-shop-chat-own-background');
  expect(await axeViolations(chat)).toEqual([]);

  // In French, "Vous".
  chat.strings = fr.chat;
  await settle(chat);
  expect(row(chat, 'mine')?.querySelector('[part="own-tag"]')?.textContent).toBe('Vous');
});

test('own messages given by the page (ownMessageIds) are marked too, once their message arrives', async () => {
  const chat = await mount((chat) => {
    chat.ownMessageIds = ['later'];
    chat.messages = [said('x', 'v_x', 'Ann', 'First', 1)];
  });
  expect(rows(chat).some((candidate) => candidate.part.contains('own-message'))).toBe(false);
  chat.messages = [...chat.messages, said('later', 'v_me', 'Ann', 'Mine', 2)];
  await settle(chat);
  expect(row(chat, 'later')?.part.contains('own-message')).toBe(true);
  expect(row(chat, 'x')?.part.contains('own-message')).toBe(false);
});

test("the viewer's author id from the relay (ownAuthorId) marks their messages from before a reload, and no one else's", async () => {
  const chat = await mount((chat) => {
    chat.messages = [said('old-1', 'v_me', 'Sam', 'Sent before the reload', 1), said('b1', 'v_other', 'Sam', 'Another Sam', 2)];
  });
  expect(rows(chat).some((candidate) => candidate.part.contains('own-message'))).toBe(false);
  chat.ownAuthorId = 'v_me';
  await settle(chat);
  expect(row(chat, 'old-1')?.part.contains('own-message')).toBe(true);
  expect(row(chat, 'b1')?.part.contains('own-message')).toBe(false);
});

// ----- slow mode -----

/** The relay's clock when a slow-mode test starts; this browser's clock is 90 s behind it. */
const RELAY_NOW = Date.UTC(2026, 2, 3, 19, 0, 0);
const VIEWER_LAG = 90_000;

/** Fakes only the clock and timeouts: animation frames (the chat's row watching) stay real. */
function fakeClock(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(RELAY_NOW - VIEWER_LAG);
}

async function advance(chat: LiveChat, ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await settle(chat);
}

function sendButton(chat: LiveChat): HTMLButtonElement {
  return part<HTMLButtonElement>(chat, 'send-button') as HTMLButtonElement;
}

test('slow mode: after a send, the composer counts down on the relay’s clock and Send waits until exactly then', async () => {
  localStorage.setItem(CHAT_NAME_STORAGE_KEY, 'Ann');
  fakeClock();
  const chat = await mount((chat) => {
    chat.serverOffset = VIEWER_LAG;
  });
  const sent: ChatSendEvent[] = [];
  chat.addEventListener(EVENTS.chatSend, (event) => sent.push(event));
  typeAndSend(chat, 'First!');
  chat.sent({ messageId: 'm-ann', nextSendInMs: 8000 });
  await settle(chat);

  expect(part(chat, 'send-countdown')?.textContent).toBe('You can send again in 8 seconds');
  expect(sendButton(chat).getAttribute('aria-disabled')).toBe('true');
  expect(sendButton(chat).getAttribute('aria-describedby')).toBe('send-countdown');
  const announced = announcement(chat);
  expect(announced).toBe('Message sent. You can send again in 8 seconds');

  // The field stays editable; Enter and the button do nothing yet.
  const input = part<HTMLTextAreaElement>(chat, 'input') as HTMLTextAreaElement;
  expect(input.disabled || input.readOnly).toBe(false);
  typeAndSend(chat, 'Second');
  sendButton(chat).click();
  expect(sent).toHaveLength(1);
  await settle(chat);
  expect(input.value).toBe('Second');
  expect(input.getAttribute('aria-describedby')).toBe('send-countdown');

  await advance(chat, 1000);
  expect(part(chat, 'send-countdown')?.textContent).toBe('You can send again in 7 seconds');
  await advance(chat, 5999);
  expect(part(chat, 'send-countdown')?.textContent).toBe('You can send again in 2 seconds');
  await advance(chat, 1);
  expect(part(chat, 'send-countdown')?.textContent).toBe('You can send again in 1 second');
  // Announced once, when the wait began, not at every tick.
  expect(announcement(chat)).toBe(announced);

  // 1 ms before the relay takes the next message: still waiting. Then not.
  await advance(chat, 999);
  expect(sendButton(chat).getAttribute('aria-disabled')).toBe('true');
  sendButton(chat).click();
  expect(sent).toHaveLength(1);
  await advance(chat, 1);
  expect(part(chat, 'send-countdown')).toBeNull();
  expect(sendButton(chat).getAttribute('aria-disabled')).toBe('false');
  expect(input.hasAttribute('aria-describedby')).toBe(false);
  // Nothing left to count: no timer runs.
  expect(vi.getTimerCount()).toBe(0);
  sendButton(chat).click();
  expect(sent.map((event) => event.detail.text)).toEqual(['First!', 'Second']);
});

test('slow mode: a refusal that says how long to wait counts down that wait, in the viewer’s language', async () => {
  localStorage.setItem(CHAT_NAME_STORAGE_KEY, 'Zoé');
  fakeClock();
  const chat = await mount((chat) => {
    chat.serverOffset = VIEWER_LAG;
    chat.locale = 'fr-FR';
    chat.strings = fr.chat;
  });
  const sent: ChatSendEvent[] = [];
  chat.addEventListener(EVENTS.chatSend, (event) => sent.push(event));
  typeAndSend(chat, 'Encore une question');
  const message = 'Slow mode is on: one message every 30 s; wait 12 s and send it again.';
  chat.failed({ code: 'slow_mode', message, retryAfterMs: 12_000 });
  await settle(chat);

  expect(part(chat, 'error')?.textContent).toBe(message);
  expect(announcement(chat)).toBe(message);
  expect(part(chat, 'send-countdown')?.textContent).toBe('Vous pourrez envoyer un message dans 12\u00a0secondes');
  expect(part<HTMLTextAreaElement>(chat, 'input')?.value).toBe('Encore une question');
  expect(sendButton(chat).getAttribute('aria-disabled')).toBe('true');

  await advance(chat, 11_000);
  expect(part(chat, 'send-countdown')?.textContent).toBe('Vous pourrez envoyer un message dans 1\u00a0seconde');
  sendButton(chat).click();
  expect(sent).toHaveLength(1);
  await advance(chat, 1000);
  // The wait is over, and with it the refusal that asked for it.
  expect(part(chat, 'send-countdown')).toBeNull();
  expect(part(chat, 'error')).toBeNull();
  expect(announcement(chat)).toBe(message);
  sendButton(chat).click();
  expect(sent).toHaveLength(2);
});

test('accessible while waiting: no axe violations with the countdown, the refusal and own messages on screen', async () => {
  localStorage.setItem(CHAT_NAME_STORAGE_KEY, 'Ann');
  // Real timers (axe schedules its own work): a wait of a minute outlasts the audit.
  const chat = await mount((chat) => {
    chat.ownMessageIds = ['mine'];
    chat.messages = [said('a1', 'v_other', 'Ann', 'Hi', 1), said('mine', 'v_me', 'Ann', 'Hello', 2)];
  });
  typeAndSend(chat, 'Again');
  chat.failed({ code: 'slow_mode', message: 'Slow mode is on: one message every 60 s; wait 1 min and send it again.', retryAfterMs: 60_000 });
  await settle(chat);
  expect(part(chat, 'send-countdown')?.textContent).toMatch(/^You can send again in (60|59) seconds$/);
  expect(await axeViolations(chat)).toEqual([]);
});

// ----- measuring rows -----

/** How many times a rendered row's box was read (a forced layout each, right after a render). */
function rowMeasures(spy: { mock: { contexts: unknown[] } }): number {
  return spy.mock.contexts.filter((context) => context instanceof HTMLLIElement).length;
}

/** Waits for the frames in which a resize is observed and answered. */
async function nextFrames(count: number): Promise<void> {
  for (let frame = 0; frame < count; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

test('rows are measured when first rendered, not again on updates that do not change them; what the viewer reads stays put', async () => {
  localStorage.setItem(CHAT_NAME_STORAGE_KEY, 'Ann');
  let all = messages(2000);
  const chat = await mount((chat) => {
    chat.messages = all;
  });
  await scrollTo(chat, list(chat).scrollHeight / 2);
  const [first] = visibleRows(chat);
  const measured = vi.spyOn(Element.prototype, 'getBoundingClientRect');

  // Typing in the composer, a message arriving below while scrolled up, the countdown ticking:
  // no row is measured again.
  const input = part<HTMLTextAreaElement>(chat, 'input') as HTMLTextAreaElement;
  for (const text of ['W', 'Wo', 'Wow']) {
    input.value = text;
    input.dispatchEvent(new Event('input'));
    await settle(chat);
  }
  all = [...all, ...messages(1, 2000)];
  chat.messages = all;
  await settle(chat);
  chat.requestUpdate();
  await settle(chat);
  expect(rowMeasures(measured)).toBe(0);
  measured.mockRestore();
  expect(visibleRows(chat)[0]).toEqual({ id: first?.id, top: expect.closeTo(first?.top ?? NaN, 0) });
  expect(part(chat, 'new-messages-button')?.textContent?.trim()).toBe('1 new message');

  // A row that changes size (here every row: a bigger font) is measured again by the
  // observer, and the row the viewer reads stays where it was, with no gap.
  chat.style.fontSize = '20px';
  await nextFrames(2);
  await settle(chat);
  expect(visibleRows(chat)[0]).toEqual({ id: first?.id, top: expect.closeTo(first?.top ?? NaN, 0) });
  const shown = rows(chat).map((candidate) => candidate.getBoundingClientRect());
  const box = list(chat).getBoundingClientRect();
  expect(shown[0]?.top).toBeLessThanOrEqual(box.top + 0.5);
  expect(shown.at(-1)?.bottom).toBeGreaterThanOrEqual(box.bottom - 0.5);
  for (let index = 1; index < shown.length; index++) expect(shown[index]?.top).toBeCloseTo(shown[index - 1]?.bottom ?? NaN, 0);

  // At the bottom, a new message measures its own row only.
  await userEvent.click(part(chat, 'new-messages-button') as HTMLElement);
  await settle(chat);
  const appended = vi.spyOn(Element.prototype, 'getBoundingClientRect');
  chat.messages = [...all, ...messages(1, 2001)];
  await settle(chat);
  expect(appended.mock.contexts.filter((context) => context instanceof HTMLLIElement).map((context) => (context as HTMLElement).dataset['messageId'])).toEqual(['m2001']);
  expect(visibleRows(chat).at(-1)?.id).toBe('m2001');
});

test('a busy chat shows new messages in batches, at most every CHAT_BATCH_MS; one after a quiet moment at once; none is lost', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  let all = messages(50);
  const chat = await mount((chat) => {
    chat.messages = all;
  });
  vi.advanceTimersByTime(1000);
  const append = (index: number): void => {
    all = [...all, ...messages(1, index)];
    chat.messages = all;
  };
  const newest = (): string | undefined => visibleRows(chat).at(-1)?.id;

  // After a quiet moment a message shows in the update it causes.
  append(50);
  await settle(chat);
  expect(newest()).toBe('m50');

  // More within CHAT_BATCH_MS wait, however many come, and the element is not done
  // updating until they are shown.
  for (let index = 51; index <= 60; index++) {
    vi.advanceTimersByTime(10);
    append(index);
    await nextFrames(1);
    expect(newest()).toBe('m50');
  }
  let complete = false;
  const done = chat.updateComplete.then(() => (complete = true));
  await nextFrames(1);
  expect(complete).toBe(false);
  // The batch is taken CHAT_BATCH_MS after the last one: all ten at once, none lost.
  vi.advanceTimersByTime(CHAT_BATCH_MS - 100 - 1);
  await nextFrames(1);
  expect(newest()).toBe('m50');
  vi.advanceTimersByTime(1);
  await done;
  await settle(chat);
  expect(newest()).toBe('m60');
  expect(rows(chat).map((row) => row.dataset['messageId'])).toEqual(expect.arrayContaining(['m55', 'm56', 'm57', 'm58', 'm59', 'm60']));
  expect(rows(chat).at(-1)?.getAttribute('aria-setsize')).toBe('61');

  // Quiet again: the next one shows at once.
  vi.advanceTimersByTime(CHAT_BATCH_MS);
  append(61);
  await settle(chat);
  expect(newest()).toBe('m61');

  // Replaced, then put back before its batch was due: nothing is left waiting for it.
  const shown = all;
  append(62);
  await nextFrames(1);
  chat.messages = shown;
  await settle(chat);
  expect(newest()).toBe('m61');
});
