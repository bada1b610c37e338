#!/usr/bin/env node
// Installs the system programs the tests need when they are missing: Debian's chromium
// (browser tests, with --browser) and redis-server (relay log and scale-out tests, with
// --redis).
// As root on Debian/Ubuntu it runs apt-get; otherwise it says what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium.mjs';

const wantBrowser = process.argv.includes('--browser');
const wantRedis = process.argv.includes('--redis');
const missing = [];
if (wantBrowser && !findChromium()) missing.push('chromium');
if (wantRedis && !onPath('redis-server')) missing.push('redis-server');

function onPath(command) {
  return (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(`${dir}/${command}`));
}

if (missing.length > 0) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`Installing ${missing.join(', ')} with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', ...missing], { stdio: 'inherit', env });
    if (!install || install.status !== 0) {
      console.error(`apt-get could not install ${missing.join(', ')}. Install them yourself, then run the command again.`);
      process.exit(1);
    }
  } else {
    console.error(`Missing: ${missing.join(', ')}. Install them with your package manager (Debian: sudo apt-get install ${missing.join(' ')}), or set CHROMIUM_PATH to a Chromium executable, then run the command again.`);
    process.exit(1);
  }
}
