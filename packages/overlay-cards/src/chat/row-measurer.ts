import type { RowHeights } from './row-layout.js';

/**
 * Measures the chat's rendered rows only when their height can have changed. A row is
 * measured once, when it is first rendered (at once, so the layout is right before the
 * frame is painted); a ResizeObserver then reports it only if it changes size (its time
 * or text in another locale, the own-message mark, a web font arriving). So an update
 * that adds no row (a keystroke, a countdown tick, a message while scrolled up) reads no
 * row's size at all. A new list width re-wraps every row: `forgetAll()` has them measured
 * again as they are rendered.
 */
export class RowMeasurer {
  readonly #heights: RowHeights;
  readonly #observer: ResizeObserver;
  /** The message id each row element was measured for. */
  #measured = new WeakMap<Element, string>();
  readonly #watched = new Set<Element>();
  #toWatch: Element[] = [];
  #frame: number | undefined;

  /** @param onChange Called when a watched row's height changed (`heights` has the new one). */
  constructor(heights: RowHeights, onChange: () => void) {
    this.#heights = heights;
    this.#observer = new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const id = (entry.target as HTMLElement).dataset['messageId'];
        const height = entry.borderBoxSize[0]?.blockSize ?? 0;
        // 0: the row left the page or the chat is hidden; neither is the row's height.
        if (id !== undefined && height > 0 && this.#heights.set(id, height)) changed = true;
      }
      if (changed) onChange();
    });
  }

  /** Measures the rows in `container` not measured yet; true when a known height changed. */
  measureNew(container: Element): boolean {
    let changed = false;
    for (const row of container.children) {
      const id = (row as HTMLElement).dataset['messageId'];
      if (id === undefined || this.#measured.get(row) === id) continue;
      const height = row.getBoundingClientRect().height;
      if (height === 0) continue;
      this.#measured.set(row, id);
      if (this.#heights.set(id, height)) changed = true;
      this.#watch(row);
    }
    for (const row of this.#watched) {
      if (row.parentNode === container) continue;
      this.#observer.unobserve(row);
      this.#watched.delete(row);
    }
    return changed;
  }

  /** Every row is measured again as it is rendered (a new width wraps them differently). */
  forgetAll(): void {
    this.#measured = new WeakMap();
  }

  disconnect(): void {
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
    this.#toWatch = [];
    this.#observer.disconnect();
    this.#watched.clear();
    this.forgetAll();
  }

  #watch(row: Element): void {
    if (this.#watched.has(row)) return;
    this.#watched.add(row);
    this.#toWatch.push(row);
    // Observing starts with a report of the row's current size. Started in an update that a
    // row's resize caused, that report would come at the same depth in the same frame, which
    // the browser refuses ("ResizeObserver loop completed with undelivered notifications"):
    // start in the next frame. A size change in between is in that first report.
    this.#frame ??= requestAnimationFrame(() => {
      this.#frame = undefined;
      for (const pending of this.#toWatch) if (this.#watched.has(pending)) this.#observer.observe(pending);
      this.#toWatch = [];
    });
  }
}
