import axe from 'axe-core';
import { animationsFinished } from '../../../overlay-cards/src/test-axe-audit.js';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import '../define.js';
import type { LiveShopElement } from '../live-shop.js';
import { CustomSource } from '../sources/custom-source.js';
import { envelope, mountLivePlayer, nextEvent, product } from '../test-helpers.js';

// The whole show around the video, as a viewer meets it: the chat and the shelf in the
// panel, a poll, reactions, an offer and the viewer count over the video, each element
// loaded when the show first needs it, and what the viewer does going to the source.

const origin = inject('simulatorOrigin');

/** An element inside the player's shadow root. */
function part<T extends Element = HTMLElement>(player: LiveShopElement, selector: string): T | null {
  return player.shadowRoot?.querySelector<T>(selector) ?? null;
}

/** A live envelope (not in the log) as the relay sends it. */
function liveEnvelope(type: string, data: unknown): Record<string, unknown> {
  return { v: 1, id: `live-${Math.random()}`, show: 'test', type, at: Date.now(), pdt: Date.now(), data };
}

describe('<live-shop> with the whole show', () => {
  let player: LiveShopElement;
  let source: CustomSource;
  const sent: { chat: [string, string][]; react: string[]; vote: [string, string][] } = { chat: [], react: [], vote: [] };
  /** The show's slow mode, as the relay's acknowledgement of a chat message says it. */
  let slowModeMs = 0;

  beforeAll(async () => {
    source = new CustomSource({
      intents: {
        chat: async (text, name) => {
          sent.chat.push([text, name]);
          return { ok: true, messageId: `m-${sent.chat.length}`, ...(slowModeMs > 0 ? { nextSendInMs: slowModeMs } : {}) };
        },
        react: async (kind) => {
          sent.react.push(kind);
          return { ok: true };
        },
        vote: async (pollId, optionId) => {
          sent.vote.push([pollId, optionId]);
          return { ok: true, optionId };
        },
      },
    });
    player = await mountLivePlayer(origin, source);
  }, 25_000);

  afterAll(() => player.remove());

  test('loads each part of the show only when the show has it', async () => {
    const before = Math.round((player.currentPdt ?? 0) - 30_000);
    source.push([
      envelope('show.status', before, { status: 'live', title: 'Spring drop' }),
      envelope('catalog.set', before, { products: [product('a', 'Field jacket'), product('b', 'Trail boots')] }),
      envelope('product.highlight', before + 1_000, { productId: 'a' }),
      envelope('product.clear', before + 5_000, { productId: 'a' }),
    ]);
    // A live show with products: the shelf (and its moment) and the chat panel, reactions.
    await expect.poll(() => part(player, 'live-shop-chat') !== null, { timeout: 5_000 }).toBe(true);
    await expect.poll(() => part(player, 'live-shop-reactions') !== null, { timeout: 5_000 }).toBe(true);
    expect(customElements.get('live-shop-chat')).toBeDefined();
    // No offer and no status screen yet: their code has not been fetched.
    expect(customElements.get('live-shop-offer')).toBeUndefined();
    expect(customElements.get('live-shop-status-screen')).toBeUndefined();
    expect([...(player.shadowRoot?.querySelectorAll('[role="tab"]') ?? [])].map((tab) => tab.textContent?.trim())).toEqual(['Products', 'Chat']);
  });

  test('chat: messages from the show, and a message sent through the source', async () => {
    const at = Math.round((player.currentPdt ?? 0) - 1_000);
    source.push([envelope('chat.message', at, { messageId: 'c1', text: 'Is the jacket waterproof?', author: { name: 'Ana', role: 'viewer' } })]);
    const chat = part(player, 'live-shop-chat') as (HTMLElement & { updateComplete: Promise<unknown>; name?: string }) | null;
    await expect.poll(() => chat?.shadowRoot?.textContent?.includes('Is the jacket waterproof?'), { timeout: 5_000 }).toBe(true);
    chat!.name = 'Bo';
    await chat!.updateComplete;
    const input = chat!.shadowRoot!.querySelector<HTMLTextAreaElement>('[part~="input"]')!;
    input.value = 'Love the colour';
    input.dispatchEvent(new Event('input'));
    chat!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
    await expect.poll(() => sent.chat).toEqual([['Love the colour', 'Bo']]);
    // Sent: the composer is cleared.
    await expect.poll(() => input.value).toBe('');
  });

  test('chat: the viewer’s own messages are marked by the acknowledged id, not the name, across tab switches; slow mode counts down', async () => {
    type Chat = HTMLElement & { updateComplete: Promise<unknown> };
    const chatPart = (selector: string) => (part(player, 'live-shop-chat') as Chat | null)?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
    const ownIds = () => [...((part(player, 'live-shop-chat') as Chat | null)?.shadowRoot?.querySelectorAll<HTMLElement>('[part~="own-message"]') ?? [])].map((row) => row.dataset['messageId']);
    slowModeMs = 30_000;
    const input = chatPart('[part~="input"]') as HTMLTextAreaElement;
    input.value = 'Does it come in olive?';
    input.dispatchEvent(new Event('input'));
    chatPart('[part~="send-button"]')!.click();
    await expect.poll(() => sent.chat.length).toBe(2);
    // The relay's copies of both messages sent (acknowledged as m-1 and m-2), and another Bo.
    const at = Math.round((player.currentPdt ?? 0) - 1_000);
    source.push([
      envelope('chat.message', at, { messageId: 'm-1', text: 'Love the colour', author: { id: 'v_bo', name: 'Bo', role: 'viewer' } }),
      envelope('chat.message', at + 1, { messageId: 'c-other-bo', text: 'Me too!', author: { id: 'v_other', name: 'Bo', role: 'viewer' } }),
      envelope('chat.message', at + 2, { messageId: 'm-2', text: 'Does it come in olive?', author: { id: 'v_bo', name: 'Bo', role: 'viewer' } }),
    ]);
    await expect.poll(ownIds, { timeout: 5_000 }).toEqual(['m-1', 'm-2']);
    expect(chatPart('[data-message-id="c-other-bo"]')?.getAttribute('part')).toBe('message');
    // Slow mode: the relay said 30 s; Send waits, the field does not.
    await expect.poll(() => chatPart('[part~="send-countdown"]')?.textContent ?? '').toMatch(/^You can send again in (30|29) seconds$/);
    expect(chatPart('[part~="send-button"]')?.getAttribute('aria-disabled')).toBe('true');
    expect((chatPart('[part~="input"]') as HTMLTextAreaElement).disabled).toBe(false);
    slowModeMs = 0;

    // Away to the shelf and back: a new chat element, the same own messages.
    part<HTMLButtonElement>(player, '#tab-shelf')?.click();
    await expect.poll(() => part(player, 'live-shop-chat')).toBeNull();
    part<HTMLButtonElement>(player, '#tab-chat')?.click();
    await expect.poll(ownIds, { timeout: 5_000 }).toEqual(['m-1', 'm-2']);
  });

  test('the shelf: a product featured earlier carries its moment, and a tap seeks the video back to it', async () => {
    part<HTMLButtonElement>(player, '#tab-shelf')?.click();
    await expect.poll(() => part(player, 'live-shop-shelf') !== null, { timeout: 5_000 }).toBe(true);
    const shelf = part(player, 'live-shop-shelf')!;
    const moment = await expect.poll(() => shelf.shadowRoot?.querySelector<HTMLButtonElement>('[part~="moment"]'), { timeout: 5_000 }).toBeTruthy().then(() => shelf.shadowRoot!.querySelector<HTMLButtonElement>('[part~="moment"]')!);
    const target = player.state.moments[0]!.pdt;
    const seeked = nextEvent(player.video, 'seeked', 10_000);
    moment.click();
    await seeked;
    await expect.poll(() => Math.abs((player.currentPdt ?? 0) - target), { timeout: 5_000 }).toBeLessThan(1_000);
    // …and the card of that moment is on screen again.
    await expect.poll(() => player.state.highlights.map((highlight) => highlight.productId), { timeout: 5_000 }).toEqual(['a']);
  });

  test("a closed poll's final results stay a moment (30 s of the playhead), then go", async () => {
    const poll = () => part(player, 'live-shop-poll');
    const now = Math.round(player.currentPdt ?? 0);
    // Closed 29 s ago by the playhead (this viewer joined late): one more second of results.
    source.push([
      envelope('poll.open', now - 31_000, { pollId: 'p0', question: 'Which size runs small?', options: [{ id: 's', text: 'S' }, { id: 'm', text: 'M' }] }),
      envelope('poll.close', now - 29_000, { pollId: 'p0' }),
    ]);
    await expect.poll(() => poll()?.shadowRoot?.querySelector('[part~="closed"]') != null, { timeout: 5_000 }).toBe(true);
    expect(poll()?.shadowRoot?.querySelector('[part~="question"]')?.textContent).toContain('Which size runs small?');
    await expect.poll(() => poll(), { timeout: 5_000 }).toBeNull();
    expect(player.state.polls.map((candidate) => [candidate.pollId, candidate.closed])).toEqual([['p0', true]]);
  });

  test('a poll: the viewer votes through the source and sees the results', async () => {
    const at = Math.round((player.currentPdt ?? 0) - 500);
    // The relay's clock is 90 s ahead of this browser's: the poll counts down on the relay's.
    source.clockOffset = 90_000;
    const closesAt = Date.now() + 90_000 + 120_500;
    source.push([envelope('poll.open', at, { pollId: 'p1', question: 'Which colour next?', options: [{ id: 'o1', text: 'Olive' }, { id: 'o2', text: 'Rust' }], closesAt })]);
    await expect.poll(() => part(player, 'live-shop-poll') !== null, { timeout: 5_000 }).toBe(true);
    const poll = part(player, 'live-shop-poll')!;
    await expect.poll(() => poll.shadowRoot?.querySelector('[part~="countdown"]')?.textContent ?? '').toMatch(/^Closes in 0[12]:[0-5]\d$/);
    source.clockOffset = undefined;
    await expect.poll(() => poll.shadowRoot?.querySelector('input[type="radio"]') !== null).toBe(true);
    poll.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"][value="o2"]')!.click();
    poll.shadowRoot!.querySelector<HTMLButtonElement>('[part~="vote-button"]')!.click();
    await expect.poll(() => sent.vote).toEqual([['p1', 'o2']]);
    source.pushLive([liveEnvelope('poll.results', { pollId: 'p1', counts: { o1: 3, o2: 1 } })]);
    await expect.poll(() => poll.shadowRoot?.querySelector('[part~="results"]')?.textContent ?? '', { timeout: 5_000 }).toContain('75');
  });

  test('reactions go to the source; the viewer count and an offer show over the video', async () => {
    const reactions = part(player, 'live-shop-reactions')!;
    reactions.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!.click();
    await expect.poll(() => sent.react.length).toBe(1);

    source.pushLive([liveEnvelope('viewers.count', { count: 1234 })]);
    await expect.poll(() => part(player, 'live-shop-viewer-count')?.shadowRoot?.textContent ?? '', { timeout: 5_000 }).toMatch(/1[.,]2K/);

    const at = Math.round((player.currentPdt ?? 0) - 500);
    source.push([envelope('offer.start', at, { offerId: 'f1', kind: 'price-drop', productId: 'b', price: { amount: '99.00', currencyCode: 'USD' }, endsAt: Date.now() + 120_000, code: 'SPRING10' })]);
    await expect.poll(() => part(player, 'live-shop-offer')?.shadowRoot?.querySelector<HTMLInputElement>('[part~="code"]')?.value, { timeout: 5_000 }).toBe('SPRING10');
    expect(part(player, 'live-shop-offer')?.shadowRoot?.textContent).toContain('$99.00');
  });

  test('a compact player (a 16:9 video a phone wide) puts the product card, the offer, the poll and the reactions under the video; a vertical one keeps them over it', async () => {
    const base = part(player, '[part~="base"]')!;
    const tags = ['live-shop-highlights', 'live-shop-offer', 'live-shop-poll', 'live-shop-reactions'];
    const over = (tag: string) => part(player, tag)?.closest('[part~="base"]') != null;
    const under = (tag: string) => {
      const element = part(player, tag);
      return element !== null && element.closest('[part~="base"]') === null && element.getBoundingClientRect().top >= base.getBoundingClientRect().bottom;
    };
    const box = (tag: string) => part(player, tag)!.getBoundingClientRect();
    const card = () => part(player, 'live-shop-highlights')?.shadowRoot?.querySelector('live-shop-product-card') ?? null;
    const picker = () => card()?.shadowRoot?.querySelector<HTMLElement>('[part~="variant-picker"]')?.checkVisibility() ?? false;
    const at = Math.round((player.currentPdt ?? 0) - 500);
    const sizes = ['S', 'M'].map((size) => ({ id: `c-${size}`, title: size, availableForSale: true, selectedOptions: [{ name: 'Size', value: size }] }));
    source.push([
      envelope('catalog.set', at - 100, { products: [product('a', 'Field jacket'), product('b', 'Trail boots'), { ...product('c', 'Trail socks'), variants: sizes }] }),
      envelope('product.highlight', at, { productId: 'c' }),
    ]);
    await expect.poll(card, { timeout: 5_000 }).not.toBeNull();
    expect(tags.map(over)).toEqual([true, true, true, true]);
    try {
      player.style.width = '400px';
      await expect.poll(() => tags.every(under), { timeout: 5_000 }).toBe(true);
      // Stacked, none over another: the card (a sheet as wide as the player), the offer,
      // the poll, the reaction buttons…
      const [cards, offer, poll, reactions] = tags.map(box) as [DOMRect, DOMRect, DOMRect, DOMRect];
      expect(card()!.getBoundingClientRect().width).toBeGreaterThan(390);
      // With no picture to cover, the sizes are on the card (over a narrow video they are in its details sheet).
      expect(picker()).toBe(true);
      expect(offer.top).toBeGreaterThanOrEqual(cards.bottom);
      expect(poll.top).toBeGreaterThanOrEqual(offer.bottom);
      expect(reactions.top).toBeGreaterThanOrEqual(poll.bottom);
      // …and the moments bar and the panel after them.
      expect(part(player, '[part~="panel"]')!.getBoundingClientRect().top).toBeGreaterThanOrEqual(reactions.bottom);

      // A vertical (9:16) video as wide has the room: everything goes back over it, the
      // card a compact sheet again.
      player.style.setProperty('--live-shop-player-aspect-ratio', '9 / 16');
      await expect.poll(() => tags.every(over), { timeout: 5_000 }).toBe(true);
      expect(picker()).toBe(false);
      player.style.removeProperty('--live-shop-player-aspect-ratio');
      await expect.poll(() => tags.every(under), { timeout: 5_000 }).toBe(true);

      // With no card on, the card's place takes no room: the offer comes right after the video.
      source.push([envelope('product.clear', Math.round((player.currentPdt ?? 0) - 100), { productId: 'c' })]);
      await expect.poll(card, { timeout: 5_000 }).toBeNull();
      await expect.poll(() => box('live-shop-highlights').height).toBe(0);
      expect(box('live-shop-offer').top - base.getBoundingClientRect().bottom).toBeCloseTo(8, 0);
    } finally {
      player.style.width = '800px';
      player.style.removeProperty('--live-shop-player-aspect-ratio');
    }
    await expect.poll(() => tags.every(over), { timeout: 5_000 }).toBe(true);
  });

  test('everything on screen at once passes an axe audit', async () => {
    // Once the elements' entrance animations are over (axe measures contrast as painted).
    await animationsFinished();
    const results = await axe.run(player, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`)).toEqual([]);
  });

  test('a scheduled show shows its status screen; features="chat" keeps only the chat', async () => {
    const at = Math.round((player.currentPdt ?? 0) - 500);
    source.push([envelope('show.status', at, { status: 'scheduled', title: 'Autumn drop', startsAt: Date.now() + 86_400_000 })]);
    await expect.poll(() => part(player, 'live-shop-status-screen') !== null, { timeout: 5_000 }).toBe(true);
    player.features = 'chat';
    await player.updateComplete;
    expect(part(player, 'live-shop-status-screen')).toBeNull();
    expect(part(player, 'live-shop-shelf')).toBeNull();
    expect(part(player, 'live-shop-poll')).toBeNull();
    expect(part(player, '[role="tablist"]')).toBeNull();
    expect(part(player, 'live-shop-chat')).not.toBeNull();
  });
});
