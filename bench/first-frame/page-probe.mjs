// What the first-frame bench measures inside each page. `observeStartup` goes in with
// page.addInitScript, so it runs before the page's own scripts, the same way on both
// pages: it finds the video (a <video> in the page's DOM when it is parsed: the bare
// page's, or the one the live-shop loader puts in <live-shop>; else the <video> of
// <live-shop> once the element is defined) and asks requestVideoFrameCallback for its
// first presented frame, and it records long tasks and long animation frames from the
// start. `readStartup` returns it all, with the resource timings of the load.

/** Records the first presented video frame, long tasks and long animation frames. */
export function observeStartup() {
  const record = { firstFrame: undefined, tasks: [], frames: [], loafSupported: false, marks: {}, observers: [] };
  record.presented = new Promise((resolve) => (record.onPresented = resolve));
  window.__startup = record;
  const onTasks = (list) => {
    for (const entry of list.getEntries()) record.tasks.push({ start: entry.startTime, duration: entry.duration });
  };
  const tasks = new PerformanceObserver(onTasks);
  tasks.observe({ type: 'longtask', buffered: true });
  record.observers.push([tasks, onTasks]);
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    record.loafSupported = true;
    const onFrames = (list) => {
      for (const entry of list.getEntries()) {
        record.frames.push({
          start: entry.startTime,
          duration: entry.duration,
          blockingDuration: entry.blockingDuration,
          // Only scripts of 5 ms or more are listed (the API's threshold).
          scripts: entry.scripts.map((script) => ({ start: script.startTime, duration: script.duration, sourceURL: script.sourceURL, sourceFunctionName: script.sourceFunctionName, invoker: script.invoker })),
        });
      }
    };
    const frames = new PerformanceObserver(onFrames);
    frames.observe({ type: 'long-animation-frame', buffered: true });
    record.observers.push([frames, onFrames]);
  }

  // presentationTime: when the compositor took the frame; expectedDisplayTime: when it is
  // expected on screen. Both on the page's clock, whose zero is the navigation's start.
  const watch = (video) => {
    if (record.watched) return;
    record.watched = performance.now();
    video.requestVideoFrameCallback((now, metadata) => {
      record.firstFrame = {
        presentationTime: metadata.presentationTime,
        expectedDisplayTime: metadata.expectedDisplayTime,
        callbackTime: now,
        mediaTime: metadata.mediaTime,
        // More than 1 when the main thread was too busy to call back at the first frame
        // (the compositor presents frames without it); the next callback tells the pace.
        presentedFrames: metadata.presentedFrames,
        // Playing, not a still frame of a video still waiting for its play().
        playing: !video.paused,
      };
      video.requestVideoFrameCallback((_, next) => {
        record.nextFrame = { presentationTime: next.presentationTime, mediaTime: next.mediaTime, presentedFrames: next.presentedFrames };
        record.onPresented();
      });
    });
  };
  document.addEventListener('DOMContentLoaded', () => {
    record.marks.domContentLoaded = performance.now();
    // The bare page's <video>, or one a script put in the page's own DOM.
    const video = document.querySelector('video');
    if (video) watch(video);
  });
  customElements.whenDefined('live-shop').then(() => {
    record.marks.elementDefined = performance.now();
    watch(document.querySelector('live-shop').video);
  });
}

/**
 * Everything recorded, once the first frame is in (the caller waits for it): entries
 * still queued in the observers are taken first, so a long task that ended just before
 * is not missed.
 */
export function readStartup() {
  const record = window.__startup;
  for (const [observer, onEntries] of record.observers) onEntries({ getEntries: () => observer.takeRecords() });
  const resources = performance.getEntriesByType('resource').map((entry) => ({
    path: new URL(entry.name).pathname,
    initiator: entry.initiatorType,
    start: entry.startTime,
    responseStart: entry.responseStart,
    end: entry.responseEnd,
    // 0 when it came from the HTTP cache (or a 304 with no body).
    transferSize: entry.transferSize,
  }));
  const [navigation] = performance.getEntriesByType('navigation');
  return {
    firstFrame: record.firstFrame,
    nextFrame: record.nextFrame,
    watchedAt: record.watched,
    marks: { ...record.marks, responseEnd: navigation?.responseEnd },
    tasks: record.tasks,
    frames: record.frames,
    loafSupported: record.loafSupported,
    resources,
  };
}
