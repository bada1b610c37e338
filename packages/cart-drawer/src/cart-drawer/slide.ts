/** The slide when `--live-shop-cart-duration` is not set or cannot be read. */
const DEFAULT_DURATION_MS = 250;

function durationOf(host: HTMLElement): number {
  const value = getComputedStyle(host).getPropertyValue('--live-shop-cart-duration').trim();
  const match = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(value);
  if (!match) return DEFAULT_DURATION_MS;
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}

/**
 * Slides the panel in from (or out to) the inline-end edge (the bottom edge where it is a
 * sheet, on a phone), and fades the backdrop.
 * Resolves when done, at once with prefers-reduced-motion, and also when a newer slide
 * cancels this one (the caller checks which state won). Web Animations rather than CSS
 * transitions, so that the end is a promise and never a transitionend that may not come.
 */
export async function slide(host: HTMLElement, dialog: HTMLDialogElement, direction: 'in' | 'out'): Promise<void> {
  for (const animation of dialog.getAnimations({ subtree: true })) animation.cancel();
  const duration = durationOf(host);
  if (duration <= 0 || matchMedia('(prefers-reduced-motion: reduce)').matches) return;
  // A sheet (cart-drawer.styles.ts) leaves room above it. There is no logical translate:
  // the inline-end edge is on the left in right-to-left.
  const from = dialog.getBoundingClientRect().top > 0 ? 'translateY(100%)' : `translateX(${getComputedStyle(dialog).direction === 'rtl' ? '-100%' : '100%'})`;
  const panel: Keyframe[] = [{ transform: from }, { transform: 'none' }];
  const backdrop: Keyframe[] = [{ opacity: 0 }, { opacity: 1 }];
  // Sliding out holds its end until the dialog closes (the next slide cancels it), so the
  // panel never flashes back in between.
  const options: KeyframeAnimationOptions =
    direction === 'in' ? { duration, easing: 'ease-out' } : { duration, easing: 'ease-in', fill: 'forwards' };
  if (direction === 'out') {
    panel.reverse();
    backdrop.reverse();
  }
  const animations = [dialog.animate(panel, options), dialog.animate(backdrop, { ...options, pseudoElement: '::backdrop' })];
  await Promise.all(animations.map((animation) => animation.finished)).catch(() => undefined);
}
