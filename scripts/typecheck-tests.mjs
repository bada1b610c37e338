#!/usr/bin/env node
// Type-checks every package's tests (the build leaves them out): each package with a
// tsconfig.test.json is checked with `tsc -p`, in turn.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
let failed = false;
for (const name of readdirSync(join(root, 'packages'))) {
  const config = join(root, 'packages', name, 'tsconfig.test.json');
  if (!existsSync(config)) continue;
  const result = spawnSync(process.execPath, [tsc, '-p', config], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed = true;
    console.error(`The tests of packages/${name} do not type-check (see above).`);
  }
}
process.exit(failed ? 1 : 0);
