import type { SmoothingOptions } from './rssi-filters.ts';

/** A zone of the store layout; presence only needs its id. */
export interface PresenceZone {
  id: string;
}

/**
 * Something that measures RSSI to a device and stands in a zone: a scanner node or the
 * gateway's radio hearing the device, or a store beacon heard by the customer's phone (in a
 * ranging report the beacon is the fixed end, so it plays the receiver's part).
 */
export interface PresenceReceiver {
  id: string;
  zoneId: string;
  /** Added to every reading of this receiver: corrects a node that hears weaker than the reference. */
  calibrationDb?: number;
  /** Calibrated RSSI at 1 m of this receiver's link (a beacon's measured power); readings are normalised to the tracker's reference power. */
  measuredPower?: number;
}

export interface PresenceLayout {
  zones: readonly PresenceZone[];
  receivers: readonly PresenceReceiver[];
}

export interface PresenceSighting {
  /** A device address, a resolved beacon identity or a customer reference. */
  deviceId: string;
  receiverId: string;
  rssi: number;
}

/** Why a zone stay ended. */
export type ZoneExitReason = 'moved' | 'faded' | 'receivers-offline' | 'store-exit' | 'evicted';

export type PresenceEvent =
  | { type: 'store-enter'; deviceId: string; at: number }
  | { type: 'zone-enter'; deviceId: string; zoneId: string; at: number }
  | { type: 'zone-dwell'; deviceId: string; zoneId: string; at: number; dwellMs: number }
  | {
      type: 'zone-exit';
      deviceId: string;
      zoneId: string;
      at: number;
      stayedMs: number;
      reason: ZoneExitReason;
    }
  | { type: 'store-exit'; deviceId: string; at: number; stayedMs: number; evicted: boolean };

/** Where a tracked device is: not present, present in a zone, or present where we cannot tell. */
export type DevicePresence =
  | { state: 'not-present' }
  | { state: 'present'; zoneId: string | null; since: number };

export type SightingRejection =
  | 'rssi-not-a-number'
  | 'rssi-positive'
  | 'rssi-below-floor'
  | 'unknown-receiver'
  | 'empty-device-id';

export type SightingOutcome =
  | { ok: true; events: readonly PresenceEvent[] }
  | { ok: false; reason: SightingRejection };

export interface ZoneOccupancy {
  /** Devices of consenting customers and known devices in the zone. */
  identified: number;
  /** Everything else: counted, never followed. */
  anonymous: number;
}

export interface PresenceStats {
  devices: number;
  identified: number;
  anonymous: number;
  /** Devices dropped by the hard cap before their idle timeout. */
  evictions: number;
  clockJumps: number;
  saltRotations: number;
  rejected: Partial<Record<SightingRejection, number>>;
}

export interface PresenceTrackerOptions {
  layout: PresenceLayout;
  /** True for a device linked to a consenting customer or a known device; all others are anonymous. */
  isIdentified?: (deviceId: string) => boolean;
  smoothing?: SmoothingOptions;
  /** The power at 1 m readings are normalised to, so beacons of different powers compare. */
  referencePower?: number;
  /** A device is present in the store once a normalised reading reaches this. */
  presentThresholdDbm?: number;
  /** A zone's smoothed signal must reach this to be entered. */
  enterThresholdDbm?: number;
  /** The current zone is left when its smoothed signal falls below this (lower than enter: hysteresis). */
  exitThresholdDbm?: number;
  /** From no zone, the best zone must beat the second by this much, or the zone stays unknown. */
  ambiguityMarginDb?: number;
  /** A zone must beat the current one by more than this... */
  switchMarginDb?: number;
  /** ...until its advantage beyond the margin, summed over time, reaches this (dB·s)... */
  switchEvidenceDbS?: number;
  /** ...and for at least this long, before the device switches to it. */
  minSwitchMs?: number;
  /** From no zone, the best zone must stay best this long, and be confirmed by a new reading. */
  enterConfirmMs?: number;
  /** For this long after the first zone of a visit is named, a zone ahead by the ambiguity margin replaces it at once. */
  firstZoneGraceMs?: number;
  /** How many standard deviations of the smoothed estimates' difference a zone must also win by. */
  confidence?: number;
  /** With no reading from the current zone's receivers for this long, the zone is left. */
  zoneExitAfterMs?: number;
  /** With no reading at all for this long, the device has left the store. */
  storeExitAfterMs?: number;
  /** Each fires once per zone stay. */
  dwellThresholdsMs?: readonly number[];
  /** Hard cap on devices held; beyond it the oldest anonymous device goes first. */
  maxDevices?: number;
  maxReceiversPerDevice?: number;
  /** How often the salt of anonymous identifiers changes; at most five minutes. */
  saltRotationMs?: number;
  /** Where salts come from (randomness is passed in, like time): `randomSalt` in production. */
  newSalt: () => string;
  /** A clock step larger than this between two calls is a clock jump, not elapsed time. */
  maxClockStepMs?: number;
  /** Readings this far in the past are reordering; further back, the clock jumped. */
  clockSkewToleranceMs?: number;
}
