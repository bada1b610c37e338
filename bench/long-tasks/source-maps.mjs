// Turns a LoAF script's place in the minified bundle (a /sdk/ URL and a character
// position) into the original file and line, through the bundle's source maps, so the
// report says "engine.io-client/…/websocket.js:48", not "relay-source-KP4Z5343.js:12674".
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one line of a source map's `mappings` into [column, source, line, sourceColumn] segments (absolute). */
function* segments(line, state) {
  for (const segment of line.split(',')) {
    if (segment === '') continue;
    const values = [];
    let value = 0;
    let shift = 0;
    for (const char of segment) {
      const digit = BASE64.indexOf(char);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        values.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    state.column += values[0];
    if (values.length >= 4) {
      state.source += values[1];
      state.line += values[2];
      state.sourceColumn += values[3];
      yield [state.column, state.source, state.line, state.sourceColumn];
    }
  }
}

/**
 * Maps SDK script URLs and character positions to original places, reading the bundle in
 * `bundleDir`; places are named relative to `root` (the repository).
 */
export function createSourceMapper(bundleDir, root) {
  const files = new Map();
  const load = (path) => {
    if (!files.has(path)) {
      const file = join(bundleDir, path);
      files.set(path, existsSync(file) && existsSync(`${file}.map`) ? { code: readFileSync(file, 'utf8'), map: JSON.parse(readFileSync(`${file}.map`, 'utf8')) } : undefined);
    }
    return files.get(path);
  };
  /** "engine.io-client/build/esm/transports/websocket.js:48" for ("chunks/relay-source-….js", 12674), or undefined. */
  return (path, charPosition) => {
    const file = load(path);
    if (!file || !(charPosition >= 0)) return undefined;
    const before = file.code.slice(0, charPosition);
    const lineIndex = before.split('\n').length - 1;
    const column = charPosition - (before.lastIndexOf('\n') + 1);
    // Source, line and column run on across lines; only the generated column restarts.
    const state = { column: 0, source: 0, line: 0, sourceColumn: 0 };
    const lines = file.map.mappings.split(';');
    let found;
    for (let index = 0; index <= lineIndex && index < lines.length; index++) {
      state.column = 0;
      for (const segment of segments(lines[index], state)) if (index === lineIndex && segment[0] <= column) found = segment;
    }
    if (!found) return undefined;
    const source = relative(root, resolve(dirname(join(bundleDir, path)), file.map.sourceRoot ?? '', file.map.sources[found[1]] ?? '?'));
    // "node_modules/.pnpm/x@1/node_modules/x/…" → "x/…"; the project's own files stay as they are.
    const short = source.includes('node_modules/') ? source.slice(source.lastIndexOf('node_modules/') + 'node_modules/'.length) : source;
    return `${short}:${found[2] + 1}`;
  };
}
