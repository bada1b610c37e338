import type { ChatMessage } from '@live-shop/protocol';
import type { HighlightStack, LiveChat, ProductCard } from '@live-shop/overlay-cards';
import axe from 'axe-core';
import { animationsFinished } from '../../overlay-cards/src/test-axe-audit.js';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { commands } from 'vitest/browser';
import './define.js';
import type { LiveShopElement } from './live-shop.js';
import { CustomSource } from './sources/custom-source.js';
import { envelope, frameWhere, mountLivePlayer, product } from './test-helpers.js';

// The example themes (examples/themes) on a live player: the colours change as each theme
// says, its ::part() rules apply, and axe finds no colour-contrast problem with either.

const origin = inject('simulatorOrigin');

/** Relative luminance (WCAG) of a computed `rgb(…)` colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((channel) => {
    const value = Number(channel) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The colour-contrast findings of axe (as painted: after the entrance animations). */
async function contrast(elements: Element[]): Promise<{ violations: string[]; checked: number }> {
  await animationsFinished();
  let checked = 0;
  const violations: string[] = [];
  for (const element of elements) {
    const results = await axe.run(element, { runOnly: { type: 'rule', values: ['color-contrast'] } });
    checked += results.passes.reduce((sum, rule) => sum + rule.nodes.length, 0);
    violations.push(...results.violations.flatMap((violation) => violation.nodes.map((node) => `${JSON.stringify(node.target)}: ${node.failureSummary ?? ''}`)));
  }
  return { violations, checked };
}

const message = (messageId: string, role: ChatMessage['author']['role'], name: string, text: string, seq: number): ChatMessage => ({
  messageId,
  text,
  author: { name, role },
  at: Date.now() - 60_000 + seq,
  seq,
});

describe('the example themes', () => {
  let player: LiveShopElement;
  let standaloneChat: LiveChat;
  const theme = document.createElement('style');

  const card = () => part(player, 'live-shop-highlights')?.shadowRoot?.querySelector<ProductCard>('live-shop-product-card') ?? null;
  const inCard = (selector: string) => card()!.shadowRoot!.querySelector<HTMLElement>(selector)!;
  const chat = () => part<LiveChat>(player, 'live-shop-chat')!;

  function part<T extends Element = HTMLElement>(host: Element, selector: string): T | null {
    return host.shadowRoot?.querySelector<T>(selector) ?? null;
  }

  beforeAll(async () => {
    document.head.append(theme);
    const source = new CustomSource();
    player = await mountLivePlayer(origin, source);

    const at = Math.round((player.currentPdt ?? 0) - 5_000);
    const jacket = product('a', 'Field jacket');
    // A few left: the card shows its low-stock badge, a colour of its own.
    jacket['variants'] = [{ id: 'a-v', title: 'One size', availableForSale: true, quantityAvailable: 2 }];
    source.push([
      envelope('show.status', at, { status: 'live', title: 'Spring drop' }),
      envelope('catalog.set', at, { products: [jacket] }),
      envelope('product.highlight', at + 100, { productId: 'a' }),
      envelope('chat.message', at + 200, { messageId: 'c1', text: 'Is it waterproof?', author: { name: 'Ana', role: 'viewer' } }),
      envelope('chat.message', at + 300, { messageId: 'c2', text: 'Yes, waxed cotton.', author: { name: 'Host', role: 'producer' } }),
      envelope('chat.message', at + 400, { messageId: 'c3', text: 'Please keep it kind.', author: { name: 'Mo', role: 'moderator' } }),
      envelope('chat.pin', at + 500, { messageId: 'c2' }),
    ]);
    await frameWhere(() => card()?.shadowRoot?.querySelector('[part~="stock"]') != null, 5_000);
    await frameWhere(() => chat()?.shadowRoot?.querySelectorAll('[part~="badge"]').length === 3, 5_000); // host, moderator, and the pinned host's
    // A chat on its own, beside the player: its inner parts (the badge) are the page's to style.
    standaloneChat = document.createElement('live-shop-chat');
    standaloneChat.messages = [message('s1', 'producer', 'Host', 'Welcome!', 1), message('s2', 'moderator', 'Mo', 'Be kind.', 2)];
    document.body.append(standaloneChat);
    await standaloneChat.updateComplete;
  }, 25_000);

  afterAll(() => {
    player?.remove();
    standaloneChat?.remove();
    theme.remove();
  });

  test("the demo page's ?theme= loads a known theme, and nothing else", async () => {
    const page = location.href;
    const cases: [string | null, string][] = [
      ['dark', '/themes/dark.css'],
      ['light', '/themes/light.css'],
      ['javascript:alert(1)', ''],
      ['../site', ''],
      [null, ''],
    ];
    for (const [index, [query, href]] of cases.entries()) {
      const link = document.createElement('link');
      link.id = 'theme';
      document.head.append(link);
      const url = new URL(page);
      if (query !== null) url.searchParams.set('theme', query);
      // The search only, no navigation; a new query string runs the module again.
      history.replaceState(history.state, '', url);
      try {
        await import(/* @vite-ignore */ `/examples/demo/public/theme.js?case=${index}`);
      } finally {
        history.replaceState(history.state, '', page);
        link.remove();
      }
      expect(link.getAttribute('href') ?? '', String(query)).toBe(href);
    }
  });

  for (const name of ['light', 'dark'] as const) {
    test(`${name}: the colours change, the part rules apply, and every text keeps its contrast`, async () => {
      theme.textContent = await commands.readFile(`examples/themes/${name}.css`);
      const cardBackground = getComputedStyle(inCard('[part~="base"]')).backgroundColor;
      const cardText = getComputedStyle(inCard('[part~="title"]')).color;
      const chatBackground = getComputedStyle(chat().shadowRoot!.querySelector('[part~="base"]')!).backgroundColor;
      const panelBackground = getComputedStyle(part(player, '[part~="panel"]')!).backgroundColor;
      // Not the elements' defaults (white, #111): the theme's.
      expect(cardBackground).not.toBe('rgb(255, 255, 255)');
      expect(cardText).not.toBe('rgb(17, 17, 17)');
      if (name === 'dark') {
        for (const background of [cardBackground, chatBackground, panelBackground]) expect(luminance(background)).toBeLessThan(0.05);
        expect(luminance(cardText)).toBeGreaterThan(0.7);
        // Set through ::part(card): the badge's own colour, lightened for a dark card.
        expect(getComputedStyle(inCard('[part~="stock"]')).color).not.toBe('rgb(179, 38, 30)');
        expect(getComputedStyle(inCard('[part~="button"]')).borderTopLeftRadius).toBe('999px');
        expect(getComputedStyle(part(standaloneChat, '[part~="badge"]')!).borderTopLeftRadius).toBe('999px');
        expect(getComputedStyle(part(chat(), '[part~="badge"]')!).borderTopLeftRadius).toBe('999px');
      } else {
        for (const background of [cardBackground, chatBackground, panelBackground]) expect(luminance(background)).toBeGreaterThan(0.85);
        expect(luminance(cardText)).toBeLessThan(0.05);
        expect(getComputedStyle(inCard('[part~="button"]')).textTransform).toBe('uppercase');
        expect(getComputedStyle(part(standaloneChat, '[part~="badge"]')!).textTransform).toBe('uppercase');
        expect(getComputedStyle(part(chat(), '[part~="badge"]')!).textTransform).toBe('uppercase');
      }
      const { violations, checked } = await contrast([player, standaloneChat]);
      expect(violations).toEqual([]);
      // The card, the tabs and the chat's messages, names, badges, composer…
      expect(checked).toBeGreaterThan(15);
    });
  }

  test("a narrow player lays the card across its bottom edge; a page's ::part(card) width still wins", async () => {
    theme.textContent = '';
    const width = () => card()!.getBoundingClientRect().width;
    expect(width()).toBeLessThanOrEqual(320);
    try {
      player.style.width = '480px';
      // Full width less the 8px gutters, not the card's 320px default.
      await frameWhere(() => Math.abs(width() - (480 - 16)) < 1, 2_000);
      expect(getComputedStyle(inCard('[part~="image"]')).width).toBe('56px');
      theme.textContent = 'live-shop::part(card) { --live-shop-card-width: 300px; }';
      await frameWhere(() => Math.abs(width() - 300) < 1, 2_000);
    } finally {
      player.style.width = '800px';
      theme.textContent = '';
    }
  });
});
