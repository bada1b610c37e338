import { adoptStyles, render, type ReactiveElement } from 'lit';
import { cornerForKey, defaultCorner, inlineStartCorner, nearestCorner, nextCorner, type Corner } from './corners.js';
import { addFloating, arrangeFloating, reducedMotion, removeFloating, type FloatingBox } from './floating-stack.js';
import { viewport } from './viewport.js';
import type { CartRoom, MiniPlayerPlacement } from './mini-player-controller.js';
import { floatingStyles } from './floating.styles.js';
import type { MiniPlayerStrings } from './strings.js';
import { renderToolbar } from './toolbar.js';

/** A press that moves less than this (px) is a click, not a drag. */
const DRAG_THRESHOLD = 4;

/** What the floating box needs of the controller. */
export interface FloatingContext {
  readonly host: ReactiveElement;
  /** The box holding the video; it floats as a popover and docks back in place. */
  readonly frame: HTMLElement;
  video(): HTMLVideoElement | undefined;
  strings(): MiniPlayerStrings;
}

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
 * The mini-player while it floats: the popover, its toolbar (move, back to the show,
 * Picture-in-Picture, close), dragging and the keyboard moves, and its place among the
 * page's other floating players (floating-stack.ts). Its code and styles load the first
 * time a video plays (see MiniPlayerController), not with the player: most viewers never
 * scroll a playing show away.
 *
 * Moving: drag the toolbar (pointer capture; kept on screen; snaps to the nearest corner
 * on release); on the move handle, arrow keys send it to that side and pressing it goes
 * to the next corner. Close pauses the video and docks it.
 */
export class FloatingMiniPlayer {
  readonly #context: FloatingContext;
  readonly #toolbar = document.createElement('div');
  #placement: MiniPlayerPlacement | undefined;
  /** Where the open cart left room, while it floats beside or above it. */
  #room: CartRoom | undefined;
  /** The corner the viewer chose (undefined: the default, bottom inline-end). */
  #corner: Corner | undefined;
  /** When the viewer chose it (`performance.now()`). */
  #chosenAt: number | undefined;
  readonly #box: FloatingBox;
  #drag: Drag | undefined;
  /** The move handle was dragged: the click that ends the drag is not a press. */
  #dragged = false;

  constructor(context: FloatingContext) {
    this.#context = context;
    const { host, frame } = context;
    this.#box = {
      frame,
      corner: () => {
        if (this.#placement !== 'cart') return this.#corner ?? defaultCorner(this.#direction());
        const corner = inlineStartCorner(this.#direction());
        return this.#room?.side === 'above' ? { ...corner, vertical: 'top' } : corner;
      },
      // Beside the cart, its side is set: the others make way.
      chosenAt: () => (this.#placement === 'cart' ? Infinity : this.#chosenAt),
    };
    // The floating styles join the player's own, in its shadow root.
    const root = host.renderRoot;
    if (root instanceof ShadowRoot) adoptStyles(root, [...(host.constructor as typeof ReactiveElement).elementStyles, floatingStyles]);
    this.#toolbar.className = 'mini-player-toolbar';
    this.#toolbar.setAttribute('part', 'mini-player-toolbar');
    this.#toolbar.hidden = true;
    this.#toolbar.addEventListener('pointerdown', this.#onPointerDown);
    // Before the box holding the video: the video itself never moves.
    frame.prepend(this.#toolbar);
  }

  /** Where the video floats now, or undefined while it is docked in the player. */
  get placement(): MiniPlayerPlacement | undefined {
    return this.#placement;
  }

  float(placement: MiniPlayerPlacement, room: CartRoom | undefined): void {
    const { frame } = this.#context;
    const entering = this.#placement === undefined;
    const moved = placement !== this.#placement;
    const raise = placement === 'cart' && this.#placement !== 'cart';
    const roomMoved = placement === 'cart' && room?.side !== this.#room?.side;
    this.#placement = placement;
    this.#room = placement === 'cart' ? room : undefined;
    if (entering) {
      frame.popover = 'manual';
      frame.setAttribute('role', 'region');
      this.#toolbar.hidden = false;
    }
    if (placement === 'cart') this.#endDrag();
    this.#render();
    if (raise) this.raise();
    else if (!frame.matches(':popover-open')) frame.showPopover();
    // Once shown, when its toolbar has a height.
    this.#setRoom(room);
    // Placed once shown, when it has a size: the others' places depend on it.
    if (entering) addFloating(this.#box);
    else if (moved || roomMoved) arrangeFloating();
    if (entering && !reducedMotion()) {
      frame.animate([{ opacity: 0, scale: '0.92' }, { opacity: 1, scale: '1' }], { duration: 160, easing: 'ease-out' });
    }
  }

  /** Shows the mini-player again: the latest top-layer entry paints above every other. */
  raise(): void {
    const { frame } = this.#context;
    if (frame.matches(':popover-open')) frame.hidePopover();
    frame.showPopover();
  }

  /** A smaller viewport may no longer have room for a stack. */
  resized(): void {
    if (this.#placement) arrangeFloating();
  }

  dock(): void {
    if (this.#placement === undefined) return;
    const { frame } = this.#context;
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
    this.#room = undefined;
    this.#setRoom(undefined);
    frame.style.removeProperty('--mini-player-stack');
    frame.style.removeProperty('translate');
    this.#toolbar.hidden = true;
    removeFloating(this.#box);
    // The focused button is gone with the toolbar: focus stays with the video rather than fall to the page.
    if (hadFocus) this.#context.video()?.focus({ preventScroll: true });
  }

  /**
   * The room the open cart leaves, for floating.styles.ts: beside it, the width
   * (`--mini-player-room`); above its sheet (a phone), the height, with the toolbar's
   * height and the player's shape, which make the video as large as that height allows.
   */
  #setRoom(room: CartRoom | undefined): void {
    const { frame } = this.#context;
    const { style } = frame;
    if (room?.side === 'beside') style.setProperty('--mini-player-room', `${room.width}px`);
    else style.removeProperty('--mini-player-room');
    frame.toggleAttribute('data-above-cart', room?.side === 'above');
    if (room?.side === 'above') {
      const box = this.#context.host.renderRoot.querySelector('.base')?.getBoundingClientRect();
      style.setProperty('--mini-player-room-height', `${room.height}px`);
      style.setProperty('--mini-player-toolbar-height', `${this.#toolbar.offsetHeight}px`);
      style.setProperty('--mini-player-aspect', String(box && box.height > 0 ? box.width / box.height : 16 / 9));
    } else {
      for (const name of ['--mini-player-room-height', '--mini-player-toolbar-height', '--mini-player-aspect']) style.removeProperty(name);
    }
  }

  #direction(): string {
    return getComputedStyle(this.#context.host).direction;
  }

  #render(): void {
    const strings = this.#context.strings();
    this.#context.frame.setAttribute('aria-label', strings.label);
    const video = this.#context.video();
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
    // Docks when enough of the player is on screen (the controller's IntersectionObserver).
    this.#context.host.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
  };

  #requestPictureInPicture = (): void => {
    this.#context
      .video()
      ?.requestPictureInPicture()
      .catch((error: unknown) => {
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
    this.#context.video()?.pause();
    this.dock();
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
    const { vertical, horizontal } = this.#context.frame.dataset;
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
    const { frame } = this.#context;
    for (const animation of frame.getAnimations()) animation.finish();
    this.#drag = { pointerId: event.pointerId, handle, x: event.clientX, y: event.clientY, box: frame.getBoundingClientRect(), moved: false };
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
    const { frame } = this.#context;
    frame.toggleAttribute('data-dragging', true);
    // Kept on screen: the box never leaves the viewport, wherever the pointer goes.
    const { width, height } = viewport();
    const left = clamp(drag.box.left + dx, 0, width - drag.box.width);
    const top = clamp(drag.box.top + dy, 0, height - drag.box.height);
    frame.style.translate = `${left - drag.box.left}px ${top - drag.box.top}px`;
  };

  #onPointerUp = (event: PointerEvent): void => {
    const drag = this.#drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    this.#endDrag();
    if (!drag.moved) return;
    this.#dragged = drag.handle !== this.#toolbar;
    this.#moveTo(nearestCorner(this.#context.frame.getBoundingClientRect(), viewport()));
  };

  #endDrag(): void {
    const drag = this.#drag;
    if (!drag) return;
    this.#drag = undefined;
    this.#context.frame.removeAttribute('data-dragging');
    drag.handle.removeEventListener('pointermove', this.#onPointerMove);
    drag.handle.removeEventListener('pointerup', this.#onPointerUp);
    drag.handle.removeEventListener('pointercancel', this.#onPointerUp);
    drag.handle.removeEventListener('lostpointercapture', this.#onPointerUp);
    if (drag.handle.hasPointerCapture(drag.pointerId)) drag.handle.releasePointerCapture(drag.pointerId);
  }
}
