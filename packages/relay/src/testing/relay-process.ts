// Test support (not part of the build): a relay with a data directory (the crash test)
// or on a Redis (RELAY_REDIS_URL: the scale-out test) in a process of its own. Run it
// through the TypeScript hooks:
//   RELAY_DATA_DIR=… node --import ./packages/relay/src/testing/register-ts.mjs packages/relay/src/testing/relay-process.ts
// It prints "relay listening on <url>" once it serves, and closes cleanly on SIGTERM.
import { startRelay } from '../index.js';

const dataDir = process.env.RELAY_DATA_DIR;
const redisUrl = process.env.RELAY_REDIS_URL;
if (!dataDir && !redisUrl) throw new Error('Set RELAY_DATA_DIR to the data directory, or RELAY_REDIS_URL to a Redis URL.');

const relay = await startRelay({
  ...(dataDir ? { dataDir } : { redisUrl }),
  adminKey: process.env.RELAY_ADMIN_KEY ?? 'test-admin-key',
  signingSecret: process.env.RELAY_SIGNING_SECRET ?? 'a-test-signing-secret-of-32-bytes!',
  rateLimits: false,
});
const url = await relay.app.listen({ port: 0, host: '127.0.0.1' });
process.on('SIGTERM', () => {
  void relay.close().then(() => process.exit(0));
});
process.stdout.write(`relay listening on ${url}\n`);
