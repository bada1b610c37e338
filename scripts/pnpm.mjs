#!/usr/bin/env node
// Runs the pnpm version pinned in package.json's "packageManager" without corepack:
// corepack's signature check fails against some registries and mirrors, while `npx`
// works wherever npm does. Any arguments are passed to pnpm; dependencies are installed
// first when node_modules is missing or older than the lockfile.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpm = packageManager.split('+')[0]; // "pnpm@10.x.y"
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(args) {
  const result = spawnSync(npx, ['--yes', pnpm, ...args], { cwd: root, stdio: 'inherit' });
  if (result.error) {
    console.error(`Could not start ${pnpm} through npx (${result.error.message}). Check that Node and npm are on PATH.`);
    process.exit(1);
  }
  return result.status ?? 1;
}

function needsInstall() {
  const marker = join(root, 'node_modules', '.modules.yaml');
  if (!existsSync(marker)) return true;
  const lock = join(root, 'pnpm-lock.yaml');
  return existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs;
}

const args = process.argv.slice(2);
if (args[0] !== 'install' && needsInstall()) {
  const frozen = process.env.CI ? ['--frozen-lockfile'] : [];
  const status = run(['install', ...frozen]);
  if (status !== 0) {
    console.error('Installing dependencies failed: pnpm says why above (often the network, or a lockfile that needs `pnpm install` after a package.json change). Fix that, then run the command again.');
    process.exit(status);
  }
}
process.exit(run(args));
