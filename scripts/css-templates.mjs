// Minifies the CSS in Lit's css`…` templates when the browser bundle is built. esbuild
// minifies the JavaScript around them but leaves a template's text as written: the
// elements' styles went into the bundle with their indentation and line breaks (~5% of
// each chunk, gzipped). Each template is minified by esbuild's own CSS minifier, so the
// CSS is parsed, not pattern-matched; a template that is not plain CSS is left as it is.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { transformSync } from 'esbuild';

/** The browsers the bundle is built for (scripts/build-browser.mjs): no newer CSS syntax is written. */
const TARGETS = ['chrome111', 'firefox115', 'safari16'];
const TEMPLATE = /\bcss\s*`((?:[^`\\]|\\[\s\S])*)`/g;

/**
 * `source` with the text of each css`…` template minified. Left as written: a template
 * with `${…}` (its pieces are not CSS on their own), with a backslash (escapes mean one
 * thing in a template and another in CSS), or that esbuild cannot parse. Line breaks are
 * kept after the template, so the lines after it (and their source maps) do not move.
 */
export function minifyCssTemplates(source) {
  return source.replace(TEMPLATE, (template, text) => {
    if (text.includes('${') || text.includes('\\')) return template;
    let minified;
    try {
      const result = transformSync(text, { loader: 'css', minify: true, charset: 'utf8', target: TARGETS, logLevel: 'silent' });
      if (result.warnings.length > 0) return template;
      minified = result.code.trim();
    } catch {
      return template;
    }
    if (minified.includes('`') || minified.includes('\\') || minified.includes('${')) return template;
    const lines = text.split('\n').length - 1;
    return `css\`${minified}${'\n'.repeat(lines)}\``;
  });
}

/**
 * An esbuild plugin that runs {@link minifyCssTemplates} on the project's files. It hands
 * esbuild every file it read, template or not, so none is read twice.
 */
export const cssTemplatesPlugin = {
  name: 'minify-css-templates',
  setup(build) {
    build.onLoad({ filter: /[\\/]packages[\\/].*\.(ts|js)$/ }, (args) => {
      if (/[\\/]node_modules[\\/]/.test(args.path)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      return { contents: /\bcss\s*`/.test(source) ? minifyCssTemplates(source) : source, loader: args.path.endsWith('.ts') ? 'ts' : 'js', resolveDir: dirname(args.path) };
    });
  },
};
