import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

/**
 * `style=${styleProps({left: '40%'})}`: sets inline style properties through the CSSOM
 * (`style.setProperty`), never as a `style` attribute. Lit's `styleMap` writes the
 * attribute on first render, which a page's Content-Security-Policy without
 * `'unsafe-inline'` in `style-src` blocks (and reports); CSSOM changes are allowed.
 * Property names are CSS names (`padding-block-start`).
 */
class StylePropsDirective extends Directive {
  #previous = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ATTRIBUTE || partInfo.name !== 'style') {
      throw new Error('styleProps() goes in a style attribute: style=${styleProps({...})}.');
    }
  }

  render(_properties: Readonly<Record<string, string>>): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [properties]: [Readonly<Record<string, string>>]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.#previous) if (!(name in properties)) style.removeProperty(name);
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    this.#previous = new Set(Object.keys(properties));
    return noChange;
  }
}

export const styleProps = directive(StylePropsDirective);
