// Who made the page's long tasks and long animation frames: the scripts a Long Animation
// Frame lists (each entry point of 5 ms or more, with its source URL), split into the
// SDK's (served from /sdk/) and everything else. Long tasks carry no script attribution of
// their own; each gets the time of the LoAF scripts that ran inside it.
import { percentile } from '../../scripts/test/sync-probe.mjs';

const SDK_PATH = '/sdk/';
export const LONG_MS = 50;

const sum = (values) => values.reduce((total, value) => total + value, 0);
const round = (value) => Math.round(value * 10) / 10;
const isSdk = (script) => script.sourceURL.includes(SDK_PATH);
const overlap = (script, from, to) => Math.max(0, Math.min(script.start + script.duration, to) - Math.max(script.start, from));

/** "chunks/chat-P3EP7VLB.js" from a script URL (the part after /sdk/), or the URL's path, or the invoker. */
function sourceOf(script) {
  if (!script.sourceURL) return `(${script.invokerType || 'no source'})`;
  const path = new URL(script.sourceURL).pathname;
  return path.includes(SDK_PATH) ? `sdk/${path.slice(path.indexOf(SDK_PATH) + SDK_PATH.length)}` : path;
}

/**
 * Where a script ran: function, original file and line when `locate` knows it (source
 * maps), else the served file and character position, and what invoked it.
 * @param {(path: string, charPosition: number) => string | undefined} [locate]
 */
function placer(locate) {
  return (script) => {
    const file = sourceOf(script);
    const original = file.startsWith('sdk/') ? locate?.(file.slice('sdk/'.length), script.sourceCharPosition) : undefined;
    const where = original ? `${original} (${file})` : `${file}${script.sourceCharPosition >= 0 ? `:${script.sourceCharPosition}` : ''}`;
    return `${script.sourceFunctionName || '(anonymous)'} @ ${where} ← ${script.invoker || script.invokerType}`;
  };
}

function stats(values) {
  return values.length === 0
    ? { count: 0, p50: 0, p95: 0, max: 0, total: 0 }
    : { count: values.length, p50: round(percentile(values, 50)), p95: round(percentile(values, 95)), max: round(Math.max(...values)), total: round(sum(values)) };
}

/** Groups scripts by place: count, total and longest, longest total first. */
function byPlace(scripts, limit, placeOf) {
  const groups = new Map();
  for (const script of scripts) {
    const place = placeOf(script);
    const group = groups.get(place) ?? { place, count: 0, totalMs: 0, maxMs: 0, forcedLayoutMs: 0 };
    group.count++;
    group.totalMs += script.duration;
    group.maxMs = Math.max(group.maxMs, script.duration);
    group.forcedLayoutMs += script.forcedStyleAndLayout;
    groups.set(place, group);
  }
  return [...groups.values()]
    .sort((a, b) => b.totalMs - a.totalMs)
    .slice(0, limit)
    .map((group) => ({ ...group, totalMs: round(group.totalMs), maxMs: round(group.maxMs), forcedLayoutMs: round(group.forcedLayoutMs) }));
}

/**
 * Long tasks and long animation frames that started in [from, to), with the SDK's share.
 * @param {{ tasks: {start: number, duration: number}[], frames: any[] }} record
 * @param {(path: string, charPosition: number) => string | undefined} [locate] a bundle path and position → original place
 */
export function attribute(record, from, to, locate) {
  const placeOf = placer(locate);
  const within = (entry) => entry.start >= from && entry.start < to;
  const frames = record.frames.filter(within);
  const scripts = frames.flatMap((frame) => frame.scripts);

  const tasks = record.tasks.filter(within).map((task) => {
    const end = task.start + task.duration;
    const inside = scripts.filter((script) => overlap(script, task.start, end) > 0);
    const sdkMs = sum(inside.filter(isSdk).map((script) => overlap(script, task.start, end)));
    const scriptMs = sum(inside.map((script) => overlap(script, task.start, end)));
    const longest = inside.sort((a, b) => b.duration - a.duration)[0];
    return { start: round(task.start), duration: round(task.duration), sdkMs: round(sdkMs), scriptMs: round(scriptMs), longestScript: longest ? placeOf(longest) : undefined };
  });

  const frameRows = frames.map((frame) => {
    const end = frame.start + frame.duration;
    const sdkMs = sum(frame.scripts.filter(isSdk).map((script) => script.duration));
    const scriptMs = sum(frame.scripts.map((script) => script.duration));
    const renderMs = frame.renderStart > 0 ? end - frame.renderStart : 0;
    const styleAndLayoutMs = frame.styleAndLayoutStart > 0 ? end - frame.styleAndLayoutStart : 0;
    return {
      start: round(frame.start),
      duration: round(frame.duration),
      blockingMs: round(frame.blockingDuration),
      sdkMs: round(sdkMs),
      otherScriptMs: round(scriptMs - sdkMs),
      renderMs: round(renderMs),
      styleAndLayoutMs: round(styleAndLayoutMs),
      // The frame's blocking time shared out by script time (none when no script was listed).
      sdkBlockingMs: scriptMs > 0 ? round((frame.blockingDuration * sdkMs) / scriptMs) : 0,
      scripts: frame.scripts.map((script) => `${round(script.duration)} ms ${placeOf(script)}`),
    };
  });

  const sdkTasksOver = tasks.filter((task) => task.sdkMs > LONG_MS);
  const sdkFramesOver = frameRows.filter((frame) => frame.sdkMs > LONG_MS);
  return {
    longTasks: { ...stats(tasks.map((task) => task.duration)), over100: tasks.filter((task) => task.duration > 100).length, sdkOver50: sdkTasksOver.length, maxSdkMs: round(Math.max(0, ...tasks.map((task) => task.sdkMs))) },
    longAnimationFrames: {
      ...stats(frameRows.map((frame) => frame.duration)),
      blockingTotalMs: round(sum(frameRows.map((frame) => frame.blockingMs))),
      sdkBlockingTotalMs: round(sum(frameRows.map((frame) => frame.sdkBlockingMs))),
      sdkScriptTotalMs: round(sum(frameRows.map((frame) => frame.sdkMs))),
      otherScriptTotalMs: round(sum(frameRows.map((frame) => frame.otherScriptMs))),
      renderTotalMs: round(sum(frameRows.map((frame) => frame.renderMs))),
      withSdkScript: frameRows.filter((frame) => frame.sdkMs > 0).length,
      sdkOver50: sdkFramesOver.length,
      maxSdkMs: round(Math.max(0, ...frameRows.map((frame) => frame.sdkMs))),
    },
    sdkScripts: byPlace(scripts.filter(isSdk), 12, placeOf),
    otherScripts: byPlace(scripts.filter((script) => !isSdk(script)), 6, placeOf),
    // The worst, to read: long tasks and frames by duration.
    worstTasks: [...tasks].sort((a, b) => b.duration - a.duration).slice(0, 8),
    worstFrames: [...frameRows].sort((a, b) => b.duration - a.duration).slice(0, 8),
  };
}
