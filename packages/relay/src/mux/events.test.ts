import { describe, expect, it } from 'vitest';
import { ASSET_PLAYBACK_ID, LIVE_STREAM_ID, muxFixture } from '../testing/mux-webhooks.js';
import { decideMuxEvent, parseIsoTime, pickPlaybackId, readMuxEvent, readMuxSignal, recordingStartPdt } from './events.js';

describe('reading Mux events', () => {
  it('parses Mux times with microseconds to epoch ms', () => {
    expect(parseIsoTime('2025-05-01T11:30:14.512345Z')).toBe(Date.UTC(2025, 4, 1, 11, 30, 14, 512));
    expect(parseIsoTime('2025-05-01T11:30:14Z')).toBe(Date.UTC(2025, 4, 1, 11, 30, 14));
    expect(parseIsoTime('yesterday')).toBeUndefined();
    expect(parseIsoTime(1746099001)).toBeUndefined();
  });

  it('takes the first frame of a recording from the earliest recording_times[].started_at, slate included', () => {
    expect(
      recordingStartPdt({
        recording_times: [
          { type: 'content', started_at: '2025-05-01T11:45:10.700000Z', duration: 10 },
          { type: 'slate', started_at: '2025-05-01T11:30:01.000000Z', duration: 1 },
          { type: 'content', started_at: 'not a time' },
        ],
      }),
    ).toBe(Date.UTC(2025, 4, 1, 11, 30, 1));
    expect(recordingStartPdt({})).toBeUndefined();
    expect(recordingStartPdt({ recording_times: 'soon' })).toBeUndefined();
  });

  it('prefers a public playback id', () => {
    expect(pickPlaybackId({ playback_ids: [{ policy: 'signed', id: 'signed1' }, { policy: 'public', id: 'public1' }] })).toBe('public1');
    expect(pickPlaybackId({ playback_ids: [{ policy: 'signed', id: 'signed1' }] })).toBe('signed1');
    expect(pickPlaybackId({ playback_ids: [] })).toBeUndefined();
    expect(pickPlaybackId({})).toBeUndefined();
  });

  it('reads the live stream and the recording of the fixtures', () => {
    const completed = readMuxEvent(JSON.parse(muxFixture('video.asset.live_stream_completed')));
    expect(readMuxSignal(completed)).toEqual({
      kind: 'recording',
      liveStreamId: LIVE_STREAM_ID,
      assetId: 'bZ2Vkt01Uk3L2Nfbw5cTvVh02Ahp8SmLZnCRcYuAnU4ws',
      playbackId: ASSET_PLAYBACK_ID,
      startPdt: Date.UTC(2025, 4, 1, 11, 30, 2, 480),
    });
    const idle = readMuxEvent(JSON.parse(muxFixture('video.live_stream.idle')));
    expect(readMuxSignal(idle)).toEqual({ kind: 'idle', liveStreamId: LIVE_STREAM_ID, reconnectWindowMs: 60_000 });
    expect(readMuxSignal(readMuxEvent(JSON.parse(muxFixture('video.asset.ready'))))).toMatchObject({ kind: 'ignore' });
  });

  it('ends the show at the idle event when the remembered disconnect is not the one that caused it', () => {
    const idle = readMuxEvent(JSON.parse(muxFixture('video.live_stream.idle')));
    const signal = readMuxSignal(idle);
    const eventTime = Date.UTC(2025, 4, 1, 12, 0, 40);
    const longBefore = eventTime - 60_000 - 31_000;
    expect(decideMuxEvent(idle, signal, { status: { phase: 'live' }, eventTime, disconnectedAt: longBefore })).toMatchObject({
      action: 'append',
      input: { pdt: eventTime, data: { status: 'ended' } },
    });
    expect(decideMuxEvent(idle, signal, { status: { phase: 'live' }, eventTime, disconnectedAt: eventTime - 60_500 })).toMatchObject({
      input: { pdt: eventTime - 60_500 },
    });
  });
});
