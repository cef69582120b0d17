export { createAnonymousIds, MAX_SALT_ROTATION_MS } from './domain/anonymous-ids.ts';
export * from './domain/beacon-frames.ts';
export { hexToBytes } from './domain/bytes.ts';
export { decodeAdvertisement } from './domain/decode-advertisement.ts';
export { decodeAdvertisementHex } from './domain/decode-beacon.ts';
export { decodeEddystone } from './domain/decode-eddystone.ts';
export { decodeManufacturerData } from './domain/decode-manufacturer-data.ts';
export { arrivalEnterDelays, zoneEnterDelays } from './domain/enter-delays.ts';
export { presenceLayoutOf } from './domain/layout-from-store.ts';
export { createMonotonicClock } from './domain/monotonic-clock.ts';
export {
  layoutOfStore,
  percentile,
  replayTrace,
  type Score,
  type Stay,
  scoreEvents,
  truthStays,
} from './domain/presence-quality.ts';
export { createPresenceTracker, type PresenceTracker } from './domain/presence-tracker.ts';
export type * from './domain/presence-types.ts';
export * from './domain/quality-scenarios.ts';
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
export * from './domain/simulated-store.ts';
export * from './domain/store-simulator.ts';
export { planVisits, type VisitPlanOptions } from './domain/visit-plans.ts';
export { randomSalt } from './random-salt.ts';
