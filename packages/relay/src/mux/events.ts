// What a Mux webhook means for a show: reading the delivery, and the pure decision of which
// `show.status` event (if any) it becomes. The route (routes/webhooks-mux.ts) verifies the
// signature first; the handler (mux/handler.ts) finds the show and keeps the order.
import type { EventInput, ShowState } from '@live-shop/protocol';
import { RelayError } from '../errors.js';

/**
 * The fields of a Mux webhook delivery that the relay reads. The full shape is
 * `UnwrapWebhookEvent` in @mux/mux-node: `{type, id, created_at, object: {type, id},
 * data, environment, attempts, accessor, …}`.
 */
export interface MuxWebhookEvent {
  /** e.g. `video.live_stream.active`. */
  type: string;
  /** Unique per event, the same on every delivery attempt: the envelope id. */
  id: string;
  /** ISO 8601: when Mux created the event. */
  created_at?: string;
  object?: { type?: string; id?: string };
  /** The live stream (video.live_stream.*) or asset (video.asset.*) as it was at that moment. */
  data?: Record<string, unknown>;
}

/** The Mux event types the relay acts on; every other type is answered 200 and ignored. */
export const MUX_EVENT_TYPES = [
  'video.live_stream.connected',
  'video.live_stream.recording',
  'video.live_stream.active',
  'video.live_stream.disconnected',
  'video.live_stream.idle',
  'video.asset.ready',
  'video.asset.live_stream_completed',
] as const;

/** What one Mux event says about a live stream, before looking at any show. */
export type MuxSignal =
  /** `video.live_stream.active`: the stream is playable; the show is live. */
  | { kind: 'active'; liveStreamId: string }
  /** `video.live_stream.connected` / `.recording`: the encoder is (back) on. */
  | { kind: 'connected'; liveStreamId: string }
  /** `video.live_stream.disconnected`: the encoder dropped; the reconnect window runs. */
  | { kind: 'disconnected'; liveStreamId: string }
  /** `video.live_stream.idle`: the reconnect window expired (or the stream was completed). */
  | { kind: 'idle'; liveStreamId: string; reconnectWindowMs: number }
  /** A finished recording of the live stream (`video.asset.live_stream_completed`, or `video.asset.ready` once not live). */
  | { kind: 'recording'; liveStreamId: string; assetId: string; playbackId?: string; startPdt?: number }
  | { kind: 'ignore'; reason: string };

/** What to do with the show. `retry` is answered with a 409 so that Mux delivers the event again later. */
export type MuxDecision =
  | { action: 'append'; input: EventInput<'show.status'> }
  | { action: 'ignore'; reason: string }
  | { action: 'retry'; reason: string };

/** Mux's default `reconnect_window` of a standard-latency live stream, in seconds. */
const DEFAULT_RECONNECT_WINDOW_SECONDS = 60;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** An ISO 8601 time as epoch ms (any fraction of a second is cut to ms), or undefined. */
export function parseIsoTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isFinite(time) && time >= 0 ? Math.floor(time) : undefined;
}

/** The delivery's fields the relay needs, or a 400: only a malformed (though signed) payload gets here. */
export function readMuxEvent(value: unknown): MuxWebhookEvent {
  if (!isObject(value)) {
    throw new RelayError(400, 'invalid_webhook', 'The webhook body must be a JSON object as Mux sends it ({"type", "id", "data", …}).');
  }
  const type = nonEmptyString(value.type);
  if (type === undefined) throw new RelayError(400, 'invalid_webhook', 'The webhook has no "type"; Mux always names the event type.', 'type');
  const id = nonEmptyString(value.id);
  if (id === undefined || id.length > 200) {
    throw new RelayError(400, 'invalid_webhook', 'The webhook has no usable "id" (a string of 1–200 characters); Mux always gives each event one.', 'id');
  }
  return {
    type,
    id,
    ...(typeof value.created_at === 'string' ? { created_at: value.created_at } : {}),
    ...(isObject(value.object) ? { object: value.object as MuxWebhookEvent['object'] } : {}),
    ...(isObject(value.data) ? { data: value.data } : {}),
  };
}

/**
 * The recording's first frame, as a program date time: the earliest `started_at` of the
 * asset's `recording_times` (one session per encoder connection, plus `slate` sessions for
 * gaps). Mux documents `recording_times[].started_at` as the wall-clock time at which the
 * recording of the live stream started, which is the PDT of the asset's first frame.
 */
export function recordingStartPdt(asset: Record<string, unknown>): number | undefined {
  const sessions = Array.isArray(asset.recording_times) ? asset.recording_times : [];
  let earliest: number | undefined;
  for (const session of sessions) {
    const started = isObject(session) ? parseIsoTime(session.started_at) : undefined;
    if (started !== undefined && (earliest === undefined || started < earliest)) earliest = started;
  }
  return earliest;
}

/** The playback id viewers can use: the first public one, else the first of any policy. */
export function pickPlaybackId(asset: Record<string, unknown>): string | undefined {
  const ids = (Array.isArray(asset.playback_ids) ? asset.playback_ids : []).filter(isObject);
  const chosen = ids.find((item) => item.policy === 'public') ?? ids[0];
  const id = chosen ? nonEmptyString(chosen.id) : undefined;
  return id !== undefined && id.length <= 200 ? id : undefined;
}

/** What the event says about which live stream, before looking at any show. */
export function readMuxSignal(event: MuxWebhookEvent): MuxSignal {
  const data = event.data ?? {};
  if (event.type.startsWith('video.live_stream.')) {
    const liveStreamId = nonEmptyString(data.id) ?? nonEmptyString(event.object?.id);
    if (liveStreamId === undefined) return { kind: 'ignore', reason: 'the event names no live stream' };
    switch (event.type) {
      case 'video.live_stream.active':
        return { kind: 'active', liveStreamId };
      case 'video.live_stream.connected':
      case 'video.live_stream.recording':
        return { kind: 'connected', liveStreamId };
      case 'video.live_stream.disconnected':
        return { kind: 'disconnected', liveStreamId };
      case 'video.live_stream.idle': {
        const window = typeof data.reconnect_window === 'number' && data.reconnect_window >= 0 ? data.reconnect_window : DEFAULT_RECONNECT_WINDOW_SECONDS;
        return { kind: 'idle', liveStreamId, reconnectWindowMs: Math.round(window * 1000) };
      }
    }
  }
  if (event.type === 'video.asset.live_stream_completed' || event.type === 'video.asset.ready') {
    const liveStreamId = nonEmptyString(data.live_stream_id);
    if (liveStreamId === undefined) return { kind: 'ignore', reason: 'the asset is not the recording of a live stream' };
    // A live stream's asset is "ready" (playable, for DVR) while the stream is still on:
    // it is only a replay once the live stream is over.
    if (data.is_live === true) return { kind: 'ignore', reason: 'the recording is still live; its replay is announced when the live stream completes' };
    if (data.status === 'errored') return { kind: 'ignore', reason: 'the recording errored in Mux' };
    const assetId = nonEmptyString(data.id) ?? nonEmptyString(event.object?.id) ?? '';
    const playbackId = pickPlaybackId(data);
    const startPdt = recordingStartPdt(data);
    return { kind: 'recording', liveStreamId, assetId, ...(playbackId ? { playbackId } : {}), ...(startPdt !== undefined ? { startPdt } : {}) };
  }
  return { kind: 'ignore', reason: `the relay does not act on ${event.type.slice(0, 80)} events` };
}

export interface DecisionContext {
  /** The show's status now, with every event of its log applied. */
  status: ShowState['status'];
  /** When Mux created the event, epoch ms (already no later than the relay's receive time). */
  eventTime: number;
  /** When the live stream last disconnected, if this relay saw it since it last (re)connected. */
  disconnectedAt?: number;
}

/** Slack on the reconnect window when matching an idle event to the disconnect that caused it. */
export const DISCONNECT_MATCH_SLACK_MS = 30_000;

function status(event: MuxWebhookEvent, data: EventInput<'show.status'>['data'], pdt: number): EventInput<'show.status'> {
  return { type: 'show.status', id: event.id, pdt, data };
}

/**
 * The `show.status` event a Mux signal becomes for a show in `context.status`, or why none:
 *
 * - active → `live`, unless the show is live already (a reconnect).
 * - idle → `ended` if the show is live, stamped at the moment the encoder dropped when this
 *   relay saw that disconnect within the reconnect window before, else at the idle event.
 * - a finished recording → `replay-ready {playbackId, startPdt}` once the show has ended; while
 *   it is still live, `retry` (Mux sends the asset's completion around the idle event, in
 *   either order); not for a show that never went live, nor twice for the same replay.
 * - connected, disconnected: nothing in the log (a dropped encoder may come back within the
 *   reconnect window, and viewers keep the live player meanwhile).
 */
export function decideMuxEvent(event: MuxWebhookEvent, signal: MuxSignal, context: DecisionContext): MuxDecision {
  const phase = context.status.phase;
  switch (signal.kind) {
    case 'ignore':
      return { action: 'ignore', reason: signal.reason };
    case 'connected':
      return { action: 'ignore', reason: 'the encoder connected; the show goes live on video.live_stream.active' };
    case 'disconnected':
      return { action: 'ignore', reason: 'the encoder disconnected; the show stays live through the reconnect window and ends on video.live_stream.idle' };
    case 'active':
      if (phase === 'live') return { action: 'ignore', reason: 'the show is already live' };
      return { action: 'append', input: status(event, { status: 'live' }, context.eventTime) };
    case 'idle': {
      if (phase !== 'live') return { action: 'ignore', reason: `the show is ${phase}, not live` };
      const { disconnectedAt, eventTime } = context;
      const matches =
        disconnectedAt !== undefined && disconnectedAt <= eventTime && disconnectedAt >= eventTime - signal.reconnectWindowMs - DISCONNECT_MATCH_SLACK_MS;
      return { action: 'append', input: status(event, { status: 'ended' }, matches ? disconnectedAt : eventTime) };
    }
    case 'recording': {
      if (signal.playbackId === undefined) return { action: 'ignore', reason: 'the recording has no playback id' };
      if (phase === 'scheduled') return { action: 'ignore', reason: 'the show has not been live, so this recording is not its replay' };
      if (phase === 'live') {
        return { action: 'retry', reason: 'the show is still live; its replay is announced once it has ended (video.live_stream.idle), and Mux delivers this event again' };
      }
      const replay = { playbackId: signal.playbackId, ...(signal.startPdt !== undefined ? { startPdt: signal.startPdt } : {}) };
      const current = context.status.replay;
      if (phase === 'replay-ready' && current?.playbackId === replay.playbackId && current.startPdt === replay.startPdt) {
        return { action: 'ignore', reason: 'the show already has this replay' };
      }
      return { action: 'append', input: status(event, { status: 'replay-ready', replay }, context.eventTime) };
    }
  }
}
