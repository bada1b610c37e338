import type { ShowState, ShowTimeline } from '@live-shop/protocol';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PlayerEngine } from './engines/engine.js';
import type { WritableShowStore } from './store.js';

export interface SchedulerCallbacks {
  /** A new state is on screen, computed for the frame whose pdt is `framePdt`. */
  state(state: ShowState, framePdt: number): void;
  /** The first frame with a known pdt since the engine was attached. */
  firstFrame(framePdt: number): void;
}

/**
 * After a paused seek Chromium now and then shows a frame from before the target and no
 * other: one it decoded on the way there, from 3 frames to 1.4 s early, when hls.js
 * appended or evicted buffer while the seek prerolled (about one paused seek in a hundred
 * with a seek a few seconds past the last one, on a busy machine). A viewer who paused and
 * tapped a product moment would see the picture, and from that frame's date the cards, of
 * an earlier moment. The wrong frame comes after `seeked`, or before it while the seek is
 * still on, with none after. Seeking again to the same time shows the right frame; the
 * scheduler does that at most this many times per seek, and does not date the state from
 * the wrong frame meanwhile.
 */
const MAX_SEEK_REPAIRS = 2;
/** The frame duration assumed until the stream has played two frames in a row (24 fps, the longest common one). */
const DEFAULT_FRAME_S = 1 / 24;
/** Steps between played frames longer than this are not a frame duration (a seek, a stall). */
const MAX_FRAME_S = 0.25;
/** Rounding between `currentTime` and frame timestamps. */
const TIME_SLACK_S = 0.002;

/**
 * Applies the show's events on the frames they belong to. On every presented frame
 * (requestVideoFrameCallback, whose `mediaTime` is the frame's own timestamp) it asks the
 * engine for that frame's program date time, evaluates the timeline there, and publishes
 * the state only when it changed; ShowTimeline returns the same object while nothing
 * changes, so a frame with nothing new costs a lookup and a comparison.
 *
 * Also evaluates on `seeked` (a paused seek), and at once when events arrive, at the
 * last frame's pdt, so an event already behind the playhead shows without waiting for a
 * frame. Without requestVideoFrameCallback it samples `currentTime` on animation frames
 * while playing, and on `timeupdate`.
 *
 * After a paused seek it checks the frame the browser shows: see {@link MAX_SEEK_REPAIRS}.
 */
export class PdtScheduler implements ReactiveController {
  readonly #store: WritableShowStore;
  readonly #callbacks: SchedulerCallbacks;
  #engine: PlayerEngine | undefined;
  #timeline: ShowTimeline | undefined;
  #pendingEvaluation: number | undefined;
  #connected = false;
  #watching: HTMLVideoElement | undefined;
  #frameRequest: number | undefined;
  #animationRequest: number | undefined;
  #framePdt: number | undefined;
  /** The next frame presented after a seek is to be checked against `currentTime`. */
  #checkSeekFrame = false;
  /** The last frame presented while a seek was on (NaN: none), checked on `seeked`. */
  #seekingFrame = Number.NaN;
  /** Seeks this scheduler started to show the right frame, since the last other seek. */
  #seekRepairs = 0;
  #repairing = false;
  /** The shortest step seen between two played frames: the stream's frame duration. */
  #frameS: number | undefined;
  #lastPlayedTime = Number.NaN;

  constructor(host: ReactiveControllerHost, store: WritableShowStore, callbacks: SchedulerCallbacks) {
    this.#store = store;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  /** The pdt of the last frame presented, if known. */
  get framePdt(): number | undefined {
    return this.#framePdt;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#watch();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unwatch();
  }

  /** Follows another engine's frames (undefined: none); the frame pdt is unknown until its first frame. */
  setEngine(engine: PlayerEngine | undefined): void {
    this.#unwatch();
    this.#engine = engine;
    this.#framePdt = undefined;
    this.#frameS = undefined;
    this.#store.$currentPdt.set(undefined);
    this.#watch();
  }

  /**
   * A new timeline is evaluated at once. A grown one (the same timeline with new events:
   * a busy chat sends a hundred a second) is evaluated on the next animation frame, once
   * however many events arrived meanwhile: one render per frame, not one per message.
   * Events due on a frame not yet shown are applied by that frame's callback, as before.
   */
  setTimeline(timeline: ShowTimeline | undefined): void {
    const grown = timeline !== undefined && timeline === this.#timeline;
    this.#timeline = timeline;
    if (!grown) {
      this.#evaluate();
      return;
    }
    this.#pendingEvaluation ??= requestAnimationFrame(() => {
      this.#pendingEvaluation = undefined;
      this.#evaluate();
    });
  }

  #watch(): void {
    const video = this.#engine?.video;
    if (!this.#connected || !video || this.#watching) return;
    this.#watching = video;
    video.addEventListener('seeked', this.#onSeeked);
    video.addEventListener('seeking', this.#onSeeking);
    if ('requestVideoFrameCallback' in video) {
      this.#frameRequest = video.requestVideoFrameCallback(this.#onVideoFrame);
    } else {
      const fallback = video as HTMLVideoElement;
      fallback.addEventListener('timeupdate', this.#onTimeEvent);
      fallback.addEventListener('playing', this.#onPlaying);
      if (!fallback.paused) this.#onPlaying();
    }
  }

  #unwatch(): void {
    const video = this.#watching;
    if (!video) return;
    this.#watching = undefined;
    video.removeEventListener('seeked', this.#onSeeked);
    video.removeEventListener('seeking', this.#onSeeking);
    video.removeEventListener('timeupdate', this.#onTimeEvent);
    video.removeEventListener('playing', this.#onPlaying);
    if (this.#frameRequest !== undefined) video.cancelVideoFrameCallback(this.#frameRequest);
    if (this.#animationRequest !== undefined) cancelAnimationFrame(this.#animationRequest);
    this.#frameRequest = this.#animationRequest = undefined;
  }

  // The hot path: runs once per presented frame. No allocation beyond the callback's own
  // arguments; the state is only touched when it changed.
  #onVideoFrame = (_now: DOMHighResTimeStamp, metadata: VideoFrameCallbackMetadata): void => {
    const video = this.#watching;
    if (!video) return;
    this.#frameRequest = video.requestVideoFrameCallback(this.#onVideoFrame);
    const mediaTime = metadata.mediaTime;
    if (video.seeking) {
      this.#seekingFrame = mediaTime;
    } else if (this.#checkSeekFrame) {
      this.#checkSeekFrame = false;
      // The state stays the one `seeked` dated from `currentTime`.
      if (this.#repairSeek(video, mediaTime)) return;
    } else if (!video.paused) {
      const step = mediaTime - this.#lastPlayedTime;
      if (step > TIME_SLACK_S && step < (this.#frameS ?? MAX_FRAME_S)) this.#frameS = step;
      this.#lastPlayedTime = mediaTime;
    }
    this.#present(mediaTime);
  };

  #onSeeked = (): void => {
    const video = this.#watching;
    if (!video) return;
    this.#present(video.currentTime);
    // The frame on screen came while the seek was on: it may be the last one to come.
    const shown = this.#seekingFrame;
    this.#seekingFrame = Number.NaN;
    if (this.#checkSeekFrame && !Number.isNaN(shown)) this.#repairSeek(video, shown);
  };

  /**
   * Seeks again to `currentTime` when a paused seek shows the frame at `mediaTime`, which
   * is not the one there (see MAX_SEEK_REPAIRS); true when it did.
   */
  #repairSeek(video: HTMLVideoElement, mediaTime: number): boolean {
    if (!video.paused || this.#seekRepairs >= MAX_SEEK_REPAIRS || !this.#missesPlayhead(video, mediaTime)) return false;
    this.#seekRepairs++;
    this.#repairing = true;
    // The same time again: the browser seeks anew and shows the frame there.
    video.currentTime = video.currentTime;
    return true;
  }

  #onSeeking = (): void => {
    if (this.#repairing) this.#repairing = false;
    else this.#seekRepairs = 0;
    this.#checkSeekFrame = true;
    this.#lastPlayedTime = Number.NaN;
  };

  /**
   * Whether a frame shown while paused is not the one at `currentTime`: one that ends
   * before it, or one after it although the media there is buffered (a seek into a gap
   * or before the first frame shows the next frame, rightly).
   */
  #missesPlayhead(video: HTMLVideoElement, mediaTime: number): boolean {
    const time = video.currentTime;
    const { buffered } = video;
    let inBuffer = false;
    for (let index = 0; index < buffered.length && !inBuffer; index++) inBuffer = buffered.start(index) <= time && time < buffered.end(index);
    if (!inBuffer) return false;
    return mediaTime < time - (this.#frameS ?? DEFAULT_FRAME_S) - TIME_SLACK_S || mediaTime > time + TIME_SLACK_S;
  }

  #onTimeEvent = (): void => {
    if (this.#watching) this.#present(this.#watching.currentTime);
  };

  #onPlaying = (): void => {
    if (this.#animationRequest === undefined) this.#animationRequest = requestAnimationFrame(this.#onAnimationFrame);
  };

  #onAnimationFrame = (): void => {
    const video = this.#watching;
    this.#animationRequest = undefined;
    if (!video || video.paused) return;
    this.#animationRequest = requestAnimationFrame(this.#onAnimationFrame);
    this.#present(video.currentTime);
  };

  #present(mediaTime: number): void {
    const pdt = this.#engine?.pdtAt(mediaTime);
    if (pdt === undefined) return;
    const first = this.#framePdt === undefined;
    this.#framePdt = pdt;
    this.#store.$currentPdt.set(pdt);
    this.#evaluate();
    if (first) this.#callbacks.firstFrame(pdt);
  }

  #evaluate(): void {
    const framePdt = this.#framePdt;
    if (!this.#timeline || framePdt === undefined) return;
    const state = this.#timeline.stateAt(framePdt);
    // `.value`, not get(): get() on an atom without listeners mounts and unmounts it,
    // allocating on every frame.
    if (state === this.#store.$state.value) return;
    this.#store.$state.set(state);
    this.#callbacks.state(state, framePdt);
  }
}
