import type { PlayerLocale } from './types.js';

export type { PlayerLocale, PlayerOwnStrings, PlayerTextKey } from './types.js';

// One dynamic import per language: each is its own chunk, which only a page in that
// language loads. English needs none: it is every element's default.
const loaders = new Map<string, () => Promise<PlayerLocale>>([
  ['fr', async () => (await import('./fr.js')).fr],
  ['es', async () => (await import('./es.js')).es],
  ['ar', async () => (await import('./ar.js')).ar],
]);

/** The languages that ship besides English, as language subtags. */
export const LOCALE_LANGUAGES: readonly string[] = [...loaders.keys()];

/**
 * The text for a BCP 47 language tag, picked by its language subtag (`fr-CA` → French,
 * `es-MX` → Spanish, `ar-EG` → Arabic), loaded on first use. Undefined for English and for
 * a language that does not ship: the elements keep their English defaults. Rejects when the
 * language's chunk cannot be loaded.
 */
export async function loadLocale(tag: string): Promise<PlayerLocale | undefined> {
  const language = tag.trim().toLowerCase().split(/[-_]/, 1)[0] ?? '';
  return loaders.get(language)?.();
}
