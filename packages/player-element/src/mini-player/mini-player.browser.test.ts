// For the types of cdp().send and of the Playwright options: the provider's own.
/// <reference types="@vitest/browser-playwright" />
import { MemoryCartAdapter, type CartDrawer } from '@live-shop/cart-drawer';
import { axeViolations } from '../../../overlay-cards/src/test-axe-audit.js';
import { afterAll, afterEach, beforeAll, describe, expect, inject, test, vi } from 'vitest';
import { cdp, page, userEvent } from 'vitest/browser';
import '../define.js';
import { EVENTS } from '../constants.js';
import type { LiveShopElement } from '../live-shop.js';
import { nextEvent } from '../test-helpers.js';
import { VISIBLE_RATIO } from './mini-player-controller.js';

const origin = inject('simulatorOrigin');

const VIEWPORT = { width: 1024, height: 768 };
const OFFSET = 16;

describe('<live-shop> mini-player', () => {
  let player: LiveShopElement;
  let spacer: HTMLDivElement;
  let styles: HTMLStyleElement;

  const root = (): ShadowRoot => {
    if (!player.shadowRoot) throw new Error('the player has no shadow root');
    return player.shadowRoot;
  };
  const frame = (): HTMLElement => {
    const element = root().querySelector<HTMLElement>('[part~="mini-player"]');
    if (!element) throw new Error('no mini-player box');
    return element;
  };
  const part = (name: string): HTMLElement | null => root().querySelector<HTMLElement>(`[part~="${name}"]`);
  const button = (name: string): HTMLElement => {
    const element = part(name);
    if (!element) throw new Error(`no ${name}`);
    return element;
  };
  const floating = (): boolean => frame().matches(':popover-open');
  const drawer = (): CartDrawer | null => root().querySelector('live-shop-cart');
  const base = (): HTMLElement => root().querySelector<HTMLElement>('.base') as HTMLElement;

  /** Lets the mini-player's moves (and its entry) finish, so boxes are where they end. */
  async function settled(): Promise<void> {
    await Promise.all(frame().getAnimations().map((animation) => animation.finished.catch(() => undefined)));
  }

  async function scrollAway(): Promise<void> {
    window.scrollTo(0, 2_000);
    await expect.poll(floating).toBe(true);
    await settled();
  }

  async function scrollBack(): Promise<void> {
    window.scrollTo(0, 0);
    await expect.poll(floating).toBe(false);
  }

  /** Resolves once the video's time has moved on by `seconds`, and it is still playing. */
  async function keepsPlaying(seconds = 0.5): Promise<void> {
    const start = player.video.currentTime;
    await expect.poll(() => player.video.currentTime, { timeout: 5_000 }).toBeGreaterThan(start + seconds);
    expect(player.video.paused).toBe(false);
  }

  /** Resolves after an IntersectionObserver like the player's has seen `target` in view (or out of it). */
  function observed(visible: boolean, target: HTMLElement = player): Promise<void> {
    return new Promise((resolve) => {
      const observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.intersectionRatio >= VISIBLE_RATIO === visible)) {
            observer.disconnect();
            // The player's observer runs in the same update; a frame later its work is done.
            requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
          }
        },
        { threshold: [VISIBLE_RATIO] },
      );
      observer.observe(target);
    });
  }

  /** The colour at the centre of what is on screen over `box` (top layer included), from a real screenshot. */
  async function colourAt(box: { left: number; top: number; width: number; height: number }): Promise<[number, number, number]> {
    const probe = document.createElement('div');
    probe.id = 'probe';
    Object.assign(probe.style, { position: 'fixed', left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` });
    document.body.append(probe);
    try {
      const base64 = await page.screenshot({ element: probe, save: false, scale: 'css' });
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d canvas');
      context.drawImage(bitmap, 0, 0);
      const [red = 0, green = 0, blue = 0] = context.getImageData(bitmap.width >> 1, bitmap.height >> 1, 1, 1).data;
      return [red, green, blue];
    } finally {
      probe.remove();
    }
  }


  beforeAll(async () => {
    await page.viewport(VIEWPORT.width, VIEWPORT.height);
    // The test colours the toolbar to find it in screenshots.
    styles = document.createElement('style');
    styles.textContent = 'html, body { margin: 0; background: #ffffff; } live-shop::part(mini-player-toolbar) { background: rgb(0 255 0); }';
    document.head.append(styles);
    player = document.createElement('live-shop');
    player.style.width = '480px';
    player.src = `${origin}/hls/live.m3u8`;
    // The page goes on well below the player, so that it can be scrolled away.
    spacer = document.createElement('div');
    spacer.style.height = '3000px';
    const ready = nextEvent(player, EVENTS.ready, 20_000);
    document.body.append(player, spacer);
    await ready;
  }, 25_000);

  afterEach(async () => {
    vi.restoreAllMocks();
    if (drawer()?.open) await drawer()?.hide();
    await page.viewport(VIEWPORT.width, VIEWPORT.height);
    player.removeAttribute('mini-player');
    if (player.video.paused) await player.video.play();
    await scrollBack();
  });

  afterAll(async () => {
    player.remove();
    spacer.remove();
    styles.remove();
  });

  test('scrolled away while playing, the same video floats in the corner, still playing, and the page does not move; scrolling back docks it', async () => {
    const video = player.video;
    expect(floating()).toBe(false);
    expect(frame().getBoundingClientRect().toJSON()).toEqual(base().getBoundingClientRect().toJSON());
    const playerBox = player.getBoundingClientRect();
    const spacerTop = spacer.getBoundingClientRect().top + window.scrollY;

    await scrollAway();
    const box = frame().getBoundingClientRect();
    expect(getComputedStyle(frame()).position).toBe('fixed');
    // Bottom right (inline-end in this left-to-right page), 320 px wide, the video 16:9 under the toolbar.
    expect(box.right).toBeCloseTo(document.documentElement.clientWidth - OFFSET, 0);
    expect(box.bottom).toBeCloseTo(document.documentElement.clientHeight - OFFSET, 0);
    expect(box.width).toBeCloseTo(320, 0);
    const videoBox = video.getBoundingClientRect();
    expect(videoBox.width / videoBox.height).toBeCloseTo(16 / 9, 1);
    expect(getComputedStyle(frame()).boxShadow).not.toBe('none');
    expect(getComputedStyle(frame()).borderTopLeftRadius).toBe('12px');

    // The same element, never moved: it keeps playing.
    expect(player.video).toBe(video);
    expect(frame().contains(video)).toBe(true);
    await keepsPlaying();

    // The player's box kept its size: nothing below it moved.
    expect(player.getBoundingClientRect().height).toBe(playerBox.height);
    expect(base().getBoundingClientRect().height).toBe(playerBox.height);
    expect(spacer.getBoundingClientRect().top + window.scrollY).toBe(spacerTop);

    await scrollBack();
    expect(frame().getBoundingClientRect().toJSON()).toEqual(base().getBoundingClientRect().toJSON());
    expect(part('mini-player-toolbar')?.hidden).toBe(true);
    expect(player.video).toBe(video);
    await keepsPlaying();
  });

  test('a player below the fold does not float before the viewer has seen it', async () => {
    const below = document.createElement('live-shop');
    below.style.width = '480px';
    below.src = `${origin}/hls/live.m3u8`;
    const ready = nextEvent(below, EVENTS.ready, 20_000);
    document.body.append(below);
    try {
      await ready;
      await observed(false, below);
      expect(below.video.paused).toBe(false);
      expect(below.shadowRoot?.querySelector('[part~="mini-player"]')?.matches(':popover-open')).toBe(false);

      below.scrollIntoView();
      await observed(true, below);
      window.scrollTo(0, 0);
      await expect.poll(() => below.shadowRoot?.querySelector('[part~="mini-player"]')?.matches(':popover-open')).toBe(true);
    } finally {
      below.remove();
    }
  }, 25_000);

  test('dragged, it follows the pointer without leaving the screen, and snaps to the nearest corner on release', async () => {
    await scrollAway();
    const boxes: DOMRect[] = [];
    const record = () => boxes.push(frame().getBoundingClientRect());
    frame().addEventListener('pointermove', record);
    // Drop near the top-left corner of the page: the pointer goes further than the box may.
    const target = document.createElement('div');
    Object.assign(target.style, { position: 'fixed', left: '0px', top: '0px', width: '10px', height: '10px' });
    document.body.append(target);
    try {
      await userEvent.dragAndDrop(button('mini-player-move'), target, { targetPosition: { x: 2, y: 2 }, force: true, steps: 8 });
    } finally {
      frame().removeEventListener('pointermove', record);
      target.remove();
    }
    expect(boxes.length).toBeGreaterThan(3);
    const { clientWidth, clientHeight } = document.documentElement;
    for (const box of boxes) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(clientWidth);
      expect(box.bottom).toBeLessThanOrEqual(clientHeight);
    }
    // It went as far as the screen allowed.
    expect(boxes.at(-1)?.left).toBe(0);
    expect(boxes.at(-1)?.top).toBe(0);

    await settled();
    const box = frame().getBoundingClientRect();
    expect(box.left).toBeCloseTo(OFFSET, 0);
    expect(box.top).toBeCloseTo(OFFSET, 0);
    await keepsPlaying();
  });

  test('the keyboard moves it: an arrow key sends it to that side, a press of the handle to the next corner', async () => {
    await scrollAway();
    const scrollY = window.scrollY;
    const { clientWidth, clientHeight } = document.documentElement;
    button('mini-player-move').focus();
    await userEvent.keyboard('{ArrowDown}{ArrowRight}');
    await settled();
    let box = frame().getBoundingClientRect();
    expect([box.right, box.bottom]).toEqual([clientWidth - OFFSET, clientHeight - OFFSET]);

    await userEvent.keyboard('{ArrowUp}');
    await settled();
    box = frame().getBoundingClientRect();
    expect([box.right, box.top]).toEqual([clientWidth - OFFSET, OFFSET]);

    await userEvent.keyboard('{ArrowLeft}');
    await settled();
    box = frame().getBoundingClientRect();
    expect([box.left, box.top]).toEqual([OFFSET, OFFSET]);

    // Enter (a press): clockwise, to the top right.
    await userEvent.keyboard('{Enter}');
    await settled();
    box = frame().getBoundingClientRect();
    expect([box.right, box.top]).toEqual([clientWidth - OFFSET, OFFSET]);

    // The keys moved the mini-player, not the page.
    expect(window.scrollY).toBe(scrollY);
    expect(root().activeElement).toBe(button('mini-player-move'));
  });

  test('Close pauses the video and docks it; it floats again once the video plays again', async () => {
    await scrollAway();
    const scrollY = window.scrollY;
    await userEvent.click(button('mini-player-close'));
    expect(floating()).toBe(false);
    expect(player.video.paused).toBe(true);
    expect(window.scrollY).toBe(scrollY);
    // Focus stays with the video, not on the page's body.
    expect(root().activeElement).toBe(player.video);

    await player.video.play();
    await expect.poll(floating).toBe(true);
  });

  test('Back to the show scrolls the player into view, where the video docks', async () => {
    await scrollAway();
    await userEvent.click(button('mini-player-back'));
    await expect.poll(floating).toBe(false);
    await expect.poll(() => player.getBoundingClientRect().top, { timeout: 5_000 }).toBeGreaterThanOrEqual(0);
    expect(player.getBoundingClientRect().bottom).toBeLessThanOrEqual(document.documentElement.clientHeight);
    await keepsPlaying();
  });

  test('mini-player="off" never floats; without it, the video floats again', async () => {
    player.setAttribute('mini-player', 'off');
    await player.updateComplete;
    const away = observed(false);
    window.scrollTo(0, 2_000);
    await away;
    expect(floating()).toBe(false);
    expect(player.video.paused).toBe(false);

    player.removeAttribute('mini-player');
    await player.updateComplete;
    expect(floating()).toBe(true);
  });

  test('opening the cart floats the video beside the drawer, above its backdrop, still playing; closing the cart docks it', async () => {
    player.cartAdapter = new MemoryCartAdapter();
    const video = player.video;
    await player.openCart();
    expect(drawer()?.shadowRoot?.querySelector('dialog')?.matches(':modal')).toBe(true);
    expect(floating()).toBe(true);
    await settled();

    // Bottom left: the side the drawer leaves free.
    const box = frame().getBoundingClientRect();
    const panel = drawer()?.shadowRoot?.querySelector('[part~="panel"]')?.getBoundingClientRect();
    expect(box.left).toBeCloseTo(OFFSET, 0);
    expect(box.bottom).toBeCloseTo(document.documentElement.clientHeight - OFFSET, 0);
    expect(box.right).toBeLessThanOrEqual(panel?.left ?? 0);

    // Above the backdrop: the toolbar's own green on screen, where the page beside it is dimmed.
    const toolbar = button('mini-player-toolbar').getBoundingClientRect();
    const [red, green, blue] = await colourAt({ left: toolbar.left + toolbar.width / 2 - 4, top: toolbar.top + toolbar.height / 2 - 4, width: 8, height: 8 });
    expect([red, green, blue]).toEqual([0, 255, 0]);
    const [pageRed] = await colourAt({ left: box.right + 20, top: box.top, width: 8, height: 8 });
    expect(pageRed).toBeLessThan(200);

    expect(player.video).toBe(video);
    await keepsPlaying();

    const hidden = nextEvent(player, 'live-shop-cart-after-hide', 5_000);
    await drawer()?.hide();
    await hidden;
    expect(floating()).toBe(false);
    await keepsPlaying();
    player.cartAdapter = undefined;
  });

  test('floating when the cart opens, it moves beside the drawer, and back to its corner when the cart closes', async () => {
    player.cartAdapter = new MemoryCartAdapter();
    await scrollAway();
    button('mini-player-move').focus();
    await userEvent.keyboard('{ArrowUp}{ArrowRight}');
    await settled();
    const corner = frame().getBoundingClientRect().toJSON();

    await player.openCart();
    await settled();
    expect(floating()).toBe(true);
    expect(frame().getBoundingClientRect().left).toBeCloseTo(OFFSET, 0);
    const toolbar = button('mini-player-toolbar').getBoundingClientRect();
    expect(await colourAt({ left: toolbar.left + toolbar.width / 2 - 4, top: toolbar.top + toolbar.height / 2 - 4, width: 8, height: 8 })).toEqual([0, 255, 0]);

    await drawer()?.hide();
    await expect.poll(() => frame().getBoundingClientRect().toJSON()).toEqual(corner);
    expect(floating()).toBe(true);
    player.cartAdapter = undefined;
  });

  test('on a phone the cart is a sheet from the bottom, and the video floats above it, as large as the room allows, still playing', async () => {
    await page.viewport(400, 800);
    player.cartAdapter = new MemoryCartAdapter();
    await player.openCart();
    expect(floating()).toBe(true);
    await settled();
    const panel = drawer()!.shadowRoot!.querySelector('[part~="panel"]')!.getBoundingClientRect();
    expect(panel.bottom).toBeCloseTo(800, 0);
    expect(panel.width).toBeCloseTo(400, 0);
    expect(panel.top).toBeGreaterThan(150);
    // Top left, in the room above the sheet, the player's shape, and clear of the sheet.
    const box = frame().getBoundingClientRect();
    const video = player.video.getBoundingClientRect();
    expect(box.left).toBeCloseTo(OFFSET, 0);
    expect(box.top).toBeCloseTo(OFFSET, 0);
    expect(box.bottom).toBeLessThanOrEqual(panel.top);
    expect(video.width).toBeGreaterThan(300);
    expect(video.width / video.height).toBeCloseTo(16 / 9, 1);
    await keepsPlaying();

    // A screen with too little room above the sheet (a phone held sideways): the video
    // stays in the player behind the cart rather than cover it.
    await drawer()?.hide();
    await page.viewport(600, 300);
    await player.openCart();
    await new Promise(requestAnimationFrame);
    expect(floating()).toBe(false);
    await keepsPlaying();
    await drawer()?.hide();
    player.cartAdapter = undefined;
  });

  test('Picture-in-Picture: offered where the browser has it, asked for on press; the mini-player steps aside while its window is open', async () => {
    const enabled = vi.spyOn(Document.prototype, 'pictureInPictureEnabled', 'get').mockReturnValue(true);
    const request = vi.spyOn(HTMLVideoElement.prototype, 'requestPictureInPicture').mockResolvedValue({} as PictureInPictureWindow);
    await scrollAway();
    await userEvent.click(button('mini-player-pip'));
    expect(request).toHaveBeenCalledTimes(1);
    expect(request.mock.contexts[0]).toBe(player.video);

    // What the browser fires when its window opens and closes.
    player.video.dispatchEvent(new Event('enterpictureinpicture'));
    expect(floating()).toBe(false);
    player.video.dispatchEvent(new Event('leavepictureinpicture'));
    expect(floating()).toBe(true);

    // A video that forbids it, or a browser without it: no button.
    player.video.disablePictureInPicture = true;
    player.requestUpdate();
    await player.updateComplete;
    expect(part('mini-player-pip')).toBeNull();
    player.video.disablePictureInPicture = false;
    enabled.mockReturnValue(false);
    player.requestUpdate();
    await player.updateComplete;
    expect(part('mini-player-pip')).toBeNull();
  });

  test('no animation with prefers-reduced-motion', async () => {
    await cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-reduced-motion', value: 'reduce' }] });
    try {
      window.scrollTo(0, 2_000);
      await expect.poll(floating).toBe(true);
      expect(frame().getAnimations()).toEqual([]);
      button('mini-player-move').focus();
      await userEvent.keyboard('{ArrowUp}');
      expect(frame().getAnimations()).toEqual([]);
    } finally {
      await cdp().send('Emulation.setEmulatedMedia', { features: [] });
    }
  });

  test('accessible: a labelled region of named buttons, in the viewer\'s words, with no axe violations', async () => {
    player.strings = { miniPlayer: { close: 'Fermer le mini-lecteur', label: 'Mini-lecteur' } };
    await scrollAway();
    expect(frame().getAttribute('role')).toBe('region');
    expect(frame().getAttribute('aria-label')).toBe('Mini-lecteur');
    expect(button('mini-player-close').getAttribute('aria-label')).toBe('Fermer le mini-lecteur');
    expect(button('mini-player-back').getAttribute('aria-label')).toBe('Back to the show');
    expect(button('mini-player-move').getAttribute('aria-label')).toBe('Move the mini-player');
    expect(await axeViolations(frame())).toEqual([]);
    player.strings = undefined;
  });
});

describe('two <live-shop> players floating on one page', () => {
  const GAP = 12;
  let players: LiveShopElement[] = [];
  let spacer: HTMLDivElement;

  const frameOf = (player: LiveShopElement): HTMLElement => {
    const element = player.shadowRoot?.querySelector<HTMLElement>('[part~="mini-player"]');
    if (!element) throw new Error('no mini-player box');
    return element;
  };
  const buttonOf = (player: LiveShopElement, name: string): HTMLElement => {
    const element = player.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`);
    if (!element) throw new Error(`no ${name}`);
    return element;
  };
  const floats = (player: LiveShopElement): boolean => frameOf(player).matches(':popover-open');
  const box = (player: LiveShopElement): DOMRect => frameOf(player).getBoundingClientRect();

  /** Lets every move (and entry) finish, so boxes are where they end. */
  async function settled(): Promise<void> {
    await Promise.all(players.flatMap((player) => frameOf(player).getAnimations().map((animation) => animation.finished.catch(() => undefined))));
  }

  /** Scrolls both players away; returns them lower box first. */
  async function floatBoth(): Promise<[LiveShopElement, LiveShopElement]> {
    window.scrollTo(0, 2_000);
    await expect.poll(() => players.every(floats)).toBe(true);
    await settled();
    const [lower, upper] = [...players].sort((a, b) => box(b).bottom - box(a).bottom);
    if (!lower || !upper) throw new Error('two players expected');
    return [lower, upper];
  }

  function expectApartOnScreen(a: DOMRect, b: DOMRect): void {
    const { clientWidth, clientHeight } = document.documentElement;
    for (const rect of [a, b]) {
      expect(rect.left).toBeGreaterThanOrEqual(0);
      expect(rect.top).toBeGreaterThanOrEqual(0);
      expect(rect.right).toBeLessThanOrEqual(clientWidth);
      expect(rect.bottom).toBeLessThanOrEqual(clientHeight);
    }
    const intersect = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    expect(intersect, `${JSON.stringify(a)} and ${JSON.stringify(b)} intersect`).toBe(false);
  }

  beforeAll(async () => {
    await page.viewport(VIEWPORT.width, VIEWPORT.height);
    players = [0, 1].map(() => {
      const player = document.createElement('live-shop');
      player.style.width = '480px';
      player.src = `${origin}/hls/live.m3u8`;
      return player;
    });
    spacer = document.createElement('div');
    spacer.style.height = '3000px';
    const ready = players.map((player) => nextEvent(player, EVENTS.ready, 20_000));
    document.body.append(...players, spacer);
    await Promise.all(ready);
    // A player floats only once the viewer saw it: both are on screen, and their observers said so.
    await new Promise<void>((resolve) => {
      const seen = new Set<Element>();
      const observer = new IntersectionObserver(
        (entries) => {
          for (const entry of entries) if (entry.intersectionRatio >= VISIBLE_RATIO) seen.add(entry.target);
          if (seen.size < players.length) return;
          observer.disconnect();
          requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
        },
        { threshold: [VISIBLE_RATIO] },
      );
      for (const player of players) observer.observe(player);
    });
  }, 25_000);

  afterEach(async () => {
    await page.viewport(VIEWPORT.width, VIEWPORT.height);
    for (const player of players) if (player.video.paused) await player.video.play();
    window.scrollTo(0, 0);
    await expect.poll(() => players.some(floats)).toBe(false);
  });

  afterAll(() => {
    for (const player of players) player.remove();
    spacer.remove();
  });

  test('both scrolled away: two boxes on screen that do not overlap, the second stacked over the first in the corner', async () => {
    const [lower, upper] = await floatBoth();
    const [below, above] = [box(lower), box(upper)];
    expectApartOnScreen(below, above);
    const { clientWidth, clientHeight } = document.documentElement;
    expect([below.right, below.bottom]).toEqual([clientWidth - OFFSET, clientHeight - OFFSET]);
    expect([above.right, above.bottom]).toEqual([clientWidth - OFFSET, below.top - GAP]);
  });

  test('a screen too short for a stack: the second takes the next corner', async () => {
    await page.viewport(VIEWPORT.width, 420);
    const [first, second] = await floatBoth();
    const [a, b] = [box(first), box(second)];
    expectApartOnScreen(a, b);
    expect(a.bottom).toBe(b.bottom);
    expect(Math.min(a.left, b.left)).toBe(OFFSET);
  });

  test('closing one, the other closes up into the corner', async () => {
    const [lower, upper] = await floatBoth();
    await userEvent.click(buttonOf(lower, 'mini-player-close'));
    expect(floats(lower)).toBe(false);
    await settled();
    const { clientWidth, clientHeight } = document.documentElement;
    expect([box(upper).right, box(upper).bottom]).toEqual([clientWidth - OFFSET, clientHeight - OFFSET]);

    // Playing again, it floats again, stacked over the one now in the corner.
    await lower.video.play();
    await expect.poll(() => floats(lower)).toBe(true);
    await settled();
    expectApartOnScreen(box(lower), box(upper));
    expect(box(lower).bottom).toBe(box(upper).top - GAP);
  });

  test('one the viewer dragged keeps its place while the other re-flows around it', async () => {
    const [lower, upper] = await floatBoth();
    const target = document.createElement('div');
    Object.assign(target.style, { position: 'fixed', left: '0px', top: '0px', width: '10px', height: '10px' });
    document.body.append(target);
    try {
      await userEvent.dragAndDrop(buttonOf(upper, 'mini-player-move'), target, { targetPosition: { x: 2, y: 2 }, force: true, steps: 8 });
    } finally {
      target.remove();
    }
    await settled();
    const { clientWidth, clientHeight } = document.documentElement;
    expect([box(upper).left, box(upper).top]).toEqual([OFFSET, OFFSET]);
    expect([box(lower).right, box(lower).bottom]).toEqual([clientWidth - OFFSET, clientHeight - OFFSET]);

    // The other is sent to that corner by default no more, and the dragged one stays put as it comes and goes.
    await userEvent.click(buttonOf(lower, 'mini-player-close'));
    await lower.video.play();
    await expect.poll(() => floats(lower)).toBe(true);
    await settled();
    expect([box(upper).left, box(upper).top]).toEqual([OFFSET, OFFSET]);
    expectApartOnScreen(box(lower), box(upper));

    // Moved into the other's corner, it takes the corner; the other makes way.
    buttonOf(lower, 'mini-player-move').focus();
    await userEvent.keyboard('{ArrowUp}{ArrowLeft}');
    await settled();
    expect([box(lower).left, box(lower).top]).toEqual([OFFSET, OFFSET]);
    expectApartOnScreen(box(lower), box(upper));
  });
});
