// Finds the system Chromium that every browser test, benchmark and example check uses.
// Nothing in this project downloads a browser: set CHROMIUM_PATH to use another build.
import { existsSync } from 'node:fs';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** @returns {string | undefined} the Chromium executable, or undefined when none is installed */
export function findChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return candidates.find((path) => existsSync(path));
}

/** Flags that keep headless Chromium off the network and quiet in containers and CI. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
  '--disable-dev-shm-usage',
];

/** Launch options for playwright's chromium.launch(). */
export function chromiumLaunchOptions() {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error('Chromium is not installed. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH, then run the command again.');
  }
  return { executablePath, headless: true, args: chromiumArgs };
}
