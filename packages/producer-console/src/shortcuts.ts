/**
 * Keyboard shortcuts: producers work fast, with their eyes on the preview. Digits
 * highlight a product, C clears every highlight. Escape is left alone (dialogs and
 * browser fullscreen use it), and nothing fires while the producer types in a field.
 */
export type Shortcut = { kind: 'highlight'; index: number } | { kind: 'clear-all' };

/** What the console shows on screen, in this order. */
export const SHORTCUT_HELP: readonly { keys: string; label: string }[] = [
  { keys: '1–9', label: 'Highlight the product with that number' },
  { keys: 'C', label: 'Clear all highlights' },
];

/** Inputs whose keys are text: a digit there is a digit, not a shortcut. */
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'image', 'radio', 'range', 'reset', 'submit']);

/** True when keys pressed in `target` are typing (text fields, selects, editable content). */
export function isTypingTarget(target: EventTarget | null | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  return false;
}

/**
 * The shortcut a key press asks for, or undefined. Reads the deepest target of the event
 * (`composedPath()[0]`): fields inside shadow roots are retargeted to their host.
 */
export function shortcutFor(event: KeyboardEvent): Shortcut | undefined {
  if (event.defaultPrevented || event.repeat || event.isComposing) return undefined;
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  if (isTypingTarget(event.composedPath()[0])) return undefined;
  if (/^[1-9]$/.test(event.key)) return { kind: 'highlight', index: Number(event.key) - 1 };
  if (event.key === 'c' || event.key === 'C') return { kind: 'clear-all' };
  return undefined;
}
