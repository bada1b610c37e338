import { CustomSource } from '@live-shop/player-element';
import { reduce, type AnyEnvelope } from '@live-shop/protocol';
import { afterEach, beforeEach, describe, expect, inject, test } from 'vitest';
import '../define.js';
import { RelayApiError } from '../relay/relay-api.js';
import { deepQuery, deepQueryAll, FakeApi, FakeFeed, fakeToken, frameWhere, product } from '../test-helpers.js';
import type { ConsoleApp } from './console-app.js';

const origin = inject('simulatorOrigin');
const products = [product('a', { title: 'Alpha jacket' }), product('b', { title: 'Beta boots' }), product('c', { title: 'Gamma hat' })];

let app: ConsoleApp;
let api: FakeApi;
let feeds: FakeFeed[];
let refusal: { code: string; message: string } | undefined;

function mount(): ConsoleApp {
  const element = document.createElement('live-shop-console');
  element.show = 'test';
  element.src = `${origin}/hls/live.m3u8`;
  element.api = api;
  element.createFeed = ({ token }) => {
    const feed = new FakeFeed(api, token, refusal);
    feeds.push(feed);
    return feed;
  };
  document.body.append(element);
  return element;
}

function signInForm(): HTMLElement | null {
  return deepQuery(app, 'live-shop-console-sign-in');
}

async function submitToken(token: string): Promise<void> {
  await frameWhere(() => deepQuery(app, '#token') !== null);
  const input = deepQuery<HTMLInputElement>(app, '#token')!;
  input.value = token;
  deepQuery<HTMLFormElement>(signInForm()!, 'form')!.requestSubmit();
}

function press(key: string, target: EventTarget = document.body): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
}

async function signedIn(): Promise<void> {
  await submitToken(fakeToken());
  await frameWhere(() => app.preview !== null);
  // The preview plays the simulator; its events come from the test, not from a relay.
  await app.preview!.updateComplete;
  app.preview!.player!.source = new CustomSource();
}

beforeEach(() => {
  sessionStorage.clear();
  api = new FakeApi(products);
  feeds = [];
  refusal = undefined;
  app = mount();
});

afterEach(() => {
  app.remove();
});

describe('signing in', () => {
  test('asks for a token, and explains an obviously wrong one without asking the relay', async () => {
    await frameWhere(() => signInForm() !== null);
    await submitToken('not-a-token');
    await frameWhere(() => deepQuery(app, '[role="alert"]') !== null);
    expect(deepQuery(app, '[role="alert"]')!.textContent).toMatch(/not a relay token/);
    await submitToken(fakeToken({ role: 'viewer' }));
    await frameWhere(() => /viewer token/.test(deepQuery(app, '[role="alert"]')?.textContent ?? ''));
    await submitToken(fakeToken({ show: 'other' }));
    await frameWhere(() => /for show "other"/.test(deepQuery(app, '[role="alert"]')?.textContent ?? ''));
    expect(feeds).toHaveLength(0);
    expect(api.posted).toHaveLength(0);
  });

  test('shows the relay’s reason when it refuses the token, keeps nothing and posts nothing', async () => {
    refusal = { code: 'invalid_token', message: 'The token is not a valid relay token; request one with POST /v1/shows/:id/tokens and send it unchanged.' };
    await submitToken(fakeToken());
    await frameWhere(() => /relay refused this token: The token is not a valid relay token/.test(deepQuery(app, '[role="alert"]')?.textContent ?? ''));
    expect(app.preview).toBeNull();
    expect(sessionStorage.length).toBe(0);
    press('1');
    expect(api.posted).toHaveLength(0);
    // Focus goes back to the field so the producer can paste again.
    expect(deepQuery(app, '#token')?.matches(':focus')).toBe(true);
  });

  test('keeps an accepted token for the tab, and uses it after a reload', async () => {
    await signedIn();
    expect(sessionStorage.getItem('live-shop-console:token:test')).toBe(feeds[0]!.token);
    app.remove();
    app = mount();
    await frameWhere(() => app.preview !== null);
    expect(feeds).toHaveLength(2);
    expect(feeds[1]!.token).toBe(feeds[0]!.token);
  });
});

describe('the console', () => {
  beforeEach(signedIn);

  test('stamps a shortcut with the pdt of the frame the preview shows when the key is pressed', async () => {
    await frameWhere(() => app.preview!.currentPdt !== undefined, 20_000);
    let pressedPdt: number | undefined;
    const record = () => (pressedPdt = app.preview!.currentPdt);
    window.addEventListener('keydown', record, { capture: true, once: true });
    press('2');
    expect(api.posted).toHaveLength(1);
    const [{ input, token }] = api.posted as [(typeof api.posted)[number]];
    expect(input).toMatchObject({ type: 'product.highlight', data: { productId: 'b' } });
    expect(token).toBe(feeds[0]!.token);
    expect(pressedPdt).toBeDefined();
    expect(input.pdt).toBe(Math.round(pressedPdt!));
    // The log says what happened, with the seq the relay gave it.
    await frameWhere(() => deepQuery(app, '[data-state="stored"]') !== null);
    expect(deepQuery(app, '[data-state="stored"]')!.textContent).toMatch(/Highlight “Beta boots”[\s\S]*seq 2/);
    // …and the catalog marks the product on air.
    await frameWhere(() => deepQuery(app, '[data-product-id="b"] .badge') !== null);
  });

  test('C clears every highlight; keys typed into a field are text, not shortcuts', async () => {
    press('c');
    expect(api.posted.at(-1)?.input).toMatchObject({ type: 'product.clear', data: {} });
    const question = deepQuery<HTMLInputElement>(app, '#poll-question')!;
    question.focus();
    press('1', question);
    press('c', question);
    expect(api.posted).toHaveLength(1);
    // A digit without a product says so instead of posting.
    press('9');
    expect(api.posted).toHaveLength(1);
    await frameWhere(() => /There is no product 9: the catalog has 3 products/.test(deepQuery(app, '[data-state="failed"]')?.textContent ?? ''));
  });

  test('a refused token (401/403) asks for a valid producer token', async () => {
    api.failNext = new RelayApiError(401, 'token_expired', 'The token has expired; request a new one with POST /v1/shows/:id/tokens.');
    press('1');
    await frameWhere(() => /refused the producer token[\s\S]*has expired[\s\S]*Paste a valid producer token/.test(deepQuery(app, '.banner')?.textContent ?? ''));
    expect(signInForm()).not.toBeNull();
    expect(deepQuery(app, '[data-state="failed"]')!.textContent).toMatch(/has expired/);
  });

  test('a post the relay never answered can be retried unchanged (same id and pdt)', async () => {
    api.failNext = new RelayApiError(0, 'network_error', 'The relay did not answer; check the network and try again.');
    press('3');
    await frameWhere(() => deepQuery(app, '[data-state="failed"] button') !== null);
    deepQuery<HTMLButtonElement>(app, '[data-state="failed"] button')!.click();
    await frameWhere(() => deepQuery(app, '[data-state="stored"]') !== null);
    expect(api.posted).toHaveLength(2);
    expect(api.posted[1]!.input).toEqual(api.posted[0]!.input);
    expect(deepQueryAll(app, '[data-entry-id]')).toHaveLength(1);
  });

  test('every button has a name, and product text is rendered as text', async () => {
    const title = '<img src=x onerror="window.__consoleXss=1">Delta';
    api.current = { ...api.current, products: [...products, product('d', { title })] };
    feeds[0]!.add();
    await frameWhere(() => deepQuery(app, '[data-product-id="d"]') !== null);
    expect(deepQuery(app, '[data-product-id="d"] .title')!.textContent).toContain(title);
    expect(deepQuery(app, '[data-product-id="d"] img[src="x"]')).toBeNull();
    expect((window as { __consoleXss?: number }).__consoleXss).toBeUndefined();
    for (const button of deepQueryAll<HTMLButtonElement>(app, 'button')) {
      const name = button.getAttribute('aria-label') ?? button.textContent ?? '';
      expect(name.trim(), button.outerHTML).not.toBe('');
    }
    for (const field of deepQueryAll<HTMLInputElement>(app, 'input, select')) {
      expect(field.labels?.length ?? 0, field.outerHTML).toBeGreaterThan(0);
    }
  });

  test('moderates the chat: delete, pin, ban an author, slow mode; the host can write', async () => {
    const chat = (messageId: string, text: string, author: { id?: string; name: string; role: 'viewer' }) => {
      api.seq++;
      const envelope = { v: 1, id: messageId, show: 'test', seq: api.seq, type: 'chat.message', at: Date.now(), pdt: Date.now(), data: { messageId, text, author } } as AnyEnvelope;
      api.current = reduce(api.current, envelope);
    };
    chat('m1', 'Hello <script>window.__consoleXss=2</script>', { id: 'viewer-1', name: 'Ann', role: 'viewer' });
    chat('m2', 'Buy cheap followers', { id: 'viewer-2', name: 'Spammer', role: 'viewer' });
    feeds[0]!.add();
    await frameWhere(() => deepQuery(app, '[data-message-id="m2"] button') !== null);
    expect(deepQuery(app, '[data-message-id="m1"] .text')!.textContent).toBe('Hello <script>window.__consoleXss=2</script>');

    deepQuery<HTMLButtonElement>(app, '[aria-label="Delete message of Spammer"]')!.click();
    await frameWhere(() => deepQuery(app, '[data-message-id="m2"]') === null);
    deepQuery<HTMLButtonElement>(app, '[aria-label="Ban Spammer…"]')?.click();
    deepQuery<HTMLButtonElement>(app, '[aria-label="Pin message of Ann"]')!.click();
    await frameWhere(() => /Pinned\s*Ann/.test(deepQuery(app, '.pinned')?.textContent ?? ''));
    deepQuery<HTMLButtonElement>(app, '[aria-label="Ban Ann…"]')!.click();
    await frameWhere(() => deepQuery(app, '[role="group"][aria-label="Ban Ann"]') !== null);
    const ban = [...deepQuery(app, '[role="group"][aria-label="Ban Ann"]')!.querySelectorAll('button')].find((button) => button.textContent === 'Ban')!;
    ban.click();
    await frameWhere(() => /viewer-1/.test(deepQuery(app, '.banned')?.textContent ?? ''));
    expect(api.moderated).toEqual([
      { action: 'delete', messageId: 'm2' },
      { action: 'pin', messageId: 'm1' },
      { action: 'ban', authorId: 'viewer-1' },
    ]);
    // Moderation is about the audience: logged, never stamped with a frame.
    await frameWhere(() => deepQueryAll(app, '[data-state="stored"]').length === 3);
    expect(deepQuery(app, '[data-state="stored"]')!.textContent).toMatch(/Ban Ann[\s\S]*chat moderation/);

    const say = deepQuery<HTMLInputElement>(app, '#say-text')!;
    say.value = 'Welcome everyone!';
    deepQuery<HTMLFormElement>(app, 'form.say')!.requestSubmit();
    await frameWhere(() => say.value === '');
    expect(api.posted.at(-1)?.input).toMatchObject({ type: 'chat.message', data: { text: 'Welcome everyone!', author: { name: 'Host', role: 'producer' } } });
  });
});
