import type { ShowState } from '@live-shop/protocol';
import { EVENTS } from '../constants.js';

export interface RemindMeDetail {
  /** The show id (the element's `show`). */
  show: string | undefined;
  /** Start time, epoch ms on the relay's clock; undefined when not announced yet. */
  startsAt: number | undefined;
  title: string | undefined;
}

export interface WatchReplayDetail {
  show: string | undefined;
  /** The replay as `show.status` describes it (src, playbackId, startPdt), if it does. */
  replay: ShowState['status']['replay'];
  /** The element's `replayUrl`: the page the link goes to unless the event is cancelled. */
  url: string | undefined;
}

/**
 * A viewer pressed "Remind me" on a scheduled show. Handle it to sign them up (a
 * newsletter, SMS or push signup of the host page). Unless it is cancelled the element
 * shows its "Reminder set" confirmation at once; cancel it when the page shows its own
 * form or confirmation, and set the element's `reminderSet` once the signup succeeded to
 * show the element's confirmation after all.
 */
export class RemindMeEvent extends Event {
  readonly detail: RemindMeDetail;
  constructor(detail: RemindMeDetail) {
    super(EVENTS.remindMe, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

/**
 * A viewer pressed "Watch the replay" on an ended show. The player cancels it and switches
 * to replay; uncancelled, a `replayUrl` link is followed.
 */
export class WatchReplayEvent extends Event {
  readonly detail: WatchReplayDetail;
  constructor(detail: WatchReplayDetail) {
    super(EVENTS.watchReplay, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

interface StatusEventMap {
  [EVENTS.remindMe]: RemindMeEvent;
  [EVENTS.watchReplay]: WatchReplayEvent;
}

declare global {
  interface HTMLElementEventMap extends StatusEventMap {}
  interface DocumentEventMap extends StatusEventMap {}
}
