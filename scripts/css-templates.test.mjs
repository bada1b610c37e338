import { expect, test } from 'vitest';
import { minifyCssTemplates } from './css-templates.mjs';

test('the CSS in css`…` templates is minified; the code around it and its line count stay', () => {
  const source = [
    "import { css } from 'lit';",
    'export const styles = css`',
    '  :host {',
    '    /* the card */',
    '    display: block;',
    "    font-family: 'Inter', sans-serif;",
    '  }',
    '  :host([hidden]) ::part(card) , .a > .b {',
    '    color: color-mix(in srgb, red 50%, white);',
    '  }',
    '  @media (prefers-reduced-motion: reduce) { .c { transition: none; } }',
    '`;',
    'const after = 1;',
  ].join('\n');
  const minified = minifyCssTemplates(source);
  expect(minified.split('\n')).toHaveLength(source.split('\n').length);
  expect(minified.split('\n').at(-1)).toBe('const after = 1;');
  const css = /css`([^`]*)`/.exec(minified)?.[1].trim();
  expect(css).toBe(
    ':host{display:block;font-family:Inter,sans-serif}:host([hidden]) ::part(card),.a>.b{color:color-mix(in srgb,red 50%,white)}@media(prefers-reduced-motion:reduce){.c{transition:none}}',
  );
});

test('tsc writes the tag with a space before the template: minified too', () => {
  expect(minifyCssTemplates('css `\n  .a { color: red; }\n`')).toBe('css`.a{color:red}\n\n`');
});

test('templates that are not plain CSS are left as written', () => {
  const withExpression = 'css`\n  ${shared}\n  .a { color: red; }\n`';
  const withEscape = "css`\n  .a::before { content: '\\\\2014'; }\n`";
  const broken = 'css`\n  .a { color: red;\n`';
  const html = 'html`<p class="x">${text}</p>`';
  for (const source of [withExpression, withEscape, broken, html]) expect(minifyCssTemplates(source)).toBe(source);
});
