// Test support for the audience elements (not part of the build).
export { axeViolations } from '../test-axe-audit.js';
import type {} from '@vitest/browser-playwright';
import { cdp } from 'vitest/browser';

/**
 * Emulates the viewer's `prefers-reduced-motion` in this Chromium (through the DevTools
 * protocol, as Playwright's `emulateMedia` does); `undefined` goes back to the default.
 * Media query listeners fire as they would for a real change of the setting.
 */
export async function emulateReducedMotion(value: 'reduce' | 'no-preference' | undefined): Promise<void> {
  await cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-reduced-motion', value: value ?? '' }] });
}

/** An element's shadow part (the first with that part name). */
export function part<T extends HTMLElement = HTMLElement>(element: Element, name: string): T | null {
  return element.shadowRoot?.querySelector<T>(`[part~="${name}"]`) ?? null;
}

/** Every shadow part with that name. */
export function parts<T extends HTMLElement = HTMLElement>(element: Element, name: string): T[] {
  return [...(element.shadowRoot?.querySelectorAll<T>(`[part~="${name}"]`) ?? [])];
}

/** Markup that would run if rendered as HTML. */
export const INJECTED = '<img src=x onerror="window.__liveShopAudienceXss=1"><script>window.__liveShopAudienceXss=2</script>';

export function injectedRan(): boolean {
  return (window as { __liveShopAudienceXss?: number }).__liveShopAudienceXss !== undefined;
}
