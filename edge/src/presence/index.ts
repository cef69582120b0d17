export { createAnonymousIds, MAX_SALT_ROTATION_MS } from './domain/anonymous-ids.ts';
export * from './domain/beacon-frames.ts';
export { hexToBytes } from './domain/bytes.ts';
export { decodeAdvertisement } from './domain/decode-advertisement.ts';
export { decodeAdvertisementHex } from './domain/decode-beacon.ts';
export { decodeEddystone } from './domain/decode-eddystone.ts';
export { decodeManufacturerData } from './domain/decode-manufacturer-data.ts';
export { createMonotonicClock } from './domain/monotonic-clock.ts';
export { createPresenceTracker, type PresenceTracker } from './domain/presence-tracker.ts';
export type * from './domain/presence-types.ts';
export { createRandom, type Random } from './domain/random.ts';
export {
  checkRssi,
  type DistanceOptions,
  distanceFromRssi,
  powerAt1mFromPowerAt0m,
  type RssiRejection,
  rssiAtDistance,
} from './domain/rssi.ts';
export * from './domain/rssi-filters.ts';
export { randomSalt } from './random-salt.ts';
