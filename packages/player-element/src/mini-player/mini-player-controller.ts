import type { EVENTS as CartEventNames } from '@live-shop/cart-drawer';
import type { ReactiveController, ReactiveElement } from 'lit';
import type { FloatingMiniPlayer } from './floating-mini-player.js';
import { viewport } from './viewport.js';
import { defaultMiniPlayerStrings, type MiniPlayerStrings } from './strings.js';

/**
 * The cart's events the mini-player follows, spelt here so that the player's own chunk
 * does not import the cart's code (which loads only on a page with a cart); `satisfies`
 * keeps them equal to the cart's EVENTS.
 */
const CART_EVENTS = {
  show: 'live-shop-cart-show',
  afterShow: 'live-shop-cart-after-show',
  afterHide: 'live-shop-cart-after-hide',
} as const satisfies Pick<typeof CartEventNames, 'show' | 'afterShow' | 'afterHide'>;

const MEDIA_EVENTS = ['play', 'playing', 'pause', 'ended', 'emptied', 'enterpictureinpicture', 'leavepictureinpicture'] as const;

/** Below this share of the player's box on screen, the player counts as scrolled away. */
export const VISIBLE_RATIO = 0.3;
/** The narrowest space beside the open cart that still takes the mini-player (px). */
const MIN_ROOM_BESIDE_CART = 200;
/** The least room above the open cart's sheet (on a phone) that still takes the mini-player (px). */
const MIN_ROOM_ABOVE_CART = 160;

/** Where the open cart leaves room for the mini-player, in px: beside its side panel, or above its sheet on a phone. */
export type CartRoom = { side: 'beside'; width: number } | { side: 'above'; height: number };

/** What the controller needs of `<live-shop>`. */
export interface MiniPlayerHost extends ReactiveElement {
  /** The playing video (inside mux-player's shadow root for that engine). */
  readonly video: HTMLVideoElement;
  /** The `mini-player` attribute: "off" turns the mini-player off. */
  readonly miniPlayer: string | undefined;
}

export interface MiniPlayerOptions {
  /** The element holding the video, which the engines fill; it moves into `frame` once, before any playback. */
  media: HTMLElement;
  /** Text overrides. */
  strings(): Partial<MiniPlayerStrings> | undefined;
}

/** Where the mini-player floats: `page` when the player is scrolled away, `cart` above the open cart. */
export type MiniPlayerPlacement = 'page' | 'cart';

/**
 * The mini-player: while the video plays and the viewer has scrolled the player away
 * (less than {@link VISIBLE_RATIO} of its box on screen, after it was seen), or while the
 * cart is open, the box holding the video floats at a corner of the viewport; scrolling
 * back docks it. The `<video>` never moves in the DOM (removing a media element pauses
 * it, and hls.js would buffer again): the same box becomes a `popover="manual"` in the
 * top layer, which no ancestor's overflow, transform or z-index can clip, while the
 * player's own box keeps its size, so the page does not move.
 *
 * The cart is a modal `<dialog>`, also in the top layer: the mini-player is shown again
 * after it opens, so it is the later top-layer entry and paints above the dialog and its
 * backdrop, on the side the drawer leaves free (or not at all when there is no room).
 * The modal dialog makes everything outside it inert, the mini-player included
 * (https://html.spec.whatwg.org/multipage/interaction.html#blocked-by-a-modal-dialog,
 * whatwg/html#9936): it plays but takes no input, and a tap on it reaches the backdrop,
 * which closes the cart. Its buttons work again once the cart closes.
 *
 * Moving: drag the toolbar (pointer capture; kept on screen; snaps to the nearest corner
 * on release); on the move handle, arrow keys send it to that side and pressing it goes
 * to the next corner. Close pauses the video and docks it: it floats again only once the
 * viewer plays the video again. Picture-in-Picture, where the browser has it, replaces
 * the mini-player while its window is open.
 *
 * Several players on a page float without covering one another (see floating-stack.ts):
 * a second one stacks over the first in its corner, or takes the next corner with room;
 * they close up when one docks, and one the viewer moved keeps its corner.
 *
 * Only the deciding is here, with the player: the floating box itself (popover, toolbar,
 * dragging, stacking; floating-mini-player.ts) loads once the video first plays.
 */
export class MiniPlayerController implements ReactiveController {
  /** The box holding the video and, once it has floated, the mini-player's toolbar; the player renders it. */
  readonly frame: HTMLDivElement = document.createElement('div');

  readonly #host: MiniPlayerHost;
  readonly #options: MiniPlayerOptions;
  #observer: IntersectionObserver | undefined;
  #video: HTMLVideoElement | undefined;
  /** Whether enough of the player's box is on screen (a player with no box counts as in view: it never floats). */
  #inView = true;
  /**
   * Whether the player has been on screen: one below the fold does not float before the
   * viewer saw it (Dailymotion's sticky player waits for that too).
   */
  #seen = false;
  #pictureInPicture = false;
  #cart: HTMLElement | undefined;
  #floating: FloatingMiniPlayer | undefined;
  #loading: Promise<void> | undefined;

  constructor(host: MiniPlayerHost, options: MiniPlayerOptions) {
    this.#host = host;
    this.#options = options;
    this.frame.className = 'mini-player';
    this.frame.setAttribute('part', 'mini-player');
    this.frame.append(options.media);
    host.addController(this);
    host.addEventListener(CART_EVENTS.show, this.#onCartShow);
    host.addEventListener(CART_EVENTS.afterShow, this.#onCartAfterShow);
    host.addEventListener(CART_EVENTS.afterHide, this.#onCartAfterHide);
  }

  /** Where the video floats now, or undefined while it is docked in the player. */
  get placement(): MiniPlayerPlacement | undefined {
    return this.#floating?.placement;
  }

  hostConnected(): void {
    this.#observer = new IntersectionObserver(this.#onIntersection, { threshold: [VISIBLE_RATIO] });
    this.#observer.observe(this.#host);
    addEventListener('resize', this.#onResize);
    this.#watch(this.#host.video);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    removeEventListener('resize', this.#onResize);
    this.#watch(undefined);
    this.#inView = true;
    this.#cart = undefined;
    this.#floating?.dock();
  }

  hostUpdated(): void {
    // The engine may have changed the video (mux-player has its own), and the attribute or strings may have changed.
    this.#watch(this.#host.video);
    this.#update();
  }

  #watch(video: HTMLVideoElement | undefined): void {
    if (video === this.#video) return;
    for (const type of MEDIA_EVENTS) this.#video?.removeEventListener(type, this.#onMediaEvent);
    this.#video = video;
    for (const type of MEDIA_EVENTS) video?.addEventListener(type, this.#onMediaEvent);
    this.#pictureInPicture = video !== undefined && document.pictureInPictureElement === video;
  }

  #onMediaEvent = (event: Event): void => {
    if (event.type === 'enterpictureinpicture') this.#pictureInPicture = true;
    else if (event.type === 'leavepictureinpicture') this.#pictureInPicture = false;
    // The floating box's code loads while the show plays, so that it is there the moment the viewer scrolls away.
    else if (event.type === 'playing' && this.#host.miniPlayer !== 'off') this.#load();
    this.#update();
  };

  #onIntersection = (entries: IntersectionObserverEntry[]): void => {
    const entry = entries.at(-1);
    if (!entry) return;
    const hasBox = entry.boundingClientRect.width > 0 && entry.boundingClientRect.height > 0;
    this.#inView = !hasBox || entry.intersectionRatio >= VISIBLE_RATIO;
    if (hasBox && this.#inView) this.#seen = true;
    this.#update();
  };

  #onResize = (): void => {
    if (this.#cart) this.#update();
    this.#floating?.resized();
  };

  #onCartShow = (event: Event): void => {
    const cart = event.composedPath()[0];
    if (!(cart instanceof HTMLElement) || !this.#host.renderRoot.contains(cart)) return;
    this.#cart = cart;
    // The drawer calls showModal() just after this event: float once its dialog is in the
    // top layer, so that the mini-player is the later entry, above it.
    queueMicrotask(() => this.#update());
  };

  #onCartAfterShow = (): void => {
    // Should a drawer open its dialog later than that, this puts the mini-player back on top.
    if (this.#floating?.placement === 'cart') this.#floating.raise();
    else this.#update();
  };

  #onCartAfterHide = (event: Event): void => {
    if (event.composedPath()[0] !== this.#cart) return;
    this.#cart = undefined;
    this.#update();
  };

  /** Floats or docks the video, as the playback, the scroll, the cart and the attribute say. */
  #update(): void {
    const video = this.#video;
    const playing = video !== undefined && !video.paused && !video.ended;
    let placement: MiniPlayerPlacement | undefined;
    let room: CartRoom | undefined;
    if (this.#host.isConnected && this.#host.miniPlayer !== 'off' && playing && !this.#pictureInPicture) {
      if (this.#cart) {
        room = this.#roomForCart();
        if (room !== undefined) placement = 'cart';
      } else if (this.#seen && !this.#inView) {
        placement = 'page';
      }
    }
    if (!placement) this.#floating?.dock();
    else if (this.#floating) this.#floating.float(placement, room);
    // Floats once its code is here (it asks again then).
    else this.#load();
  }

  #load(): void {
    this.#loading ??= import('./floating-mini-player.js').then(
      ({ FloatingMiniPlayer }) => {
        this.#floating = new FloatingMiniPlayer({ host: this.#host, frame: this.frame, video: () => this.#video, strings: () => this.#strings() });
        this.#update();
      },
      (error: unknown) => {
        this.#loading = undefined;
        console.warn('[live-shop] The mini-player could not be loaded; the video stays in the player.', error);
      },
    );
  }

  /**
   * The room the open cart leaves free: above its panel where it is a sheet from the
   * bottom edge (a phone), else beside it (the panel is on the inline-end side); undefined
   * when that is too small: then the video stays in the player rather than cover the cart
   * (a tap on the inert mini-player would reach the cart's buttons under it). Layout sizes,
   * not the box on screen: the panel may be sliding in.
   */
  #roomForCart(): CartRoom | undefined {
    const panel = this.#cart?.shadowRoot?.querySelector<HTMLElement>('[part~="panel"]');
    if (!panel) return undefined;
    const { width, height } = viewport();
    const above = height - panel.offsetHeight;
    if (above >= MIN_ROOM_ABOVE_CART) return { side: 'above', height: above };
    const beside = width - panel.offsetWidth;
    return beside >= MIN_ROOM_BESIDE_CART ? { side: 'beside', width: beside } : undefined;
  }

  #strings(): MiniPlayerStrings {
    return { ...defaultMiniPlayerStrings, ...this.#options.strings() };
  }
}
