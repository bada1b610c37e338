#!/usr/bin/env node
// A relay for the fan-out benchmark, in its own process (as in production): no rate
// limits, show "bench" created, URL and admin key printed as JSON on stdout.
// REDIS_URL makes it one node of a Redis-backed cluster; DATA_DIR gives it a durable log.
import { startRelay } from '../../packages/relay/dist/index.js';

const adminKey = 'bench-admin-key';
const options = { adminKey, signingSecret: 'bench-signing-secret-of-at-least-32-bytes', rateLimits: false };
if (process.env.REDIS_URL) options.redisUrl = process.env.REDIS_URL;
if (process.env.DATA_DIR) options.dataDir = process.env.DATA_DIR;
// Chat, reactions and votes are not what this measures; their per-show timers stay idle.
const relay = await startRelay(options);
if (!(await relay.shows.find('bench'))) await relay.shows.create({ id: 'bench', title: 'Fan-out benchmark', pdtOffsetMs: 0 });
// A reconnect storm brings every socket back at once: a deep accept queue (the kernel caps it
// at net.core.somaxconn) keeps handshakes from being dropped and retried seconds later.
const url = await relay.app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0), backlog: 4096 });
const { token } = await relay.tokens.issue('bench', 'producer', 3600);
process.stdout.write(`${JSON.stringify({ url, adminKey, token, pid: process.pid })}\n`);
process.once('SIGTERM', async () => {
  await relay.close();
  process.exit(0);
});
