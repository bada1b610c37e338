/** How a word is compared: Unicode compatibility form (fullwidth letters…), lowercase. */
export function normalizeWord(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function escapeRegExp(text: string): string {
  // Syntax characters only: in a `u` regex, escaping anything else is an error.
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/**
 * A show's blocked words and phrases, matched as whole words in any case: "spam" blocks
 * "SPAM!" and "buy spam now" but not "spammer" or "antispam".
 */
export class Blocklist {
  readonly words: readonly string[];
  readonly #pattern: RegExp | undefined;

  constructor(words: Iterable<string>) {
    this.words = [...new Set([...words].map((word) => normalizeWord(word.trim())).filter((word) => word.length > 0))].sort();
    const alternatives = this.words.map((word) => escapeRegExp(word).replace(/\s+/g, '\\s+'));
    // A word boundary that knows every script: no letter, digit or "_" on either side.
    this.#pattern = alternatives.length === 0 ? undefined : new RegExp(`(?<![\\p{L}\\p{N}\\p{M}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}\\p{M}_])`, 'u');
  }

  /** True when `text` contains a blocked word or phrase. */
  matches(text: string): boolean {
    return this.#pattern !== undefined && this.#pattern.test(normalizeWord(text));
  }
}
