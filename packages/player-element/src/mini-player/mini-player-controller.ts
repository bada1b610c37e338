import type { EVENTS as CartEventNames } from '@live-shop/cart-drawer';
import { render, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { cornerForKey, defaultCorner, inlineStartCorner, nearestCorner, nextCorner, type Corner } from './corners.js';
import { addFloating, arrangeFloating, reducedMotion, removeFloating, viewport, type FloatingBox } from './floating-stack.js';
import { defaultMiniPlayerStrings, type MiniPlayerStrings } from './strings.js';
import { renderToolbar } from './toolbar.js';

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
/** A press that moves less than this (px) is a click, not a drag. */
const DRAG_THRESHOLD = 4;

/** What the controller needs of `<live-shop>`. */
export interface MiniPlayerHost extends ReactiveControllerHost, HTMLElement {
  /** The playing video (inside mux-player's shadow root for that engine). */
  readonly video: HTMLVideoElement;
  /** The `mini-player` attribute: "off" turns the mini-player off. */
  readonly miniPlayer: string | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface MiniPlayerOptions {
  /** The element holding the video, which the engines fill; it moves into `frame` once, before any playback. */
  media: HTMLElement;
  /** Text overrides. */
  strings(): Partial<MiniPlayerStrings> | undefined;
}

/** Where the mini-player floats: `page` when the player is scrolled away, `cart` above the open cart. */
export type MiniPlayerPlacement = 'page' | 'cart';

interface Drag {
  pointerId: number;
  handle: HTMLElement;
  x: number;
  y: number;
  box: DOMRect;
  moved: boolean;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

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
 */
export class MiniPlayerController implements ReactiveController {
  /** The box holding the video and the mini-player's toolbar; the player renders it. */
  readonly frame: HTMLDivElement = document.createElement('div');

  readonly #toolbar = document.createElement('div');
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
  #placement: MiniPlayerPlacement | undefined;
  /** The corner the viewer chose (undefined: the default, bottom inline-end). */
  #corner: Corner | undefined;
  /** When the viewer chose it (`performance.now()`). */
  #chosenAt: number | undefined;
  readonly #box: FloatingBox = {
    frame: this.frame,
    corner: () => (this.#placement === 'cart' ? inlineStartCorner(this.#direction()) : (this.#corner ?? defaultCorner(this.#direction()))),
    // Beside the cart, its side is set: the others make way.
    chosenAt: () => (this.#placement === 'cart' ? Infinity : this.#chosenAt),
  };
  #drag: Drag | undefined;
  /** The move handle was dragged: the click that ends the drag is not a press. */
  #dragged = false;

  constructor(host: MiniPlayerHost, options: MiniPlayerOptions) {
    this.#host = host;
    this.#options = options;
    this.frame.className = 'mini-player';
    this.frame.setAttribute('part', 'mini-player');
    this.#toolbar.className = 'mini-player-toolbar';
    this.#toolbar.setAttribute('part', 'mini-player-toolbar');
    this.#toolbar.hidden = true;
    this.#toolbar.addEventListener('pointerdown', this.#onPointerDown);
    this.frame.append(this.#toolbar, options.media);
    host.addController(this);
    host.addEventListener(CART_EVENTS.show, this.#onCartShow);
    host.addEventListener(CART_EVENTS.afterShow, this.#onCartAfterShow);
    host.addEventListener(CART_EVENTS.afterHide, this.#onCartAfterHide);
  }

  /** Where the video floats now, or undefined while it is docked in the player. */
  get placement(): MiniPlayerPlacement | undefined {
    return this.#placement;
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
    this.#dock();
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
    // A smaller viewport may no longer have room for a stack.
    if (this.#placement) arrangeFloating();
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
    if (this.#placement === 'cart') this.#raise();
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
    let room: number | undefined;
    if (this.#host.isConnected && this.#host.miniPlayer !== 'off' && playing && !this.#pictureInPicture) {
      if (this.#cart) {
        room = this.#roomBesideCart();
        if (room !== undefined) placement = 'cart';
      } else if (this.#seen && !this.#inView) {
        placement = 'page';
      }
    }
    if (placement) this.#float(placement, room);
    else this.#dock();
  }

  /**
   * The width the open cart's panel leaves free (the panel is on the inline-end side), or
   * undefined when that is too narrow: then the video stays in the player rather than
   * cover the cart (a tap on the inert mini-player would reach the cart's buttons under it).
   */
  #roomBesideCart(): number | undefined {
    const panel = this.#cart?.shadowRoot?.querySelector<HTMLElement>('[part~="panel"]');
    if (!panel) return undefined;
    const room = viewport().width - panel.offsetWidth;
    return room >= MIN_ROOM_BESIDE_CART ? room : undefined;
  }

  #float(placement: MiniPlayerPlacement, room: number | undefined): void {
    const frame = this.frame;
    const entering = this.#placement === undefined;
    const moved = placement !== this.#placement;
    const raise = placement === 'cart' && this.#placement !== 'cart';
    this.#placement = placement;
    if (entering) {
      frame.popover = 'manual';
      frame.setAttribute('role', 'region');
      this.#toolbar.hidden = false;
    }
    if (placement === 'cart') {
      this.#endDrag();
      frame.style.setProperty('--mini-player-room', `${room ?? 0}px`);
    } else {
      frame.style.removeProperty('--mini-player-room');
    }
    this.#render();
    if (raise) this.#raise();
    else if (!frame.matches(':popover-open')) frame.showPopover();
    // Placed once shown, when it has a size: the others' places depend on it.
    if (entering) addFloating(this.#box);
    else if (moved) arrangeFloating();
    if (entering && !reducedMotion()) {
      frame.animate([{ opacity: 0, scale: '0.92' }, { opacity: 1, scale: '1' }], { duration: 160, easing: 'ease-out' });
    }
  }

  /** Shows the mini-player again: the latest top-layer entry paints above every other. */
  #raise(): void {
    if (this.frame.matches(':popover-open')) this.frame.hidePopover();
    this.frame.showPopover();
  }

  #dock(): void {
    if (this.#placement === undefined) return;
    const frame = this.frame;
    const hadFocus = this.#toolbar.matches(':focus-within');
    this.#placement = undefined;
    this.#endDrag();
    for (const animation of frame.getAnimations()) animation.cancel();
    if (frame.matches(':popover-open')) frame.hidePopover();
    frame.removeAttribute('popover');
    frame.removeAttribute('role');
    frame.removeAttribute('aria-label');
    frame.removeAttribute('data-vertical');
    frame.removeAttribute('data-horizontal');
    frame.style.removeProperty('--mini-player-room');
    frame.style.removeProperty('--mini-player-stack');
    frame.style.removeProperty('translate');
    this.#toolbar.hidden = true;
    removeFloating(this.#box);
    // The focused button is gone with the toolbar: focus stays with the video rather than fall to the page.
    if (hadFocus) this.#video?.focus({ preventScroll: true });
  }

  #direction(): string {
    return getComputedStyle(this.#host).direction;
  }

  #strings(): MiniPlayerStrings {
    return { ...defaultMiniPlayerStrings, ...this.#options.strings() };
  }

  #render(): void {
    const strings = this.#strings();
    this.frame.setAttribute('aria-label', strings.label);
    const video = this.#video;
    render(
      renderToolbar({
        strings,
        pictureInPicture: video !== undefined && document.pictureInPictureEnabled === true && !video.disablePictureInPicture,
        move: this.#onMovePress,
        moveKey: this.#onMoveKey,
        backToShow: this.#backToShow,
        requestPictureInPicture: this.#requestPictureInPicture,
        close: this.#close,
      }),
      this.#toolbar,
    );
  }

  // ---- the toolbar's buttons ----

  #backToShow = (): void => {
    // Docks when enough of the player is on screen (the IntersectionObserver).
    this.#host.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
  };

  #requestPictureInPicture = (): void => {
    this.#video?.requestPictureInPicture().catch((error: unknown) => {
      console.warn('[live-shop] The browser refused Picture-in-Picture:', error);
    });
  };

  /**
   * Close pauses the video and docks it: a viewer who closes a floating video wants it to
   * stop, and one that kept playing out of sight would go on playing sound, or using
   * data, for a show the viewer has just dismissed. It floats again only once the viewer
   * plays the video again.
   */
  #close = (): void => {
    this.#video?.pause();
    this.#dock();
  };

  // ---- moving ----

  #onMovePress = (): void => {
    if (this.#dragged) {
      this.#dragged = false;
      return;
    }
    if (this.#placement === 'page') this.#moveTo(nextCorner(this.#currentCorner()));
  };

  #onMoveKey = (event: KeyboardEvent): void => {
    if (this.#placement !== 'page') return;
    const corner = cornerForKey(this.#currentCorner(), event.key);
    if (!corner) return;
    event.preventDefault();
    this.#moveTo(corner);
  };

  /** The corner it floats at, which need not be the one it wants when that one had no room. */
  #currentCorner(): Corner {
    const { vertical, horizontal } = this.frame.dataset;
    return { vertical, horizontal } as Corner;
  }

  /** Moves to `corner`, sliding there from where it is on screen (see arrangeFloating); the others make way. */
  #moveTo(corner: Corner): void {
    this.#corner = corner;
    this.#chosenAt = performance.now();
    arrangeFloating();
  }

  #onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0 || this.#placement !== 'page' || this.#drag) return;
    const target = event.target instanceof Element ? event.target : undefined;
    // The move handle, or the toolbar's background; the other buttons are only buttons.
    const handle = target?.closest<HTMLElement>('.move') ?? (target?.closest('button') ? undefined : this.#toolbar);
    if (!handle) return;
    this.#dragged = false;
    for (const animation of this.frame.getAnimations()) animation.finish();
    this.#drag = { pointerId: event.pointerId, handle, x: event.clientX, y: event.clientY, box: this.frame.getBoundingClientRect(), moved: false };
    // Capture: the moves keep coming when the pointer outruns the mini-player or leaves the window.
    handle.setPointerCapture(event.pointerId);
    handle.addEventListener('pointermove', this.#onPointerMove);
    handle.addEventListener('pointerup', this.#onPointerUp);
    handle.addEventListener('pointercancel', this.#onPointerUp);
    handle.addEventListener('lostpointercapture', this.#onPointerUp);
  };

  #onPointerMove = (event: PointerEvent): void => {
    const drag = this.#drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    drag.moved = true;
    this.frame.toggleAttribute('data-dragging', true);
    // Kept on screen: the box never leaves the viewport, wherever the pointer goes.
    const { width, height } = viewport();
    const left = clamp(drag.box.left + dx, 0, width - drag.box.width);
    const top = clamp(drag.box.top + dy, 0, height - drag.box.height);
    this.frame.style.translate = `${left - drag.box.left}px ${top - drag.box.top}px`;
  };

  #onPointerUp = (event: PointerEvent): void => {
    const drag = this.#drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    this.#endDrag();
    if (!drag.moved) return;
    this.#dragged = drag.handle !== this.#toolbar;
    this.#moveTo(nearestCorner(this.frame.getBoundingClientRect(), viewport()));
  };

  #endDrag(): void {
    const drag = this.#drag;
    if (!drag) return;
    this.#drag = undefined;
    this.frame.removeAttribute('data-dragging');
    drag.handle.removeEventListener('pointermove', this.#onPointerMove);
    drag.handle.removeEventListener('pointerup', this.#onPointerUp);
    drag.handle.removeEventListener('pointercancel', this.#onPointerUp);
    drag.handle.removeEventListener('lostpointercapture', this.#onPointerUp);
    if (drag.handle.hasPointerCapture(drag.pointerId)) drag.handle.releasePointerCapture(drag.pointerId);
  }
}
