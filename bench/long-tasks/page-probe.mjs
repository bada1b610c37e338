// What the long-tasks bench measures inside the viewer page. `observeLongWork` goes in
// with page.addInitScript, so it records from the page's first script; `openWindow` and
// `closeWindow` bracket the load, and everything is read once at the end so the probe
// adds no work of its own in between (but a one-second sampler of the chat).

/** Records long tasks and, where Chromium has them, long animation frames with their scripts. */
export function observeLongWork() {
  const record = { tasks: [], frames: [], loafSupported: false };
  window.__longWork = record;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) record.tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    record.loafSupported = true;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        record.frames.push({
          start: entry.startTime,
          duration: entry.duration,
          blockingDuration: entry.blockingDuration,
          renderStart: entry.renderStart,
          styleAndLayoutStart: entry.styleAndLayoutStart,
          // Only scripts of 5 ms or more are listed (the API's threshold).
          scripts: entry.scripts.map((script) => ({
            start: script.startTime,
            duration: script.duration,
            forcedStyleAndLayout: script.forcedStyleAndLayoutDuration,
            pause: script.pauseDuration,
            invoker: script.invoker,
            invokerType: script.invokerType,
            sourceURL: script.sourceURL,
            sourceFunctionName: script.sourceFunctionName,
            sourceCharPosition: script.sourceCharPosition,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  }
}

/**
 * Starts the measured window: notes the time, the video's dropped frames and the last
 * event seq, counts the chat messages the player's state takes in, and samples the chat's
 * rendered rows every second.
 */
export function openWindow() {
  const record = window.__longWork;
  const player = document.querySelector('live-shop');
  const quality = player.video.getVideoPlaybackQuality();
  const chatRoot = () => player.shadowRoot?.querySelector('live-shop-chat')?.shadowRoot;
  const measured = {
    start: performance.now(),
    end: undefined,
    droppedBefore: quality.droppedVideoFrames,
    totalBefore: quality.totalVideoFrames,
    seqBefore: player.source?.timeline?.lastSeq ?? 0,
    // Messages that reached the player's state (what the chat is given), by walking back
    // from the newest to the newest already counted.
    inState: 0,
    lastCounted: player.state.chat.messages.at(-1)?.messageId,
    samples: [],
    cardsShown: 0,
    // The video waiting for data (a stall), and how far behind the live edge it plays.
    stalls: 0,
    stalledMs: 0,
    stalledSince: undefined,
  };
  record.window = measured;
  record.onShown = () => measured.cardsShown++;
  player.addEventListener('live-shop-product-shown', record.onShown);
  record.onWaiting = () => {
    measured.stalls++;
    measured.stalledSince ??= performance.now();
  };
  record.onPlaying = () => {
    if (measured.stalledSince !== undefined) measured.stalledMs += performance.now() - measured.stalledSince;
    measured.stalledSince = undefined;
  };
  player.video.addEventListener('waiting', record.onWaiting);
  player.video.addEventListener('playing', record.onPlaying);
  record.onState = () => {
    const messages = player.state.chat.messages;
    let index = messages.length - 1;
    while (index >= 0 && messages[index].messageId !== measured.lastCounted) index--;
    measured.inState += messages.length - 1 - index;
    measured.lastCounted = messages.at(-1)?.messageId ?? measured.lastCounted;
  };
  player.addEventListener('live-shop-state-change', record.onState);
  record.sampler = setInterval(() => {
    const rows = chatRoot()?.querySelectorAll('[part~="message"]') ?? [];
    const newest = player.state.chat.messages.at(-1)?.messageId;
    measured.samples.push({
      rows: rows.length,
      newestOnScreen: newest !== undefined && rows[rows.length - 1]?.dataset.messageId === newest,
      behindLiveMs: Date.now() - (player.currentPdt ?? Number.NaN),
    });
  }, 1000);
}

/** Ends the window and returns everything recorded (entries from before it included, for the startup figures). */
export function closeWindow() {
  const record = window.__longWork;
  const player = document.querySelector('live-shop');
  const measured = record.window;
  measured.end = performance.now();
  clearInterval(record.sampler);
  player.removeEventListener('live-shop-state-change', record.onState);
  player.removeEventListener('live-shop-product-shown', record.onShown);
  player.video.removeEventListener('waiting', record.onWaiting);
  player.video.removeEventListener('playing', record.onPlaying);
  if (measured.stalledSince !== undefined) measured.stalledMs += measured.end - measured.stalledSince;
  const quality = player.video.getVideoPlaybackQuality();
  measured.dropped = quality.droppedVideoFrames - measured.droppedBefore;
  measured.frames = quality.totalVideoFrames - measured.totalBefore;
  const events = player.source?.timeline?.events ?? [];
  measured.received = events.filter((event) => event.type === 'chat.message' && event.seq > measured.seqBefore).length;
  measured.highlightsReceived = events.filter((event) => event.type === 'product.highlight' && event.seq > measured.seqBefore).length;
  return { tasks: record.tasks, frames: record.frames, loafSupported: record.loafSupported, window: measured };
}
