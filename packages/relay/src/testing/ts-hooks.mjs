// Test support: Node module hooks that run the relay's TypeScript sources in a child
// process (Node 20 cannot strip types), as vitest does in the test process: each .ts file
// is transformed by esbuild, `@live-shop/<name>` resolves to packages/<name>/src/index.ts
// and a relative `./x.js` to `./x.ts`. Registered by register-ts.mjs:
//   node --import ./packages/relay/src/testing/register-ts.mjs script.ts
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

const packagesDir = new URL('../../../', import.meta.url);

export async function resolve(specifier, context, nextResolve) {
  const workspace = /^@live-shop\/([\w-]+)$/.exec(specifier);
  if (workspace) {
    const url = new URL(`${workspace[1]}/src/index.ts`, packagesDir);
    if (existsSync(url)) return { url: url.href, shortCircuit: true };
  }
  if (/^\.\.?\//.test(specifier) && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const url = new URL(`${specifier.slice(0, -3)}.ts`, context.parentURL);
    if (existsSync(url)) return { url: url.href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && url.endsWith('.ts')) {
    const path = fileURLToPath(url);
    const { code } = await transform(await readFile(path, 'utf8'), {
      loader: 'ts',
      format: 'esm',
      target: 'node20',
      sourcefile: path,
      sourcemap: 'inline',
    });
    return { format: 'module', source: code, shortCircuit: true };
  }
  return nextLoad(url, context);
}
