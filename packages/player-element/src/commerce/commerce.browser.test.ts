import { MemoryCartAdapter, type CartDrawer, type CartLineInput, type CartLineUpdate, type HostCart } from '@live-shop/cart-drawer';
import type { ProductCard } from '@live-shop/overlay-cards';
import { MODE_LINE_ATTRIBUTE, PDT_LINE_ATTRIBUTE, SHOW_LINE_ATTRIBUTE, type Product } from '@live-shop/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, inject, test, vi } from 'vitest';
import '../define.js';
import { EVENTS } from '../constants.js';
import type { LiveShopElement } from '../live-shop.js';
import { CustomSource } from '../sources/custom-source.js';
import { envelope, nextEvent, product } from '../test-helpers.js';

const origin = inject('simulatorOrigin');

const jacket = { ...product('jacket', 'Field jacket'), variants: [{ id: 'jacket-m', title: 'M', availableForSale: true, quantityAvailable: 5 }] } as unknown as Product;
const tote = { ...product('tote', 'Canvas tote'), checkoutUrl: 'https://buy.stripe.com/test_tote?prefilled_email=a%40b.c' } as unknown as Product;
const oldLink = { ...product('old', 'Old link'), checkoutUrl: 'http://buy.example.com/old' } as unknown as Product;

describe('<live-shop> commerce', () => {
  let player: LiveShopElement;
  let source: CustomSource;

  const cards = (): ProductCard[] => [...(player.shadowRoot?.querySelector('live-shop-highlights')?.shadowRoot?.querySelectorAll('live-shop-product-card') ?? [])];
  const cardButton = (title: string): HTMLButtonElement => {
    const card = cards().find((candidate) => candidate.product?.title === title);
    const button = card?.shadowRoot?.querySelector<HTMLButtonElement>('[part="button"]');
    if (!button) throw new Error(`no card "${title}" on screen`);
    return button;
  };
  const drawer = (): CartDrawer | null => player.shadowRoot?.querySelector('live-shop-cart') ?? null;
  const cartButton = (): HTMLButtonElement | null => player.shadowRoot?.querySelector('[part="cart-button"]') ?? null;
  const dialogOpen = (): boolean => drawer()?.shadowRoot?.querySelector('dialog')?.open === true;

  /** Highlights `productId` at the playhead and waits for its card. */
  async function highlight(productId: string, title: string): Promise<number> {
    const pdt = Math.round(player.currentPdt ?? 0);
    source.push([envelope('product.highlight', pdt, { productId })]);
    await expect.poll(() => cards().some((card) => card.product?.title === title), { timeout: 5_000 }).toBe(true);
    return pdt;
  }

  beforeAll(async () => {
    player = document.createElement('live-shop');
    player.show = 'spring-drop';
    player.style.width = '640px';
    player.src = `${origin}/hls/live.m3u8`;
    source = new CustomSource();
    player.source = source;
    const ready = nextEvent(player, EVENTS.ready, 20_000);
    document.body.append(player);
    await ready;
    source.push([envelope('catalog.set', (player.currentPdt ?? 0) - 60_000, { products: [jacket, tote, oldLink] })]);
  }, 25_000);

  afterAll(() => player.remove());

  afterEach(async () => {
    vi.restoreAllMocks();
    if (dialogOpen()) await drawer()?.hide();
    source.push([envelope('product.clear', Math.round(player.currentPdt ?? 0), {})]);
    // The clear applies on the next frame: the next test must not find this test's card.
    await expect.poll(() => cards().length).toBe(0);
  });

  test('without a cart, Add to cart tells the viewer it is not set up here', async () => {
    expect(cartButton()).toBeNull();
    await highlight('jacket', 'Field jacket');
    const error = nextEvent(player, EVENTS.error, 2_000);
    cardButton('Field jacket').click();
    expect((await error).detail.code).toBe('cart-unavailable');
    expect(player.shadowRoot?.querySelector('.notice')?.textContent).toContain("isn't set up on this page");
  });

  test('Add to cart adds the variant with its moment, opens the drawer, and the video keeps playing', async () => {
    const adapter = new MemoryCartAdapter({ products: [jacket, tote] });
    player.cartAdapter = adapter;
    await expect.poll(() => cartButton()?.getAttribute('aria-label')).toBe('Cart, 0 items');

    const pdt = await highlight('jacket', 'Field jacket');
    const button = cardButton('Field jacket');
    button.focus();
    // A double click: the second press while the first add is under way adds nothing.
    button.click();
    button.click();
    await expect.poll(dialogOpen).toBe(true);
    await expect.poll(async () => (await adapter.getCart()).totalQuantity).toBe(1);

    const [line] = (await adapter.getCart()).lines;
    expect(line?.merchandiseId).toBe('jacket-m');
    expect(line?.attributes).toEqual([
      { key: SHOW_LINE_ATTRIBUTE, value: 'spring-drop' },
      { key: PDT_LINE_ATTRIBUTE, value: String(pdt) },
      { key: MODE_LINE_ATTRIBUTE, value: 'live' },
    ]);
    await expect.poll(() => cartButton()?.getAttribute('aria-label')).toBe('Cart, 1 item');
    expect(player.shadowRoot?.querySelector('[part="cart-count"]')?.textContent).toBe('1');

    // The cart is open over the page; the show goes on behind it.
    const before = player.video.currentTime;
    await expect.poll(() => player.video.currentTime, { timeout: 3_000 }).toBeGreaterThan(before + 0.5);
    expect(player.video.paused).toBe(false);

    // Esc closes it and focus goes back to the card's button.
    await drawer()?.hide();
    expect(dialogOpen()).toBe(false);
    expect(cards()[0]?.shadowRoot?.activeElement).toBe(button);
  });

  test('the cart button opens the drawer; the badge follows changes made in it', async () => {
    const adapter = new MemoryCartAdapter({ products: [jacket] });
    await adapter.addLines([{ merchandiseId: 'jacket-m', quantity: 2 }]);
    player.cartAdapter = adapter;
    await expect.poll(() => cartButton()?.getAttribute('aria-label')).toBe('Cart, 2 items');
    cartButton()?.click();
    await expect.poll(dialogOpen).toBe(true);
    const increase = drawer()?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="quantity"] button:last-of-type');
    increase?.click();
    await expect.poll(() => cartButton()?.getAttribute('aria-label')).toBe('Cart, 3 items');
  });

  test('a page that cancels add-to-cart keeps the cart itself: nothing is added, nothing opens', async () => {
    const adapter = new MemoryCartAdapter({ products: [jacket] });
    player.cartAdapter = adapter;
    await highlight('jacket', 'Field jacket');
    const taken: string[] = [];
    const takeOver = (event: Event & { detail?: { variantId?: string } }) => {
      event.preventDefault();
      taken.push(event.detail?.variantId ?? '');
    };
    document.addEventListener('live-shop-add-to-cart', takeOver);
    cardButton('Field jacket').click();
    document.removeEventListener('live-shop-add-to-cart', takeOver);
    await player.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(taken).toEqual(['jacket-m']);
    expect((await adapter.getCart()).totalQuantity).toBe(0);
    expect(dialogOpen()).toBe(false);
  });

  test("the host site's own cart: adds go to its handler, it pushes its cart back, and the drawer's changes reach it", async () => {
    player.cartAdapter = undefined;
    let hostCart: HostCart = { lines: [], checkoutUrl: 'https://shop.example.com/cart' };
    const added: CartLineInput[][] = [];
    const updated: CartLineUpdate[][] = [];
    player.useHostCart({
      addLines(lines) {
        added.push([...lines]);
        hostCart = { ...hostCart, lines: [{ id: 'woo-1', title: 'Field jacket (from the site)', quantity: 1, price: { amount: '189.00', currencyCode: 'USD' } }] };
        // This site pushes its cart a moment later instead of answering.
        setTimeout(() => player.setCart(hostCart), 10);
      },
      updateLines(lines) {
        updated.push([...lines]);
        hostCart = { ...hostCart, lines: hostCart.lines.map((line) => ({ ...line, quantity: lines[0]?.quantity ?? line.quantity })) };
        return hostCart;
      },
    });
    await highlight('jacket', 'Field jacket');
    cardButton('Field jacket').click();
    await expect.poll(() => cartButton()?.getAttribute('aria-label')).toBe('Cart, 1 item');
    expect(added[0]?.[0]?.merchandiseId).toBe('jacket-m');
    expect(added[0]?.[0]?.attributes?.map((attribute) => attribute.key)).toEqual([SHOW_LINE_ATTRIBUTE, PDT_LINE_ATTRIBUTE, MODE_LINE_ATTRIBUTE]);
    await expect.poll(() => drawer()?.shadowRoot?.querySelector('[part~="line-title"]')?.textContent).toBe('Field jacket (from the site)');

    drawer()?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="quantity"] button:last-of-type')?.click();
    await expect.poll(() => updated).toEqual([[{ id: 'woo-1', quantity: 2 }]]);
    await expect.poll(() => cartButton()?.getAttribute('aria-label')).toBe('Cart, 2 items');

    // The site's cart changed elsewhere on its page: the badge follows.
    player.setCart({ lines: [] });
    await expect.poll(() => cartButton()?.getAttribute('aria-label')).toBe('Cart, 0 items');
  });

  test('Buy on a payment link opens it with the attribution; an http: link is never followed', async () => {
    sessionStorage.setItem('live-shop:session:spring-drop', 'session42');
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const pdt = await highlight('tote', 'Canvas tote');
    const seen: string[] = [];
    const listen = (event: Event & { detail?: { url: string } }) => seen.push(event.detail?.url ?? '');
    document.addEventListener('live-shop-checkout', listen);
    cardButton('Canvas tote').click();
    document.removeEventListener('live-shop-checkout', listen);
    expect(open).toHaveBeenCalledOnce();
    const url = new URL(String(open.mock.calls[0]?.[0]));
    expect(url.origin + url.pathname).toBe('https://buy.stripe.com/test_tote');
    expect(url.searchParams.get('prefilled_email')).toBe('a@b.c');
    expect(url.searchParams.get('client_reference_id')).toBe(`spring-drop_${pdt}_session42`);
    expect(url.searchParams.get('utm_campaign')).toBe('spring-drop');
    expect(url.searchParams.get('utm_content')).toBe(String(pdt));
    expect(url.searchParams.get('utm_term')).toBe('live');
    // The page's own listeners see the attributed link.
    expect(seen).toEqual([url.href]);
    sessionStorage.removeItem('live-shop:session:spring-drop');

    open.mockClear();
    await highlight('old', 'Old link');
    expect(cardButton('Old link').textContent?.trim()).toBe('Add to cart');
  });

  test('the cart button speaks the locale, with its plural forms', async () => {
    player.cartAdapter = new MemoryCartAdapter({ products: [jacket] });
    player.locale = 'fr-FR';
    player.strings = { cartButton: { one: 'Panier, {count} article', other: 'Panier, {count} articles' } };
    await expect.poll(() => cartButton()?.getAttribute('aria-label')).toBe('Panier, 0 article');
    player.strings = undefined;
    player.locale = undefined;
  });
});
