import axe from 'axe-core';

/**
 * The accessibility rules an element breaks, as "rule: target…" lines (empty when none).
 * axe looks into shadow roots, nested ones and an open modal dialog included. Page-level
 * rules (landmarks, a page heading) are the host page's business, not a component's.
 * Call with real timers: axe schedules its own work.
 */
export async function axeViolations(element: Element): Promise<string[]> {
  await Promise.all((element.shadowRoot ?? element).getAnimations({ subtree: true }).map((animation) => animation.finished));
  const results = await axe.run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    rules: { region: { enabled: false }, 'page-has-heading-one': { enabled: false }, 'landmark-one-main': { enabled: false } },
  });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
}
