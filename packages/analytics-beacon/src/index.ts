export { createBeacon } from './beacon.js';
export type { Beacon, BeaconOptions, Consent } from './beacon.js';
export type { BeaconBatch, BeaconEvent, KnownEventType, PlaybackMode, PropValue, TrackProps } from './event.js';
export { sendBatch } from './transport.js';
export type { BeaconRequest, Transport } from './transport.js';
