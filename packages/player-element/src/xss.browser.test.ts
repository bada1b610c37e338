import { MemoryCartAdapter, type CartDrawer } from '@live-shop/cart-drawer';
import type { HighlightStack, LiveChat, LivePoll, OfferCard, ProductCard, ProductDetails, SeekToMomentEvent, StatusScreen } from '@live-shop/overlay-cards';
import { eventTypes, parseEnvelope, validateEventInput, type EventData, type Product } from '@live-shop/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, inject, test, vi, type MockInstance } from 'vitest';
import './define.js';
import type { LiveShopElement } from './live-shop.js';
import { CustomSource } from './sources/custom-source.js';
import { acceptingIntents, envelope, mountLivePlayer } from './test-helpers.js';
import { acceptedOr, allText, BASE, FIELDS, FORBIDDEN_TAGS, PAYLOADS, unsafeMarkup, URL_FIELD_KEYS, withValue, type Field } from './test-xss-corpus.js';

// Safe: every string field of every event carries the XSS corpus (test-xss-corpus.ts). What
// the protocol refuses at the edge never reaches the player; what it takes is pushed into a
// live <live-shop> with every part of the show on screen, and shows as text: no payload
// runs, no element or attribute of theirs exists in any shadow root, and no click follows
// a script URL or navigates the page.

declare global {
  interface Window {
    __xss?: unknown;
  }
}

const origin = inject('simulatorOrigin');
const baseline = new Set(document.querySelectorAll(FORBIDDEN_TAGS));
const usd = (amount: string) => ({ amount, currencyCode: 'USD' });

// ---- what the edge takes ----

interface Verdict {
  field: Field;
  value: string;
  /** An http(s) URL with the payload in its query, for URL fields. */
  wrapped: boolean;
  data: Record<string, unknown>;
  ok: boolean;
  message?: string;
  path?: string;
}

const verdicts: Verdict[] = FIELDS.flatMap((field) =>
  PAYLOADS.flatMap((payload, index) => {
    const values = field.role === 'url' ? [{ value: payload, wrapped: false }, { value: `https://x.example/xss/${index}?q=${payload}`, wrapped: true }] : [{ value: payload, wrapped: false }];
    return values.map(({ value, wrapped }) => {
      const data = withValue(BASE[field.type], field.path, value);
      const result = validateEventInput({ type: field.type, data });
      return result.ok ? { field, value, wrapped, data, ok: true } : { field, value, wrapped, data, ok: false, message: result.error.message, path: result.error.path ?? '' };
    });
  }),
);

const describeValue = (verdict: Verdict) => `${verdict.field.type} ${verdict.field.path} ← ${JSON.stringify(verdict.value.slice(0, 50))}`;

// ---- the player ----

/** An element inside the player's shadow root. */
function part<T extends Element = HTMLElement>(player: LiveShopElement, selector: string): T | null {
  return player.shadowRoot?.querySelector<T>(selector) ?? null;
}

/** A live envelope (not in the log) as the relay sends it. */
function liveEnvelope(type: string, data: unknown): Record<string, unknown> {
  return { v: 1, id: `live-${Math.random()}`, show: 'test', type, at: Date.now(), pdt: Date.now(), data };
}

/** A product carrying `payload` in every string field that takes it (http(s) URLs with it in their query). */
function productWith(payload: string, index: number): Record<string, unknown> {
  const field = (path: string, fallback: string, value = payload) => acceptedOr('catalog.set', `products.0.${path}`, value, fallback);
  const imageUrl = (name: string) => field('images.0.url', `${origin}/img/${index}-${name}.png`, `${origin}/img/${index}-${name}.png?q=${payload}`);
  const altText = field('images.0.altText', `Picture ${index}`);
  const optionName = field('variants.0.selectedOptions.0.name', `Option ${index}`);
  return {
    id: field('id', `p${index}`),
    handle: `p${index}`,
    title: field('title', `Product ${index}`),
    description: field('description', `Description ${index}`),
    vendor: field('vendor', `Vendor ${index}`),
    images: [
      { url: imageUrl('a'), altText, width: 400, height: 400 },
      { url: imageUrl('b'), altText, width: 400, height: 400 },
    ],
    price: usd('10.00'),
    compareAtPrice: usd('12.00'),
    variants: [
      {
        id: field('variants.0.id', `p${index}-v1`, `v1 ${payload}`),
        title: field('variants.0.title', `Variant ${index}`),
        availableForSale: true,
        quantityAvailable: 3,
        selectedOptions: [{ name: optionName, value: field('variants.0.selectedOptions.0.value', `Value ${index}`) }],
        image: { url: imageUrl('v'), altText: field('variants.0.image.altText', `Variant picture ${index}`) },
      },
      { id: `p${index}-v2`, title: `Other ${index}`, availableForSale: true, selectedOptions: [{ name: optionName, value: `Other ${index}` }] },
    ],
    url: field('url', `https://shop.example/p/${index}`, `https://shop.example/p/${index}?q=${payload}`),
    // Every other product sells through a payment link (Buy), the others through the cart.
    ...(index % 2 === 0 ? { checkoutUrl: field('checkoutUrl', `https://pay.example/${index}`, `https://pay.example/${index}?ref=${payload}`) } : {}),
  };
}

const catalog = validateEventInput({ type: 'catalog.set', data: { products: PAYLOADS.map(productWith) } });
if (!catalog.ok) throw new Error(`The test catalog is invalid: ${catalog.error.message}`);
const products = (catalog.value.data as EventData<'catalog.set'>).products;

describe('<live-shop> shows an XSS corpus in every field of every event as text', () => {
  let player: LiveShopElement;
  let source: CustomSource;
  let open: MockInstance<typeof window.open>;
  let checkoutUrl = 'https://shop.example/checkout';
  const navigations: string[] = [];
  const followedLinks: string[] = [];
  const seeks: number[] = [];
  const navigation = (window as unknown as { navigation?: EventTarget }).navigation;

  const onNavigate = (event: Event) => {
    navigations.push((event as Event & { destination: { url: string } }).destination.url);
    event.preventDefault();
  };
  // Last in the bubbling path: a link click nobody cancelled would be followed.
  const onClick = (event: MouseEvent) => {
    const link = event.composedPath().find((target): target is HTMLAnchorElement => target instanceof HTMLAnchorElement && target.hasAttribute('href'));
    if (link && !event.defaultPrevented) {
      followedLinks.push(link.href);
      event.preventDefault();
    }
  };

  // The moment buttons work; cancelled before the player sees it, so the video stays where the other tests need it.
  const onSeek = (event: SeekToMomentEvent) => {
    seeks.push(event.detail.pdt);
    event.preventDefault();
  };

  /** Buy opens the payment link (https, in a new tab); Add to cart adds a line and opens the drawer, which we close again. */
  async function purchase(button: HTMLElement, product: Product): Promise<void> {
    const opened = open.mock.calls.length;
    const quantity = player.cart?.totalQuantity ?? 0;
    button.click();
    if (product.checkoutUrl) {
      await expect.poll(() => open.mock.calls.length).toBe(opened + 1);
      const [url, target, features] = open.mock.calls[opened] as [string, string, string];
      expect(new URL(url).protocol).toBe('https:');
      expect([target, features]).toEqual(['_blank', 'noopener']);
      return;
    }
    await expect.poll(() => player.cart?.totalQuantity ?? 0, { timeout: 5_000 }).toBe(quantity + 1);
    await closeCart();
  }

  /**
   * Closes the drawer, and waits for its dialog's close event too: that event comes a task
   * after close(), and would shut a drawer opened again before it (the next Add to cart).
   */
  async function closeCart(): Promise<void> {
    const drawer = part<CartDrawer>(player, 'live-shop-cart')!;
    await expect.poll(() => drawer.open).toBe(true);
    const dialog = drawer.shadowRoot!.querySelector('dialog')!;
    const closed = new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
    await drawer.hide();
    await closed;
  }

  function cards(): ProductCard[] {
    const stack = part<HighlightStack>(player, 'live-shop-highlights');
    return [...(stack?.shadowRoot?.querySelectorAll<ProductCard>('live-shop-product-card') ?? [])];
  }

  function now(): number {
    return Math.round(player.currentPdt ?? 0);
  }

  let lastAt = 0;
  /** Just behind the playhead, and after the previous event: each new one is the latest. */
  function nextAt(): number {
    lastAt = Math.max(now() - 500, lastAt + 1);
    return lastAt;
  }

  beforeAll(async () => {
    open = vi.spyOn(window, 'open').mockImplementation(() => null);
    // The Navigation API sees every navigation of this page, whatever started it (Chromium 102).
    expect(navigation).toBeDefined();
    navigation?.addEventListener('navigate', onNavigate);
    window.addEventListener('click', onClick);
    document.addEventListener('live-shop-seek-to-moment', onSeek, { capture: true });
    source = new CustomSource({ intents: acceptingIntents('sent') });
    player = await mountLivePlayer(origin, source, (player) => (player.cartAdapter = new MemoryCartAdapter({ products, checkoutUrl: () => checkoutUrl })));
    // Every highlighted product at once, not the three most recent.
    part<HighlightStack>(player, 'live-shop-highlights')!.max = products.length;
    // The drawer opens and closes some forty times here: without its slide.
    await player.openCart();
    const drawer = part<CartDrawer>(player, 'live-shop-cart')!;
    drawer.style.setProperty('--live-shop-cart-duration', '0ms');
    await drawer.hide();
  }, 25_000);

  afterEach(() => {
    expect(window.__xss).toBeUndefined();
    expect(unsafeMarkup(baseline)).toEqual([]);
  });

  afterAll(() => {
    player.remove();
    open.mockRestore();
    navigation?.removeEventListener('navigate', onNavigate);
    window.removeEventListener('click', onClick);
    document.removeEventListener('live-shop-seek-to-moment', onSeek, { capture: true });
    expect(navigations).toEqual([]);
    expect(followedLinks).toEqual([]);
  });

  test('the edge: text fields take any text that fits, URL fields only http(s), handles, codes and money no markup', () => {
    // Every event type with string data is covered (viewers.count has none), and every URL field named here exists.
    expect(new Set(FIELDS.map((field) => field.type))).toEqual(new Set(eventTypes.filter((type) => type !== 'viewers.count')));
    expect(FIELDS.filter((field) => field.role === 'url').map((field) => `${field.type} ${field.path}`)).toEqual([...URL_FIELD_KEYS]);
    for (const verdict of verdicts) {
      const label = describeValue(verdict);
      // The relay's check (validateEventInput) and the viewer's (parseEnvelope) agree.
      expect(parseEnvelope(envelope(verdict.field.type, 1, verdict.data)).ok, label).toBe(verdict.ok);
      if (!verdict.ok && !verdict.field.path.includes('*')) expect(verdict.path, label).toBe(`data.${verdict.field.path}`);
      if (verdict.field.role === 'pattern') expect(verdict.ok, label).toBe(false);
      else if (verdict.field.role === 'url' && !verdict.wrapped) {
        expect(verdict.ok, label).toBe(false);
        expect(verdict.message, label).toMatch(/(an absolute http:\/\/ or https:\/\/ URL|at most 2048 characters)$/);
      } else if (verdict.value.length <= 32) expect(verdict.ok, label).toBe(true);
      else if (!verdict.ok) expect(verdict.message, label).toMatch(/must be at most \d+ characters$/);
    }
  });

  test('what the edge refuses never reaches the player', () => {
    const refused = verdicts.filter((verdict) => !verdict.ok).map((verdict) => envelope(verdict.field.type, now() - 20_000, verdict.data));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(source.push(refused)).toBe(0);
      expect(warn.mock.calls.filter(([message]) => String(message).startsWith('[live-shop] Ignored an invalid event'))).toHaveLength(refused.length);
    } finally {
      warn.mockRestore();
    }
    expect(source.timeline.stateAt(Number.MAX_SAFE_INTEGER).products).toEqual([]);
  });

  test('catalog, highlights of every product, chat, reactions and mentions: shown as text', async () => {
    const before = now() - 30_000;
    // Everything the edge took, in the past: the show below then replaces what it can.
    const accepted = verdicts.filter((verdict) => verdict.ok).map((verdict) => envelope(verdict.field.type, before - 1_000, verdict.data));
    expect(source.push(accepted)).toBe(accepted.length);

    source.push([
      envelope('show.status', before, { status: 'live', title: acceptedOr('show.status', 'title', PAYLOADS[0]!, 'Show') }),
      envelope('catalog.set', before, { products }),
      ...products.map((product, index) => envelope('stock.update', before + 100 + index, { productId: product.id, variantId: product.variants[0]!.id, quantityAvailable: 2 })),
      envelope('price.update', before + 200, { productId: products[1]!.id, variantId: products[1]!.variants[0]!.id, price: usd('8.00'), compareAtPrice: usd('12.00') }),
      ...products.map((product, index) => envelope('product.highlight', before + 1_000 + index, { productId: product.id, variantId: product.variants[0]!.id })),
      ...PAYLOADS.map((payload, index) =>
        envelope('chat.message', before + 2_000 + index, {
          messageId: acceptedOr('chat.message', 'messageId', `m${index} ${payload}`, `m${index}`),
          text: acceptedOr('chat.message', 'text', payload, `Message ${index}`),
          author: { id: acceptedOr('chat.message', 'author.id', payload, `a${index}`), name: acceptedOr('chat.message', 'author.name', payload, `Name ${index}`), role: (['viewer', 'moderator', 'producer'] as const)[index % 3] },
        }),
      ),
      envelope('chat.pin', before + 3_000, { messageId: `m1 ${PAYLOADS[1]}` }),
      envelope('mention', before + 3_000, { productId: products[2]!.id, text: PAYLOADS[2] }),
      envelope('reaction.tick', before + 3_000, { counts: Object.fromEntries(PAYLOADS.filter((payload) => payload.length <= 32).map((payload) => [payload, 1])) }),
    ]);
    const kinds = Object.fromEntries(PAYLOADS.filter((payload) => payload.length <= 32).map((payload) => [payload, 2]));
    source.pushLive([
      liveEnvelope('reaction.tick', { counts: kinds, totals: kinds }),
      liveEnvelope('viewers.count', { count: 1234 }),
      liveEnvelope('chat.message', { messageId: 'shadow', text: PAYLOADS[3], author: { name: PAYLOADS[4]!.slice(0, 50), role: 'viewer' } }),
    ]);

    await expect.poll(() => cards().length, { timeout: 5_000 }).toBe(products.length);
    for (const card of cards()) {
      await card.updateComplete;
      expect(card.shadowRoot!.querySelector('[part~="title"]')!.textContent).toBe(card.product!.title);
    }
    // The chat, tall enough that its virtualized list renders every message.
    await expect.poll(() => part(player, 'live-shop-chat') !== null, { timeout: 5_000 }).toBe(true);
    const chat = part<LiveChat>(player, 'live-shop-chat')!;
    chat.style.setProperty('--live-shop-chat-height', '40000px');
    await expect.poll(() => chat.shadowRoot?.querySelectorAll('[part~="message"]').length ?? 0, { timeout: 5_000 }).toBeGreaterThan(PAYLOADS.length);
    const texts = [...chat.shadowRoot!.querySelectorAll('[part~="text"]')].map((text) => text.textContent);
    for (const payload of PAYLOADS.filter((payload) => payload.length <= 500)) expect(texts).toContain(payload);
    expect(chat.shadowRoot!.querySelector('[part~="pinned"]')?.textContent).toContain(PAYLOADS[1]);
    await expect.poll(() => part(player, 'live-shop-viewer-count') !== null, { timeout: 5_000 }).toBe(true);

    // Each payload is text somewhere on the page, verbatim (escaped text stays escaped).
    // (The long one fits only a description: the details sheet's test reads it.)
    const shown = allText();
    for (const payload of PAYLOADS.filter((payload) => payload.length <= 500)) expect(shown).toContain(payload);
    expect(shown).not.toContain('<b>&bold'); // "&lt;b&gt;&amp;<b>bold</b>" parsed as markup
  });

  test('the shelf: every product, its moments, as text', async () => {
    part<HTMLButtonElement>(player, '#tab-shelf')!.click();
    await expect.poll(() => part(player, 'live-shop-shelf') !== null, { timeout: 5_000 }).toBe(true);
    const shelf = part(player, 'live-shop-shelf')!;
    await expect.poll(() => shelf.shadowRoot?.querySelectorAll('live-shop-product-card').length ?? 0).toBe(products.length);
    const titles = [...shelf.shadowRoot!.querySelectorAll<ProductCard>('live-shop-product-card')].map((card) => card.shadowRoot?.querySelector('[part~="title"]')?.textContent);
    expect(titles).toEqual(products.map((product) => product.title));
    for (const moment of shelf.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="moment"]')) moment.click();
    expect(seeks).toHaveLength(products.length);
    // The moments bar names each product in its markers' tooltips.
    await expect.poll(() => part(player, 'live-shop-moments-bar') !== null, { timeout: 5_000 }).toBe(true);
    const tooltips = [...part(player, 'live-shop-moments-bar')!.shadowRoot!.querySelectorAll('[part~="tooltip"]')].map((tooltip) => tooltip.textContent ?? '');
    for (const product of products) expect(tooltips.some((tooltip) => tooltip.startsWith(product.title))).toBe(true);
  });

  test('every poll and every offer, voted on and bought from', async () => {
    let previous: { pollId: string; offerId: string } | undefined;
    for (const [index, payload] of PAYLOADS.entries()) {
      const product = products[index]!;
      const pollId = acceptedOr('poll.open', 'pollId', `q${index} ${payload}`, `q${index}`);
      const offerId = acceptedOr('offer.start', 'offerId', `o${index} ${payload}`, `o${index}`);
      const question = acceptedOr('poll.open', 'question', payload, `Question ${index}`);
      const answer = acceptedOr('poll.open', 'options.0.text', payload, `Answer ${index}`);
      const title = acceptedOr('offer.start', 'title', payload, `Offer ${index}`);
      const at = nextAt();
      source.push([
        ...(previous ? [envelope('poll.close', at, { pollId: previous.pollId }), envelope('offer.end', at, { offerId: previous.offerId })] : []),
        envelope('poll.open', at, { pollId, question, options: [{ id: acceptedOr('poll.open', 'options.0.id', `a ${payload}`, 'a'), text: answer }, { id: 'b', text: 'Neither' }] }),
        envelope('offer.start', at, { offerId, kind: (['price-drop', 'countdown', 'limited-stock'] as const)[index % 3], productId: product.id, title, price: usd('9.00'), endsAt: Date.now() + 120_000, quantityLimit: 5, code: 'SAVE10' }),
      ]);
      previous = { pollId, offerId };
      await expect.poll(() => part<LivePoll>(player, 'live-shop-poll')?.poll?.pollId, { timeout: 5_000 }).toBe(pollId);
      const poll = part<LivePoll>(player, 'live-shop-poll')!;
      await poll.updateComplete;
      expect(poll.shadowRoot!.querySelector('[part~="question"]')!.textContent).toContain(question);
      poll.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"]')!.click();
      poll.shadowRoot!.querySelector<HTMLButtonElement>('[part~="vote-button"]')!.click();
      await expect.poll(() => poll.shadowRoot!.querySelector('[part~="results"]')?.textContent ?? '').toContain(answer);

      await expect.poll(() => part<OfferCard>(player, 'live-shop-offer')?.offer?.offerId, { timeout: 5_000 }).toBe(offerId);
      const offer = part<OfferCard>(player, 'live-shop-offer')!;
      await offer.updateComplete;
      expect(offer.shadowRoot!.querySelector('[part~="title"]')!.textContent).toBe(title);
      offer.shadowRoot!.querySelector<HTMLButtonElement>('[part~="copy-button"]')!.click();
      await purchase(offer.shadowRoot!.querySelector<HTMLButtonElement>('[part~="shop-button"]')!, product);
      expect(unsafeMarkup(baseline)).toEqual([]);
    }
  });

  test('the details sheet of every card: gallery, options and description as text', async () => {
    for (const card of cards()) {
      const product = card.product!;
      card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="details-button"]')!.click();
      await expect.poll(() => card.shadowRoot!.querySelector<ProductDetails>('live-shop-product-details')?.open, { timeout: 5_000 }).toBe(true);
      const details = card.shadowRoot!.querySelector<ProductDetails>('live-shop-product-details')!;
      await details.updateComplete;
      const sheet = details.shadowRoot!;
      expect(sheet.querySelector('dialog')!.open).toBe(true);
      expect(sheet.querySelector('[part~="title"]')!.textContent).toBe(product.title);
      expect(sheet.querySelector('[part~="description"]')!.textContent).toBe(product.description);
      for (const button of sheet.querySelectorAll<HTMLButtonElement>('[part~="gallery-next"], [part~="gallery-previous"], [part~="gallery-thumbnail"]')) button.click();
      sheet.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1]?.click();
      await details.updateComplete;
      expect(unsafeMarkup(baseline)).toEqual([]);
      // The sheet's own Buy / Add to cart, then it has closed.
      await purchase(sheet.querySelector<HTMLButtonElement>('[part~="button"]')!, product);
      await expect.poll(() => details.open).toBe(false);
    }
  });

  test('every card button: Buy opens only https payment links, Add to cart fills the drawer with the products as text', async () => {
    for (const card of cards()) await purchase(card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!, card.product!);
    const shelf = part(player, 'live-shop-shelf')!;
    for (const card of shelf.shadowRoot!.querySelectorAll<ProductCard>('live-shop-product-card')) {
      await purchase(card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!, card.product!);
    }
    for (const [url] of open.mock.calls) expect(new URL(String(url)).protocol).toBe('https:');

    await player.openCart();
    const drawer = part<CartDrawer>(player, 'live-shop-cart')!;
    const lineTitles = [...drawer.shadowRoot!.querySelectorAll('[part~="line-title"]')].map((title) => title.textContent);
    // A line per product and moment (the offer's, the card's): each cart product's title, as text.
    expect(new Set(lineTitles)).toEqual(new Set(products.filter((product) => !product.checkoutUrl).map((product) => product.title)));
    expect(drawer.shadowRoot!.textContent).toContain(products[1]!.variants[0]!.title);
  });

  test('checkout: a script or data link from the cart is never opened; an https one is', async () => {
    const drawer = part<CartDrawer>(player, 'live-shop-cart')!;
    const button = () => drawer.shadowRoot!.querySelector<HTMLButtonElement>('[part~="checkout-button"]')!;
    const opened = open.mock.calls.length;
    for (const url of ['javascript:window.__xss=30', ' JaVaScRiPt:window.__xss=31', 'data:text/html,<script>window.__xss=32</script>', 'vbscript:msgbox(1)', 'http://shop.example/checkout']) {
      checkoutUrl = url;
      button().click();
      await expect.poll(() => drawer.shadowRoot!.querySelector('[part~="error"]')?.textContent ?? '').toContain('not a secure https:// link');
      expect(open.mock.calls.length).toBe(opened);
    }
    checkoutUrl = `https://shop.example/checkout?note="><img src=x onerror="window.__xss=33">`;
    button().click();
    await expect.poll(() => open.mock.calls.length).toBe(opened + 1);
    const [url, target] = open.mock.calls[opened] as [string, string];
    expect(new URL(url).protocol).toBe('https:');
    expect(target).toBe('_self');
    await closeCart();
  });

  test('status screens: scheduled and replay titles as text; Watch the replay plays here, navigating nowhere', async () => {
    let replaySrc = `${origin}/hls/vod.m3u8`;
    for (const [index, payload] of PAYLOADS.entries()) {
      const title = acceptedOr('show.status', 'title', payload, `Show ${index}`);
      source.push([envelope('show.status', nextAt(), { status: 'scheduled', title, startsAt: Date.now() + 86_400_000 })]);
      await expect.poll(() => part(player, 'live-shop-status-screen')?.shadowRoot?.querySelector('[part~="title"]')?.textContent, { timeout: 5_000 }).toBe(title);
      part<StatusScreen>(player, 'live-shop-status-screen')!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="remind-button"]')!.click();
      expect(unsafeMarkup(baseline)).toEqual([]);

      replaySrc = acceptedOr('show.status', 'replay.src', `${origin}/hls/vod.m3u8?q=${payload}`, `${origin}/hls/vod.m3u8`);
      const playbackId = acceptedOr('show.status', 'replay.playbackId', payload, 'pb');
      source.push([envelope('show.status', nextAt(), { status: 'replay-ready', title, replay: { src: replaySrc, playbackId } })]);
      await expect.poll(() => part(player, 'live-shop-status-screen')?.shadowRoot?.querySelector('[part~="replay-button"]') != null, { timeout: 5_000 }).toBe(true);
      expect(part(player, 'live-shop-status-screen')!.shadowRoot!.querySelector('[part~="title"]')!.textContent).toBe(title);
    }
    const replay = part(player, 'live-shop-status-screen')!.shadowRoot!.querySelector<HTMLElement>('[part~="replay-button"]')!;
    expect(replay.localName).toBe('button');
    replay.click();
    await expect.poll(() => player.mode).toBe('replay');
    expect(player.src).toBe(replaySrc);
  });
});
