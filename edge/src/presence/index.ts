export { createAnonymousIds, MAX_SALT_ROTATION_MS } from './domain/anonymous-ids.ts';
export * from './domain/beacon-frames.ts';
export { hexToBytes } from './domain/bytes.ts';
export { decodeAdvertisement } from './domain/decode-advertisement.ts';
export { decodeAdvertisementHex } from './domain/decode-beacon.ts';
export { decodeEddystone } from './domain/decode-eddystone.ts';
export { decodeManufacturerData } from './domain/decode-manufacturer-data.ts';
export * from './domain/device-identity.ts';
export { arrivalEnterDelays, zoneEnterDelays } from './domain/enter-delays.ts';
export { presenceLayoutOf } from './domain/layout-from-store.ts';
export { type SimReceivers, simStoreOfLayout } from './domain/layout-sim-store.ts';
export { createMonotonicClock } from './domain/monotonic-clock.ts';
export { readingsOfBatch } from './domain/node-readings.ts';
export {
  layoutOfStore,
  percentile,
  replayTrace,
  type Score,
  type Stay,
  scoreEvents,
  truthStays,
} from './domain/presence-quality.ts';
export { presenceIngestEvent } from './domain/presence-report.ts';
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
export { LayoutFileError, loadLayoutFile } from './layout-file.ts';
export { createPresenceArrivals, type PresenceArrivalsOptions } from './presence-arrivals.ts';
export { createPresenceMetrics, type PresenceMetrics } from './presence-metrics.ts';
export { createPresenceRoutes } from './presence-routes.ts';
export * from './presence-service.ts';
export { createPresenceSources, type PresenceSourcesOptions } from './presence-sources.ts';
export { randomSalt } from './random-salt.ts';
export * from './sources/espresense-source.ts';
export {
  createMqttFeed,
  type MqttFeed,
  type MqttFeedOptions,
} from './sources/mqtt-feed-adapter.ts';
export type { MqttSourceOptions } from './sources/mqtt-source-options.ts';
export * from './sources/noble-source.ts';
export * from './sources/node-mqtt-source.ts';
export * from './sources/playback.ts';
export * from './sources/presence-source.ts';
export * from './sources/ranging-source.ts';
export * from './sources/replay-source.ts';
export * from './sources/simulator-source.ts';
export type { ZonesView } from './zones-view.ts';
