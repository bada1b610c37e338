#!/usr/bin/env node
// Relay fan-out: N viewer sockets (1k, 4k, 8k) on one relay process, 20 events posted;
// emit-to-receive delay p50/p99 (relay receive time → viewer arrival) and messages lost.
// Then a reconnect storm: the relay is killed and restarted on its durable log, and every
// viewer must come back with the right state. Bar (docs/design.md): 8k sockets,
// p99 ≤ 250 ms, nothing lost.
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { postEvent } from '../scripts/test/demo-process.mjs';
import { startRedis } from '../scripts/test/redis-server.mjs';
import { percentile } from '../scripts/test/sync-probe.mjs';

const here = join(dirname(fileURLToPath(import.meta.url)), 'fanout');
const EVENTS = 20;

export function startRelay(env) {
  const child = spawn(process.execPath, [join(here, 'relay-process.mjs')], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve({ ...JSON.parse(line), child });
    });
    child.once('exit', (code) => reject(new Error(`The relay exited with code ${code} before it was ready.`)));
  });
}

export function startClients(url, count) {
  const child = fork(join(here, 'clients-process.mjs'), { env: { ...process.env, RELAY_URL: url, COUNT: String(count) } });
  const waiters = new Map();
  const synced = new Map();
  child.on('message', (message) => {
    if (message.kind === 'synced') synced.set(message.index, message.seq);
    waiters.get(message.kind)?.(message);
  });
  const next = (kind) => new Promise((resolve) => waiters.set(kind, resolve));
  return {
    ready: next('ready'),
    synced,
    async connect() {
      const joined = next('joined');
      child.send({ kind: 'connect' });
      await joined;
    },
    async report() {
      const report = next('report');
      child.send({ kind: 'report' });
      return report;
    },
    close: () => child.send({ kind: 'close' }),
  };
}


const catalog = {
  type: 'catalog.set',
  data: { products: [{ id: 'p1', handle: 'p1', title: 'Bench product', images: [], price: { amount: '10.00', currencyCode: 'USD' }, variants: [] }] },
};

async function waitFor(condition, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Posts the catalog and EVENTS events to `relay`, and collects every viewer's deliveries. */
export async function measureDelivery(relay, groups, viewers) {
  await postEvent(relay.url, relay.token, catalog, 'bench');
  let lastSeq = 0;
  for (let index = 0; index < EVENTS; index++) {
    lastSeq = (await postEvent(relay.url, relay.token, index % 2 ? { type: 'product.clear', data: {} } : { type: 'product.highlight', data: { productId: 'p1' } }, 'bench')).seq;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // Every viewer has every event (or the deadline passes and what is missing is lost).
  const reports = [];
  const deadline = Date.now() + 10_000;
  for (;;) {
    const round = await Promise.all(groups.map((group) => group.report()));
    reports.push(...round);
    const delivered = reports.reduce((sum, report) => sum + report.delays.length, 0);
    if (delivered >= viewers * EVENTS || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const delays = reports.flatMap((report) => report.delays);
  const duplicates = reports.reduce((sum, report) => sum + report.duplicates, 0);
  return {
    p50: percentile(delays, 50),
    p99: percentile(delays, 99),
    max: delays.reduce((max, delay) => Math.max(max, delay), 0),
    lost: viewers * EVENTS - (delays.length - duplicates),
    duplicates,
    lastSeq,
  };
}

/** One node, `viewers` sockets over two client processes. */
export async function runFanout(viewers) {
  const dataDir = mkdtempSync(join(tmpdir(), 'live-shop-bench-'));
  let relay = await startRelay({ DATA_DIR: dataDir });
  const groups = [startClients(relay.url, Math.ceil(viewers / 2)), startClients(relay.url, Math.floor(viewers / 2))];
  try {
    await Promise.all(groups.map((group) => group.ready));
    const joinStarted = Date.now();
    await Promise.all(groups.map((group) => group.connect()));
    const joinMs = Date.now() - joinStarted;
    const result = { viewers, joinMs, ...(await measureDelivery(relay, groups, viewers)) };
    const lastSeq = result.lastSeq;

    // Reconnect storm: the relay dies (SIGKILL) and comes back on the same port and log.
    const port = new URL(relay.url).port;
    relay.child.kill('SIGKILL');
    for (const group of groups) group.synced.clear();
    const stormStarted = Date.now();
    relay = await startRelay({ DATA_DIR: dataDir, PORT: port });
    await waitFor(() => groups.reduce((sum, group) => sum + [...group.synced.values()].filter((seq) => seq >= lastSeq).length, 0) >= viewers, 60_000, 'every viewer to rejoin');
    result.stormMs = Date.now() - stormStarted;
    return result;
  } finally {
    for (const group of groups) group.close();
    relay.child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Two relay nodes sharing a real redis-server; half the viewers on each; events posted to the first. */
export async function runFanoutCluster(viewers) {
  const redis = await startRedis();
  const relays = [];
  const groups = [];
  try {
    relays.push(await startRelay({ REDIS_URL: redis.url }), await startRelay({ REDIS_URL: redis.url }));
    groups.push(startClients(relays[0].url, Math.ceil(viewers / 2)), startClients(relays[1].url, Math.floor(viewers / 2)));
    await Promise.all(groups.map((group) => group.ready));
    const joinStarted = Date.now();
    await Promise.all(groups.map((group) => group.connect()));
    const joinMs = Date.now() - joinStarted;
    return { nodes: 2, joinMs, ...(await measureDelivery(relays[0], groups, viewers)) };
  } finally {
    for (const group of groups) group.close();
    // The relays first, so that they do not see Redis vanish under them.
    await Promise.all(relays.map((relay) => new Promise((resolve) => {
      relay.child.once('exit', resolve);
      relay.child.kill('SIGTERM');
    })));
    await redis.stop();
  }
}

export async function runFanoutBench(sizes = [1000, 4000, 8000]) {
  const rows = [];
  for (const viewers of sizes) {
    const row = await runFanout(viewers);
    console.log(`  ${String(viewers).padStart(5)} viewers: join ${row.joinMs} ms, p50 ${row.p50} ms, p99 ${row.p99} ms, max ${row.max} ms, lost ${row.lost}, doubled ${row.duplicates}, storm ${row.stormMs} ms`);
    rows.push(row);
  }
  const clusterRows = [];
  for (const viewers of sizes) {
    const row = await runFanoutCluster(viewers);
    console.log(`  ${String(viewers).padStart(5)} viewers on 2 nodes + Redis: join ${row.joinMs} ms, p50 ${row.p50} ms, p99 ${row.p99} ms, max ${row.max} ms, lost ${row.lost}, doubled ${row.duplicates}`);
    clusterRows.push({ viewers, ...row });
  }
  const top = rows.at(-1);
  return { name: 'fanout', events: EVENTS, rows, clusterRows, bar: { viewers: 8000, p99: 250, lost: 0 }, pass: top.viewers >= 8000 && top.p99 <= 250 && top.lost === 0 };
}
