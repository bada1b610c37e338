import { nextCorner, sameCorner, type Corner } from './corners.js';
import { viewport } from './viewport.js';

/** Space between two mini-players stacked in one corner (px). */
const GAP = 12;

/** What the stack needs of a floating mini-player. */
export interface FloatingBox {
  /** The box in the top layer; the stack sets its `data-vertical`, `data-horizontal` and `--mini-player-stack`. */
  readonly frame: HTMLElement;
  /** The corner it goes to when that corner has room. */
  corner(): Corner;
  /**
   * When the viewer put it in its corner (`performance.now()`; Infinity beside the open
   * cart, whose side is set), or undefined where it floats by default. A box put somewhere
   * keeps its corner, the latest choice first; the others make way.
   */
  chosenAt(): number | undefined;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

// Module-level, so nothing is added to the page's globals. Every player of a page shares it,
// as they share one <live-shop> class: a second copy of the SDK finds the tag defined and
// defines nothing, so its copy of this module has no boxes.
const floating = new Set<FloatingBox>();

export function reducedMotion(): boolean {
  return matchMedia('(prefers-reduced-motion: reduce)').matches;
}


/** Puts `frame` at `corner`, `stack` px further from the edge than its offset, and says where it is then (transforms aside). */
function put(frame: HTMLElement, corner: Corner, stack: number): Box {
  frame.dataset['vertical'] = corner.vertical;
  frame.dataset['horizontal'] = corner.horizontal;
  frame.style.setProperty('--mini-player-stack', `${stack}px`);
  // The used insets of a positioned box: the anchored side's and the other one alike.
  const style = getComputedStyle(frame);
  const left = Number.parseFloat(style.left);
  const top = Number.parseFloat(style.top);
  return { left, top, right: left + frame.offsetWidth, bottom: top + frame.offsetHeight };
}

function overlap(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * Places every floating box so that none covers another: first the ones the viewer put
 * somewhere (or the cart did), each in its corner; then the others in the order they
 * floated, each in its corner stacked over the boxes already there, or, when that leaves
 * the viewport or covers one, in the next corner clockwise that has room. With no room
 * anywhere (a small screen) a box takes its own corner as if alone. Boxes that move slide
 * there, unless the viewer prefers reduced motion; `entering` (just shown) does not.
 */
export function arrangeFloating(entering?: FloatingBox): void {
  const { width, height } = viewport();
  const boxes = [...floating].sort((a, b) => (b.chosenAt() ?? -1) - (a.chosenAt() ?? -1));
  const taken: { corner: Corner; box: Box }[] = [];
  const moves: [HTMLElement, DOMRect, Box][] = [];
  for (const box of boxes) {
    const frame = box.frame;
    const from = frame.getBoundingClientRect();
    frame.style.removeProperty('translate');
    const wanted = box.corner();
    let place: { corner: Corner; box: Box } | undefined;
    for (let corner = wanted, tries = box.chosenAt() === undefined ? 4 : 1; tries > 0 && !place; corner = nextCorner(corner), tries--) {
      const stack = taken.reduce((sum, other) => (sameCorner(other.corner, corner) ? sum + other.box.bottom - other.box.top + GAP : sum), 0);
      const at = put(frame, corner, stack);
      if (at.left >= 0 && at.top >= 0 && at.right <= width && at.bottom <= height && !taken.some((other) => overlap(other.box, at))) place = { corner, box: at };
    }
    place ??= { corner: wanted, box: put(frame, wanted, 0) };
    taken.push(place);
    if (box !== entering) moves.push([frame, from, place.box]);
  }
  if (reducedMotion()) return;
  for (const [frame, from, to] of moves) {
    const dx = from.left - to.left;
    const dy = from.top - to.top;
    if (dx !== 0 || dy !== 0) frame.animate([{ translate: `${dx}px ${dy}px` }, { translate: '0px 0px' }], { duration: 200, easing: 'ease-out' });
  }
}

/** `box` floats: it takes a free place, and the others make way for it if it was put somewhere. */
export function addFloating(box: FloatingBox): void {
  floating.add(box);
  arrangeFloating(box);
}

/** `box` docked: the others close up. */
export function removeFloating(box: FloatingBox): void {
  if (floating.delete(box)) arrangeFloating();
}
