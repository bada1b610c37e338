#!/usr/bin/env node
// Runs every benchmark, prints a table and writes bench/results/<name>.json with the
// machine it ran on, so the numbers quoted in the README can be reproduced.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFanoutBench } from './fanout.mjs';
import { runSyncBench } from './sync.mjs';

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), 'results');
mkdirSync(resultsDir, { recursive: true });
const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
const only = process.argv.slice(2);
const benches = { sync: runSyncBench, fanout: runFanoutBench };

let failed = false;
for (const [name, run] of Object.entries(benches)) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n${name}:`);
  const result = await run();
  const record = { ...result, date: new Date().toISOString(), machine };
  writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify(record, null, 2)}\n`);
  if (name === 'sync') {
    const ms = (value) => `${value.toFixed(1)} ms`.padStart(10);
    console.log(`\n  | sync error (${result.highlights} highlights) |        p50 |        p95 |        max |`);
    console.log('  | --- | ---: | ---: | ---: |');
    console.log(`  | live-shop (card on the frame)     | ${ms(result.scheduled.p50)} | ${ms(result.scheduled.p95)} | ${ms(result.scheduled.max)} |`);
    console.log(`  | naive (card on arrival)           | ${ms(result.onArrival.p50)} | ${ms(result.onArrival.p95)} | ${ms(result.onArrival.max)} |`);
    console.log(`  | DVR rewind (${result.dvr.samples} moments)            | ${ms(result.dvr.p50)} | ${ms(result.dvr.p95)} | ${ms(result.dvr.max)} |`);
    console.log(`  | replay (${result.replay.samples} moments)                | ${ms(result.replay.p50)} | ${ms(result.replay.p95)} | ${ms(result.replay.max)} |`);
    console.log(`\n  viewer latency p50 ${result.viewerLatencyMs.p50.toFixed(0)} ms; bar p95 ≤ ${result.bar.p95} ms: ${result.pass ? 'met' : 'NOT MET'}`);
  }
  if (name === 'fanout') {
    console.log(`\n  | viewers (one node) | join | p50 | p99 | max | lost | doubled | reconnect storm |`);
    console.log('  | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const row of result.rows) console.log(`  | ${row.viewers} | ${row.joinMs} ms | ${row.p50} ms | ${row.p99} ms | ${row.max} ms | ${row.lost} | ${row.duplicates} | ${row.stormMs} ms |`);
    console.log(`\n  | viewers (2 nodes + Redis) | join | p50 | p99 | max | lost | doubled |`);
    console.log('  | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const row of result.clusterRows) console.log(`  | ${row.viewers} | ${row.joinMs} ms | ${row.p50} ms | ${row.p99} ms | ${row.max} ms | ${row.lost} | ${row.duplicates} |`);
    console.log(`\n  bar: ${result.bar.viewers} sockets, p99 ≤ ${result.bar.p99} ms, nothing lost: ${result.pass ? 'met' : 'NOT MET'}`);
  }
  failed ||= result.pass === false;
  console.log(`  → bench/results/${name}.json`);
}
process.exit(failed ? 1 : 0);
