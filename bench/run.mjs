#!/usr/bin/env node
// Runs every benchmark, prints a table and writes bench/results/<name>.json with the
// machine it ran on, so the numbers quoted in the README can be reproduced.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFanoutBench } from './fanout.mjs';
import { runFirstFrameBench } from './first-frame.mjs';
import { runLongTasksBench } from './long-tasks.mjs';
import { runSyncBench } from './sync.mjs';

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), 'results');
mkdirSync(resultsDir, { recursive: true });
const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
const only = process.argv.slice(2);
const benches = { sync: runSyncBench, fanout: runFanoutBench, 'long-tasks': runLongTasksBench, 'first-frame': runFirstFrameBench };

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
  if (name === 'long-tasks') {
    const { load, page, longTasks: tasks, longAnimationFrames: frames } = result;
    const ms = (value) => `${value.toFixed(1)} ms`;
    console.log(`\n  | ${load.durationMs / 1000} s, ${load.messagesPerSecondAsked} chat messages/s, a highlight every 3 s | count | p50 | max | total | with SDK script | SDK > 50 ms |`);
    console.log('  | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    console.log(`  | long tasks | ${tasks.count} | ${ms(tasks.p50)} | ${ms(tasks.max)} | ${ms(tasks.total)} | — | ${tasks.sdkOver50} (most SDK in one: ${ms(tasks.maxSdkMs)}) |`);
    console.log(`  | long animation frames | ${frames.count} | ${ms(frames.p50)} | ${ms(frames.max)} | ${ms(frames.total)} | ${frames.withSdkScript} | ${frames.sdkOver50} (most SDK in one: ${ms(frames.maxSdkMs)}) |`);
    console.log(`\n  chat: ${load.accepted} messages accepted (${load.acceptedPerSecond}/s from ${load.sockets} sockets), ${page.messagesReceived} reached the page; ${page.chatRows.min}–${page.chatRows.max} rows in the DOM`);
    console.log(`  highlights: ${load.highlightsPosted} posted, ${page.cardsShown} cards shown; video: ${page.droppedVideoFrames} of ${page.videoFrames} frames dropped, ${page.videoStalls} stalls (${page.videoStalledMs} ms), ${(page.behindLiveMs.last / 1000).toFixed(1)} s behind live at the end`);
    const { cpu } = result;
    console.log(`  CPU (% of one core, ${cpu.cores} cores): browser ${cpu.browserPct}, relay ${cpu.relayPct}, chat viewers ${cpu.chatClientsPct}, bench ${cpu.benchPct}, other processes ${cpu.othersPct}${cpu.stealPct === undefined ? '' : `, taken by the host for other machines (steal) ${cpu.stealPct}`}${cpu.othersPct > 20 ? ' (the machine was not quiet: numbers are worse than they should be)' : ''}`);
    console.log(`  SDK script time in long frames ${ms(frames.sdkScriptTotalMs)}, other scripts ${ms(frames.otherScriptTotalMs)}; most: ${result.sdkScripts[0]?.place ?? 'none'}`);
    console.log(`\n  bar: no long task or animation frame with > ${result.bar.sdkMs} ms of SDK script: ${result.pass ? 'met' : 'NOT MET'}${result.loafSupported ? '' : ' (no Long Animation Frames API: nothing attributed)'}`);
  }
  if (name === 'first-frame') {
    const { cold, warm } = result;
    const ms = (value) => `${value.toFixed(0)} ms`;
    const tasks = ({ longTasks }, samples) => `${longTasks.samplesWithAny}/${samples} | ${longTasks.samplesWithElementsScript}/${samples}`;
    console.log(`\n  | first frame, live stream (cold cache, ${result.samples} loads each) | p50 | p95 | loads with a long task before it | … with the SDK's elements in it |`);
    console.log('  | --- | ---: | ---: | ---: | ---: |');
    console.log(`  | bare hls.js <video> | ${ms(cold.bare.firstFrameMs.p50)} | ${ms(cold.bare.firstFrameMs.p95)} | ${tasks(cold.bare, result.samples)} |`);
    console.log(`  | live-shop embed (loader + <live-shop>) | ${ms(cold['live-shop'].firstFrameMs.p50)} | ${ms(cold['live-shop'].firstFrameMs.p95)} | ${tasks(cold['live-shop'], result.samples)} |`);
    console.log(`\n  ratio of medians ${cold.ratio.toFixed(2)} (p50 of the ratio within each pair ${cold.pairedRatioP50.toFixed(2)}); warm cache (${result.warmSamples} each): ${ms(warm.bare.firstFrameMs.p50)} vs ${ms(warm['live-shop'].firstFrameMs.p50)}, ratio ${warm.ratio.toFixed(2)}`);
    for (const page of ['bare', 'live-shop']) {
      console.log(`  ${page} phases (p50, ms from navigation start): ${Object.entries(cold[page].phasesP50).map(([phase, value]) => `${phase} ${value.toFixed(0)}`).join(', ')}`);
    }
    console.log(`  playing at its first frame: bare ${cold.bare.playingAtFirstFrame}/${result.samples}, live-shop ${cold['live-shop'].playingAtFirstFrame}/${result.samples}; CPU of other processes during the run: ${result.cpu.othersPct}% of one core (of ${result.cpu.machinePct}% busy)`);
    const scriptMs = (page) => Object.entries(cold[page].longTasks.scriptMs).map(([kind, value]) => `${kind} ${value.toFixed(0)}`).join(', ');
    console.log(`  script time in those long tasks (ms, all loads): bare ${scriptMs('bare')}; live-shop ${scriptMs('live-shop')}`);
    console.log(`\n  bar: ratio ≤ ${result.bar.ratio} and no long task with the SDK's elements before the first frame: ${result.pass ? 'met' : 'NOT MET'}`);
  }
  failed ||= result.pass === false;
  console.log(`  → bench/results/${name}.json`);
}
process.exit(failed ? 1 : 0);
