import { RelayError } from '../errors.js';

/**
 * A Mux resource id (live stream, asset, playback id). Mux documents them as at most 255
 * characters; in practice they are letters and digits. `-` and `_` are allowed so that a
 * future id format is not refused.
 */
export const MUX_ID_PATTERN = /^[A-Za-z0-9_-]{1,255}$/;

/**
 * Checks the `muxLiveStreamId` field of a show: a Mux live stream id, or (when `allowNull`,
 * as in `PATCH /v1/shows/:id`) `null` to unlink the show from its live stream.
 */
export function checkMuxLiveStreamId(value: unknown, allowNull: boolean): void {
  if (value === undefined || (allowNull && value === null)) return;
  if (typeof value !== 'string' || !MUX_ID_PATTERN.test(value)) {
    const unlink = allowNull ? ', or null to unlink the show from its live stream' : '';
    throw new RelayError(
      400,
      'invalid_show',
      `muxLiveStreamId must be the id of a Mux live stream (1–255 letters and digits, as in the Mux dashboard)${unlink}; fix it or leave it out.`,
      'muxLiveStreamId',
    );
  }
}

/** The 409 for a live stream already linked to another show. */
export function muxLiveStreamInUse(liveStreamId: string, showId: string): RelayError {
  return new RelayError(
    409,
    'mux_live_stream_in_use',
    `Mux live stream "${liveStreamId}" is already linked to show "${showId}"; unlink it there first with PATCH /v1/shows/${showId} {"muxLiveStreamId": null}.`,
    'muxLiveStreamId',
  );
}
