import { expect, test } from 'vitest';
import { isTypingTarget, shortcutFor, type Shortcut } from './shortcuts.js';

/** What a document listener (as the console's) makes of a key pressed in `target`: composedPath() only exists during dispatch. */
function press(key: string, init: KeyboardEventInit = {}, target: EventTarget = document.body): Shortcut | undefined {
  let shortcut: Shortcut | undefined;
  const listener = (event: KeyboardEvent) => (shortcut = shortcutFor(event));
  document.addEventListener('keydown', listener, { once: true });
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }));
  document.removeEventListener('keydown', listener);
  return shortcut;
}

test('digits highlight, C clears, everything else is left alone', () => {
  expect(press('1')).toEqual({ kind: 'highlight', index: 0 });
  expect(press('9')).toEqual({ kind: 'highlight', index: 8 });
  expect(press('c')).toEqual({ kind: 'clear-all' });
  expect(press('C', { shiftKey: true })).toEqual({ kind: 'clear-all' });
  for (const key of ['0', 'Escape', 'Enter', ' ', 'x']) expect(press(key)).toBeUndefined();
  expect(press('c', { ctrlKey: true })).toBeUndefined();
  expect(press('2', { metaKey: true })).toBeUndefined();
  expect(press('2', { repeat: true })).toBeUndefined();
});

test('never fires while typing, even in a field inside a shadow root', () => {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = '<input id="text"><input id="box" type="checkbox"><textarea></textarea><select><option>1</option></select><div contenteditable="true"></div><button>b</button>';
  document.body.append(host);
  for (const selector of ['#text', 'textarea', 'select', '[contenteditable]']) {
    const field = root.querySelector(selector)!;
    expect(isTypingTarget(field), selector).toBe(true);
    expect(press('1', {}, field), selector).toBeUndefined();
  }
  for (const selector of ['#box', 'button']) {
    expect(press('1', {}, root.querySelector(selector)!), selector).toEqual({ kind: 'highlight', index: 0 });
  }
  host.remove();
});
