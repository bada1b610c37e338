/** A corner of the viewport, in physical terms (pointers and arrow keys are physical). */
export interface Corner {
  vertical: 'top' | 'bottom';
  horizontal: 'left' | 'right';
}

/** The bottom corner on the inline-end side: the right, or the left in a right-to-left page. */
export function defaultCorner(direction: string): Corner {
  return { vertical: 'bottom', horizontal: direction === 'rtl' ? 'left' : 'right' };
}

/** The bottom corner on the inline-start side (the side a slide-over cart leaves free). */
export function inlineStartCorner(direction: string): Corner {
  return { vertical: 'bottom', horizontal: direction === 'rtl' ? 'right' : 'left' };
}

/** The corner whose quarter of the viewport holds the centre of `box`. */
export function nearestCorner(box: DOMRectReadOnly, viewport: { width: number; height: number }): Corner {
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  return { vertical: y < viewport.height / 2 ? 'top' : 'bottom', horizontal: x < viewport.width / 2 ? 'left' : 'right' };
}

/** Where an arrow key sends the mini-player: to that side, keeping the other coordinate; undefined for other keys. */
export function cornerForKey(corner: Corner, key: string): Corner | undefined {
  switch (key) {
    case 'ArrowUp':
      return { ...corner, vertical: 'top' };
    case 'ArrowDown':
      return { ...corner, vertical: 'bottom' };
    case 'ArrowLeft':
      return { ...corner, horizontal: 'left' };
    case 'ArrowRight':
      return { ...corner, horizontal: 'right' };
    default:
      return undefined;
  }
}

/** The next corner clockwise (what pressing the move handle does). */
export function nextCorner(corner: Corner): Corner {
  if (corner.vertical === 'top') return corner.horizontal === 'left' ? { vertical: 'top', horizontal: 'right' } : { vertical: 'bottom', horizontal: 'right' };
  return corner.horizontal === 'right' ? { vertical: 'bottom', horizontal: 'left' } : { vertical: 'top', horizontal: 'left' };
}

export function sameCorner(a: Corner, b: Corner): boolean {
  return a.vertical === b.vertical && a.horizontal === b.horizontal;
}
