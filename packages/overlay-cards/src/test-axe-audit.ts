// Test support (not part of the build): accessibility audits in Chromium, shared by the
// overlay elements' tests and the player's.
import axe from 'axe-core';

/** Every animation in `root` and the shadow roots inside it, however deep (`getAnimations()` does not look inside them). */
export function allAnimations(root: Document | ShadowRoot | Element = document): Animation[] {
  const own = root instanceof Element ? (root.shadowRoot ?? root).getAnimations({ subtree: true }) : root.getAnimations();
  const scope = root instanceof Element ? (root.shadowRoot ?? root) : root;
  return [...own, ...[...scope.querySelectorAll('*')].flatMap((element) => (element.shadowRoot ? allAnimations(element.shadowRoot) : []))];
}

/**
 * Resolves when the finite animations in `root` (and its shadow roots) have finished:
 * colour contrast is judged on what stays on screen, not on a half-faded first frame.
 */
export async function animationsFinished(root: Document | ShadowRoot | Element = document): Promise<void> {
  await Promise.all(
    allAnimations(root)
      .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
      .map((animation) => animation.finished.catch(() => undefined)),
  );
}

/**
 * The accessibility rules an element breaks, as "rule: target…" lines (empty when none).
 * axe looks into shadow roots, nested ones and an open modal dialog included. Page-level
 * rules (landmarks, a page heading) are the host page's business, not a component's.
 * Entrance animations are let finish first. Call with real timers: axe schedules its own work.
 */
export async function axeViolations(element: Element): Promise<string[]> {
  await animationsFinished(element);
  const results = await axe.run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    rules: { region: { enabled: false }, 'page-has-heading-one': { enabled: false }, 'landmark-one-main': { enabled: false } },
  });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
}
