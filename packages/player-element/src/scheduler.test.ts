import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describe, expect, test } from 'vitest';
import { ENGINES } from './constants.js';
import type { PlayerEngine } from './engines/engine.js';
import { PdtScheduler } from './scheduler.js';
import { createShowStore } from './store.js';

const EPOCH = 1_700_000_000_000;

/**
 * The parts of a <video> the scheduler uses, driven by hand: which frame the browser
 * presents after a seek is what these tests choose (a real Chromium picks a wrong one only
 * now and then, under load; seek-to-pdt.browser.test.ts meets it there).
 */
class ScriptedVideo extends EventTarget {
  paused = true;
  seeking = false;
  /** Every time assigned to `currentTime`, in order. */
  readonly seeks: number[] = [];
  #time = 0;
  #frameCallback: VideoFrameRequestCallback | undefined;
  #ranges: [number, number][] = [[0, 60]];

  get currentTime(): number {
    return this.#time;
  }

  set currentTime(time: number) {
    this.#time = time;
    this.seeks.push(time);
    this.seeking = true;
    this.dispatchEvent(new Event('seeking'));
  }

  get buffered(): TimeRanges {
    const ranges = this.#ranges;
    return { length: ranges.length, start: (index: number) => ranges[index]![0], end: (index: number) => ranges[index]![1] };
  }

  setBuffered(...ranges: [number, number][]): void {
    this.#ranges = ranges;
  }

  requestVideoFrameCallback(callback: VideoFrameRequestCallback): number {
    this.#frameCallback = callback;
    return 1;
  }

  cancelVideoFrameCallback(): void {
    this.#frameCallback = undefined;
  }

  /** The browser finishes the pending seek: `seeked`. */
  completeSeek(): void {
    this.seeking = false;
    this.dispatchEvent(new Event('seeked'));
  }

  /** The browser presents the frame timed `mediaTime`. */
  present(mediaTime: number): void {
    const callback = this.#frameCallback;
    this.#frameCallback = undefined;
    callback?.(0, { mediaTime, presentationTime: 0, expectedDisplayTime: 0, width: 640, height: 360, presentedFrames: 1 });
  }

  /** Plays frames `frameS` apart from `from`. */
  play(from: number, frames: number, frameS: number): void {
    this.paused = false;
    for (let index = 0; index < frames; index++) this.present(from + index * frameS);
    this.paused = true;
    this.#time = from + (frames - 1) * frameS;
  }
}

function setup() {
  const video = new ScriptedVideo();
  const engine: PlayerEngine = {
    kind: ENGINES.hls,
    video: video as unknown as HTMLVideoElement,
    pdtAt: (mediaTime) => EPOCH + mediaTime * 1000,
    mediaTimeAt: (pdt) => (pdt - EPOCH) / 1000,
    seekableRange: () => undefined,
    destroy: () => undefined,
  };
  const controllers: ReactiveController[] = [];
  const host = { addController: (controller: ReactiveController) => controllers.push(controller) } as unknown as ReactiveControllerHost;
  const store = createShowStore();
  const scheduler = new PdtScheduler(host, store, { state: () => undefined, firstFrame: () => undefined });
  for (const controller of controllers) controller.hostConnected?.();
  scheduler.setEngine(engine);
  /** The pdt the scheduler dates the state from, as seconds of media time. */
  const shownTime = () => ((store.$currentPdt.value ?? Number.NaN) - EPOCH) / 1000;
  return { video, shownTime };
}

/** A viewer's paused seek to `time`, which the browser completes. */
function pausedSeek(video: ScriptedVideo, time: number): void {
  video.currentTime = time;
  video.completeSeek();
}

describe('a paused seek that shows the wrong frame', () => {
  test('is sought again, and the state stays at the playhead rather than the wrong frame', () => {
    const { video, shownTime } = setup();
    pausedSeek(video, 36.123);
    expect(shownTime()).toBeCloseTo(36.123, 6);
    // Chromium painted a frame from on the way to the target, and nothing after it.
    video.present(35.033);
    expect(video.seeks).toEqual([36.123, 36.123]);
    expect(shownTime()).toBeCloseTo(36.123, 6);

    video.completeSeek();
    video.present(36.1);
    expect(video.seeks).toHaveLength(2);
    expect(shownTime()).toBeCloseTo(36.1, 6);
  });

  test('shown while the seek was still on, with none after it, is sought again on seeked', () => {
    const { video, shownTime } = setup();
    video.setBuffered([82, 98], [108, 140]);
    video.currentTime = 108.9717;
    video.present(108.9);
    video.completeSeek();
    expect(video.seeks).toEqual([108.9717, 108.9717]);
    expect(shownTime()).toBeCloseTo(108.9717, 6);

    video.present(108.9667);
    video.completeSeek();
    expect(video.seeks).toHaveLength(2);
    expect(shownTime()).toBeCloseTo(108.9717, 6);
  });

  test('the right frame shown while the seek was still on is kept', () => {
    const { video, shownTime } = setup();
    video.currentTime = 50.01;
    video.present(50);
    video.completeSeek();
    expect(video.seeks).toEqual([50.01]);
    expect(shownTime()).toBeCloseTo(50.01, 6);
  });

  test('is sought again at most twice: a frame that stays wrong is then shown', () => {
    const { video, shownTime } = setup();
    pausedSeek(video, 20);
    for (let attempt = 0; attempt < 2; attempt++) {
      video.present(19.5);
      video.completeSeek();
    }
    video.present(19.5);
    expect(video.seeks).toEqual([20, 20, 20]);
    expect(shownTime()).toBeCloseTo(19.5, 6);

    // The viewer's next seek may be repaired again.
    pausedSeek(video, 30);
    video.present(29);
    expect(video.seeks).toEqual([20, 20, 20, 30, 30]);
  });

  test('a frame past the playhead is wrong inside the buffer, right before its first frame', () => {
    const { video } = setup();
    pausedSeek(video, 12);
    video.present(12.1);
    expect(video.seeks).toEqual([12, 12]);

    const gap = setup();
    gap.video.setBuffered([10.005, 40]);
    pausedSeek(gap.video, 10);
    gap.video.present(10.005);
    expect(gap.video.seeks).toEqual([10]);
  });

  test('the frame holding the playhead is kept, by the frame duration the stream played at', () => {
    // 15 fps: a frame 60 ms before the playhead still holds it.
    const slow = setup();
    slow.video.play(0, 10, 1 / 15);
    pausedSeek(slow.video, 5.06);
    slow.video.present(5);
    expect(slow.video.seeks).toEqual([5.06]);
    expect(slow.shownTime()).toBeCloseTo(5, 6);

    // 30 fps: it does not.
    const fast = setup();
    fast.video.play(0, 10, 1 / 30);
    pausedSeek(fast.video, 5.06);
    fast.video.present(5);
    expect(fast.video.seeks).toEqual([5.06, 5.06]);
  });

  test('while playing, frames are shown as they come', () => {
    const { video, shownTime } = setup();
    video.paused = false;
    video.currentTime = 8;
    video.completeSeek();
    video.present(7);
    expect(video.seeks).toEqual([8]);
    expect(shownTime()).toBeCloseTo(7, 6);
  });
});
