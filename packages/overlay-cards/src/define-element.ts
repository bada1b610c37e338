/** A custom element class that says which version of the SDK it comes from. */
export interface VersionedElement extends CustomElementConstructor {
  readonly version: string;
}

/**
 * Defines `tag` unless it is already defined. Brands load the SDK twice (a CMS plugin and a
 * script tag), and a second `customElements.define` throws and would break their page;
 * the first definition wins, and a different version is reported so the mismatch can be
 * found.
 */
export function defineElement(tag: string, element: VersionedElement): void {
  const existing = customElements.get(tag) as Partial<VersionedElement> | undefined;
  if (existing === undefined) {
    customElements.define(tag, element);
    return;
  }
  if (existing !== element && existing.version !== element.version) {
    console.warn(
      `[live-shop] <${tag}> is already defined by version ${existing.version ?? 'unknown'}; ` +
        `version ${element.version} was not registered. Load the live-shop script only once on the page.`,
    );
  }
}
