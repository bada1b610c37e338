import type { EventDataMap, EventType, ModerationAction } from '@live-shop/protocol';
import { EVENTS } from './constants.js';

/** A show event a panel wants posted, with the words the activity log shows for it. */
export type ActionRequest = {
  [T in EventType]: { type: T; data: EventDataMap[T]; label: string };
}[EventType];

const options = { bubbles: true, composed: true } as const;

/**
 * A panel asks for an event to be posted. Intent flows up, state flows down (as in
 * media-chrome): the console app stamps it with the preview's frame and posts it.
 */
export class ActionRequestEvent extends Event {
  readonly detail: ActionRequest;
  /**
   * Set by whoever handles the request, during dispatch: resolves true once the relay
   * stored the event, false if it failed (so a form keeps what the producer typed).
   */
  outcome: Promise<boolean> | undefined;
  constructor(detail: ActionRequest) {
    super(EVENTS.action, options);
    this.detail = detail;
  }
}

/**
 * The chat panel asks for a moderation action (`POST /v1/shows/:id/moderation`). Chat is
 * about the audience, not the video: these are not stamped with a frame.
 */
export class ModerationRequestEvent extends Event {
  readonly detail: { action: ModerationAction; label: string };
  /** Set by the handler during dispatch: resolves true once the relay applied it. */
  outcome: Promise<boolean> | undefined;
  constructor(action: ModerationAction, label: string) {
    super(EVENTS.moderate, options);
    this.detail = { action, label };
  }
}

/** The producer submitted a token. */
export class SignInEvent extends Event {
  readonly detail: { token: string };
  constructor(token: string) {
    super(EVENTS.signIn, options);
    this.detail = { token };
  }
}

/** The producer asked to send a failed action again, unchanged (same id and pdt). */
export class RetryEvent extends Event {
  readonly detail: { entryId: string };
  constructor(entryId: string) {
    super(EVENTS.retry, options);
    this.detail = { entryId };
  }
}

/** Builds a typed action request (keeps `type` and `data` in step). */
export function actionRequest<T extends EventType>(type: T, data: EventDataMap[T], label: string): ActionRequest {
  return { type, data, label } as ActionRequest;
}

interface ConsoleEventMap {
  [EVENTS.action]: ActionRequestEvent;
  [EVENTS.moderate]: ModerationRequestEvent;
  [EVENTS.signIn]: SignInEvent;
  [EVENTS.retry]: RetryEvent;
}

// Both maps: the events are composed and bubble, and a page may listen on document.
declare global {
  interface HTMLElementEventMap extends ConsoleEventMap {}
  interface DocumentEventMap extends ConsoleEventMap {}
}
