/**
 * @live-shop/live-simulator: a local live HLS stream whose EXT-X-PROGRAM-DATE-TIME follows
 * the wall clock, served from a few committed segments. Node only.
 *
 * @packageDocumentation
 */
export { createLiveSimulator } from './simulator.js';
export type { LiveSimulator, LiveSimulatorOptions } from './simulator.js';
export {
  discontinuitiesBefore,
  livePlaylist,
  liveSlots,
  newestCompleteSlot,
  recordingSlots,
  segmentDurationMs,
  slotPdt,
  startsDiscontinuity,
  vodPlaylist,
} from './playlist.js';
export type { LiveWindow, Recording, StreamClock } from './playlist.js';
