// Starts the all-in-one demo (examples/demo/server.mjs) as a child process on a free
// loopback port, waits until it prints its URLs, and stops it by its pid. Used by the
// end-to-end tests and the benchmarks, which need the same thing.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * @param {{ adminKey?: string, env?: Record<string, string>, timeoutMs?: number }} [options]
 * @returns {Promise<{ origin: string, adminKey: string, pid: number, output: () => string, stop: () => Promise<void> }>}
 */
export async function startDemo(options = {}) {
  const adminKey = options.adminKey ?? `test-admin-${process.pid}-${Date.now()}`;
  const child = spawn(process.execPath, [join(root, 'examples/demo/server.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LIVE_SHOP_ADMIN_KEY: adminKey, DEMO_AUTOPILOT: '0', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));

  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const origin = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The demo did not print its URL within ${options.timeoutMs ?? 20_000} ms. Output:\n${output}`)), options.timeoutMs ?? 20_000);
    const onData = () => {
      const match = /Viewer page\s+(http:\/\/[^\s/]+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`The demo exited (code ${code}, signal ${signal}) before it was ready. Did you run the build (npm run build)? Output:\n${output}`));
    });
  });

  return {
    origin,
    adminKey,
    pid: /** @type {number} */ (child.pid),
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        process.kill(/** @type {number} */ (child.pid), 'SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** Mints a token for a show with the admin key, through the public API. */
export async function issueToken(origin, adminKey, show, role) {
  const response = await fetch(`${origin}/v1/shows/${show}/tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ role }),
  });
  if (!response.ok) throw new Error(`Could not issue a ${role} token: ${response.status} ${await response.text()}`);
  return /** @type {{ token: string }} */ (await response.json()).token;
}

/**
 * Posts one event to a show through the public API with a producer token, and returns the
 * stored envelope; throws with the relay's answer unless it is 201.
 */
export async function postEvent(origin, token, body, show = 'demo') {
  const response = await fetch(`${origin}/v1/shows/${show}/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`POST ${body.type} to show ${show} answered ${response.status}: ${await response.text()}`);
  return response.json();
}
