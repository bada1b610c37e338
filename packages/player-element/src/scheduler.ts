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
    video.addEventListener('seeked', this.#onTimeEvent);
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
    video.removeEventListener('seeked', this.#onTimeEvent);
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
    this.#present(metadata.mediaTime);
  };

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
