// What the first-frame bench makes of each page load (the probe's record), and of all of
// them: first frame, phases, long tasks and whose scripts ran in them.
import { percentile } from '../../scripts/test/sync-probe.mjs';

export const PAGES = ['bare', 'live-shop'];

/**
 * One load: the first frame (ms from navigation start), the phases before it, and the
 * long tasks that started before it with the time each kind of script ran in them (from
 * the Long Animation Frames that overlap them: scripts of 5 ms or more, each named by the
 * script that was called, so hls.js' work called from the SDK's loader counts as the
 * loader's, and on the bare page as the page's): `hlsJs` (the chunk `scripts.hlsModule`),
 * `engine` (the SDK's code that starts it: the loader and the engine's chunks,
 * `scripts.engine`), `elements` (the rest of /sdk/: the elements, the relay client),
 * `page` (anything else: the bare page's inline script).
 */
export function measureOf(record, scripts) {
  const { firstFrame, nextFrame } = record;
  // A first callback that came late (the main thread was busy; the compositor shows frames
  // without it) reports several frames presented: step back by the video's frame duration.
  const frameMs = nextFrame.presentedFrames > firstFrame.presentedFrames ? ((nextFrame.mediaTime - firstFrame.mediaTime) * 1000) / (nextFrame.presentedFrames - firstFrame.presentedFrames) : 0;
  const firstFrameMs = firstFrame.presentationTime - (firstFrame.presentedFrames - 1) * frameMs;
  const first = (test) => record.resources.find((resource) => test(resource.path));
  const playlist = first((path) => path === '/hls/live.m3u8');
  const segment = first((path) => /^\/hls\/live\/seg-\d+\.ts$/.test(path));
  // Only what happened before the first frame: the rest is not on its path.
  const before = (value) => (value !== undefined && value < firstFrameMs ? round(value) : undefined);
  const phases = {
    html: before(record.marks.responseEnd),
    hlsJsLoaded: before(first((path) => path === scripts.hlsModule)?.end),
    domContentLoaded: before(record.marks.domContentLoaded),
    elementDefined: before(record.marks.elementDefined),
    playlistRequested: before(playlist?.start),
    playlistLoaded: before(playlist?.end),
    firstSegmentLoaded: before(segment?.end),
    firstFrame: round(firstFrameMs),
  };
  const kindOf = (url) => {
    const path = url ? new URL(url).pathname : '';
    if (path === scripts.hlsModule) return 'hlsJs';
    if (scripts.engine.has(path)) return 'engine';
    return path.startsWith('/sdk/') ? 'elements' : 'page';
  };
  const ran = record.frames.flatMap((frame) => frame.scripts);
  const longTasks = record.tasks
    .filter((task) => task.start < firstFrameMs)
    .map((task) => {
      const end = task.start + task.duration;
      const byKind = { hlsJs: 0, engine: 0, elements: 0, page: 0 };
      for (const script of ran) {
        const overlap = Math.min(script.start + script.duration, end) - Math.max(script.start, task.start);
        if (overlap > 0) byKind[kindOf(script.sourceURL)] += overlap;
      }
      return { start: round(task.start), duration: round(task.duration), ...Object.fromEntries(Object.entries(byKind).map(([kind, ms]) => [kind, round(ms)])) };
    });
  return {
    firstFrameMs: round(firstFrameMs),
    firstCallbackFrames: firstFrame.presentedFrames,
    playing: firstFrame.playing,
    phases,
    longTasks,
    requests: record.resources.filter((resource) => resource.start < firstFrameMs).length,
    kilobytes: round(record.resources.filter((resource) => resource.end <= firstFrameMs).reduce((total, resource) => total + resource.transferSize, 0) / 1024),
  };
}

/** Per page: p50/p95, the median of each phase seen in most loads, the long tasks; then the ratio of the medians. */
export function summarize(runs) {
  const summary = {};
  for (const page of PAGES) {
    const loads = runs[page];
    const times = loads.map((load) => load.firstFrameMs);
    const tasks = loads.flatMap((load) => load.longTasks);
    const phasesP50 = {};
    for (const name of Object.keys(loads[0].phases)) {
      const values = loads.map((load) => load.phases[name]).filter((value) => value !== undefined);
      if (values.length > loads.length / 2) phasesP50[name] = round(percentile(values, 50));
    }
    summary[page] = {
      firstFrameMs: { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), min: Math.min(...times), max: Math.max(...times) },
      phasesP50,
      longTasks: {
        samplesWithAny: loads.filter((load) => load.longTasks.length > 0).length,
        samplesWithElementsScript: loads.filter((load) => load.longTasks.some((task) => task.elements > 0)).length,
        count: tasks.length,
        max: round(Math.max(0, ...tasks.map((task) => task.duration))),
        totalMsP50: round(percentile(loads.map((load) => load.longTasks.reduce((total, task) => total + task.duration, 0)), 50)),
        // Script time in them by kind, all loads together.
        scriptMs: Object.fromEntries(['hlsJs', 'engine', 'elements', 'page'].map((kind) => [kind, round(tasks.reduce((total, task) => total + task[kind], 0))])),
      },
      playingAtFirstFrame: loads.filter((load) => load.playing).length,
      requestsP50: percentile(loads.map((load) => load.requests), 50),
      kilobytesP50: percentile(loads.map((load) => load.kilobytes), 50),
      lateFirstCallbacks: loads.filter((load) => load.firstCallbackFrames > 1).length,
      samples: loads,
    };
  }
  const ratio = summary['live-shop'].firstFrameMs.p50 / summary.bare.firstFrameMs.p50;
  // Each round's two loads ran one after the other: the ratio within a round, p50 over rounds.
  const paired = runs.bare.map((load, index) => runs['live-shop'][index].firstFrameMs / load.firstFrameMs);
  return { ...summary, ratio: round3(ratio), pairedRatioP50: round3(percentile(paired, 50)) };
}

const round = (value) => Math.round(value * 10) / 10;
const round3 = (value) => Math.round(value * 1000) / 1000;
