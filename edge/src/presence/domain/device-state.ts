import type { LayoutIndex } from './layout-index.ts';
import type { FilterState, Smoother } from './rssi-filters.ts';

/** One receiver's smoothed view of one device. */
export interface Track {
  receiver: number;
  filter: FilterState;
}

/** Everything the tracker holds about one device (keyed by its id or its anonymous key). */
export interface DeviceState {
  key: string;
  identified: boolean;
  tracks: Track[];
  lastSeen: number;
  present: boolean;
  presentSince: number;
  /** Zone index, or -1 when present but the zone is unknown. */
  zone: number;
  zoneSince: number;
  dwellsFired: number;
  /** The zone that is winning but not yet confirmed, and since when. */
  candidate: number;
  candidateSince: number;
  /** The candidate's accumulated advantage beyond the switch margin, dB·s. */
  evidence: number;
  /** When the device's zone was last evaluated, for the evidence's time steps. */
  evaluatedAt: number;
  /** A zone whose receivers went offline while the device was in it: -1 when none. */
  blockedZone: number;
  /** Zones entered during this visit: the first one is named on little evidence, so it may be corrected quickly. */
  zonesEntered: number;
}

export function newDeviceState(key: string, identified: boolean, now: number): DeviceState {
  return {
    key,
    identified,
    tracks: [],
    lastSeen: now,
    present: false,
    presentSince: now,
    zone: -1,
    zoneSince: now,
    dwellsFired: 0,
    candidate: -1,
    candidateSince: now,
    evidence: 0,
    evaluatedAt: now,
    blockedZone: -1,
    zonesEntered: 0,
  };
}

/** Folds a reading into the device's track for that receiver, making room when it hears too many. */
export function recordReading(
  device: DeviceState,
  receiver: number,
  rssi: number,
  now: number,
  smoother: Smoother,
  maxTracks: number,
): void {
  const tracks = device.tracks;
  for (let i = 0; i < tracks.length; i++) {
    const track = tracks[i];
    if (track !== undefined && track.receiver === receiver) {
      smoother.update(track.filter, rssi, now);
      return;
    }
  }
  const track = { receiver, filter: smoother.start(rssi, now) };
  if (tracks.length < maxTracks) {
    tracks.push(track);
    return;
  }
  let stalest = 0;
  for (let i = 1; i < tracks.length; i++) {
    if ((tracks[i]?.filter.lastAt ?? 0) < (tracks[stalest]?.filter.lastAt ?? 0)) stalest = i;
  }
  tracks[stalest] = track;
}

export interface ZoneScores {
  best: number;
  bestScore: number;
  secondScore: number;
  /** Variance of the best and runner-up zones' estimates: large while readings are few. */
  bestVariance: number;
  secondVariance: number;
}

/**
 * Each zone's score is its strongest normalised, smoothed signal among online receivers
 * heard within the evidence window; scratch is one slot per zone, reused across calls.
 */
export function scoreZones(
  device: DeviceState,
  layout: LayoutIndex,
  now: number,
  evidenceMs: number,
  scratch: Float64Array,
  variances: Float64Array,
  smoother: Smoother,
  out: ZoneScores,
): ZoneScores {
  scratch.fill(Number.NEGATIVE_INFINITY);
  for (const track of device.tracks) {
    if (now - track.filter.lastAt > evidenceMs) continue;
    if (layout.receiverOnline[track.receiver] !== 1) continue;
    const zone = layout.zoneOfReceiver[track.receiver] ?? 0;
    const score = track.filter.value + (layout.offsetOfReceiver[track.receiver] ?? 0);
    if (score > (scratch[zone] ?? Number.NEGATIVE_INFINITY)) {
      scratch[zone] = score;
      variances[zone] = smoother.variance(track.filter);
    }
  }
  out.best = -1;
  out.bestScore = Number.NEGATIVE_INFINITY;
  out.secondScore = Number.NEGATIVE_INFINITY;
  out.bestVariance = 0;
  out.secondVariance = 0;
  for (let zone = 0; zone < scratch.length; zone++) {
    const score = scratch[zone] ?? Number.NEGATIVE_INFINITY;
    const variance = variances[zone] ?? 0;
    if (score > out.bestScore) {
      out.secondScore = out.bestScore;
      out.secondVariance = out.bestVariance;
      out.bestScore = score;
      out.bestVariance = variance;
      out.best = zone;
    } else if (score > out.secondScore) {
      out.secondScore = score;
      out.secondVariance = variance;
    }
  }
  return out;
}
