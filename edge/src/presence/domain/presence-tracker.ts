import { createAnonymousIds } from './anonymous-ids.ts';
import { type DeviceState, newDeviceState, recordReading, scoreZones } from './device-state.ts';
import { indexLayout, setReceiverOnline } from './layout-index.ts';
import { createMonotonicClock } from './monotonic-clock.ts';
import { createPresenceTransitions } from './presence-transitions.ts';
import type {
  DevicePresence,
  PresenceEvent,
  PresenceSighting,
  PresenceStats,
  PresenceTrackerOptions,
  SightingOutcome,
  SightingRejection,
  ZoneOccupancy,
} from './presence-types.ts';
import { checkRssi } from './rssi.ts';
import { createSmoother } from './rssi-filters.ts';
import { decideZone } from './zone-hysteresis.ts';
import { createOccupancyCounts } from './zone-occupancy.ts';

export interface PresenceTracker {
  /** Folds one reading in; the events it caused, or why it was refused. */
  sighting(sighting: PresenceSighting, now: number): SightingOutcome;
  /** Lets time pass (call about every second): exits, dwells, idle eviction, salt rotation. */
  tick(now: number): readonly PresenceEvent[];
  /** Node health: a zone whose receivers are all offline becomes unknown for those in it. */
  receiverStatus(receiverId: string, online: boolean, now: number): readonly PresenceEvent[];
  /** Where an identified device is; anonymous devices cannot be looked up by design. */
  presenceOf(deviceId: string): DevicePresence;
  occupancy(): { zones: Record<string, ZoneOccupancy>; unknownZone: ZoneOccupancy };
  stats(): PresenceStats;
}

const NONE: readonly PresenceEvent[] = Object.freeze([]);
const OK_NONE: SightingOutcome = Object.freeze({ ok: true, events: NONE });

export function createPresenceTracker({
  layout,
  newSalt,
  isIdentified = () => false,
  smoothing = { kind: 'kalman' },
  referencePower = -59,
  presentThresholdDbm = -92,
  enterThresholdDbm = -80,
  exitThresholdDbm = -90,
  ambiguityMarginDb = 3,
  switchMarginDb = 6,
  switchEvidenceDbS = 20,
  minSwitchMs = 2_000,
  enterConfirmMs = 500,
  firstZoneGraceMs = 20_000,
  confidence = 0,
  zoneExitAfterMs = 10_000,
  storeExitAfterMs = 30_000,
  dwellThresholdsMs = [30_000, 120_000],
  maxDevices = 20_000,
  maxReceiversPerDevice = 12,
  saltRotationMs = 300_000,
  maxClockStepMs = 60_000,
  clockSkewToleranceMs = 2_000,
}: PresenceTrackerOptions): PresenceTracker {
  const index = indexLayout(layout, referencePower);
  const smoother = createSmoother(smoothing);
  const clock = createMonotonicClock({
    maxStepMs: maxClockStepMs,
    skewToleranceMs: clockSkewToleranceMs,
  });
  const anonymousIds = createAnonymousIds({ newSalt, rotationMs: saltRotationMs });
  const identified = new Map<string, DeviceState>();
  const anonymous = new Map<string, DeviceState>();
  const zoneCount = index.zoneIds.length;
  const occupancy = createOccupancyCounts(index.zoneIds);
  const scratch = new Float64Array(zoneCount);
  const variances = new Float64Array(zoneCount);
  const dark = { current: false, blocked: false };
  /** Events of the call in progress, handed over (and emptied) when it returns: no garbage per reading. */
  const pending: PresenceEvent[] = [];
  const scores = { best: -1, bestScore: 0, secondScore: 0, bestVariance: 0, secondVariance: 0 };
  const hysteresis = {
    enterThresholdDbm,
    exitThresholdDbm,
    ambiguityMarginDb,
    switchMarginDb,
    switchEvidenceDbS,
    minSwitchMs,
    enterConfirmMs,
    firstZoneGraceMs,
    confidence,
  };
  const rejected: Partial<Record<SightingRejection, number>> = {};
  let evictions = 0;

  function reject(reason: SightingRejection): SightingOutcome {
    rejected[reason] = (rejected[reason] ?? 0) + 1;
    return { ok: false, reason };
  }

  const {
    enterStore,
    enterZone,
    leaveZone,
    dwell,
    leaveStore: markGone,
  } = createPresenceTransitions(index.zoneIds, occupancy, pending);

  /** The events of the call that is returning; the list is emptied for the next one. */
  function handOver(): readonly PresenceEvent[] {
    return pending.length === 0 ? NONE : pending.splice(0);
  }

  function leaveStore(device: DeviceState, t: number, at: number, evicted: boolean) {
    markGone(device, t, at, evicted);
    (device.identified ? identified : anonymous).delete(device.key);
  }

  /** The hysteresis: where the device is, given its smoothed evidence at time t. */
  function evaluate(device: DeviceState, t: number, at: number, fromReading = false) {
    const { bestScore } = scoreZones(
      device,
      index,
      t,
      zoneExitAfterMs,
      scratch,
      variances,
      smoother,
      scores,
    );
    if (!device.present) {
      if (bestScore < presentThresholdDbm) return;
      enterStore(device, t, at);
    }
    const current = device.zone;
    dark.current = current >= 0 && index.onlineInZone[current] === 0;
    dark.blocked = device.blockedZone >= 0 && index.onlineInZone[device.blockedZone] === 0;
    const decision = decideZone(
      device,
      scores,
      current >= 0 ? (scratch[current] ?? Number.NEGATIVE_INFINITY) : Number.NEGATIVE_INFINITY,
      dark,
      t,
      hysteresis,
      fromReading,
    );
    device.evaluatedAt = t;
    if (decision.kind === 'leave') {
      leaveZone(device, t, at, decision.reason);
      if (decision.reason === 'receivers-offline') device.blockedZone = current;
      if (decision.enter >= 0) enterZone(device, decision.enter, t, at);
    } else if (decision.kind === 'enter') {
      enterZone(device, decision.zone, t, at);
    }
    while (device.zone >= 0 && device.dwellsFired < dwellThresholdsMs.length) {
      const threshold = dwellThresholdsMs[device.dwellsFired] ?? Number.POSITIVE_INFINITY;
      if (t - device.zoneSince < threshold) break;
      dwell(device, threshold, at);
    }
  }

  /** The hard cap: under a flood of random addresses the oldest anonymous devices go first. */
  function makeRoom(t: number, at: number) {
    while (identified.size + anonymous.size >= maxDevices) {
      const oldest = anonymous.values().next().value ?? identified.values().next().value;
      if (oldest === undefined) return;
      leaveStore(oldest, t, at, true);
      evictions++;
    }
  }

  function lookup(deviceId: string, isKnown: boolean): DeviceState | undefined {
    if (isKnown) return identified.get(deviceId);
    const key = anonymousIds.current(deviceId);
    const device = anonymous.get(key);
    if (device !== undefined) return device;
    const previousKey = anonymousIds.previous(deviceId);
    const carried = previousKey === null ? undefined : anonymous.get(previousKey);
    if (carried === undefined || previousKey === null) return undefined;
    // Carry the device over to its new key so it is not counted twice across a rotation.
    anonymous.delete(previousKey);
    carried.key = key;
    anonymous.set(key, carried);
    return carried;
  }

  return {
    sighting({ deviceId, receiverId, rssi }, now) {
      const invalid = checkRssi(rssi);
      if (invalid !== null) return reject(invalid);
      const receiver = index.receiverOf.get(receiverId);
      if (receiver === undefined) return reject('unknown-receiver');
      if (deviceId.length === 0) return reject('empty-device-id');
      const t = clock.read(now);
      anonymousIds.advance(t);
      const isKnown = isIdentified(deviceId);
      let device = lookup(deviceId, isKnown);
      if (device === undefined) {
        makeRoom(t, now);
        device = newDeviceState(isKnown ? deviceId : anonymousIds.current(deviceId), isKnown, t);
        (isKnown ? identified : anonymous).set(device.key, device);
      }
      device.lastSeen = t;
      recordReading(device, receiver, rssi, t, smoother, maxReceiversPerDevice);
      evaluate(device, t, now, true);
      return pending.length === 0 ? OK_NONE : { ok: true, events: handOver() };
    },
    tick(now) {
      const t = clock.read(now);
      anonymousIds.advance(t);
      for (const devices of [identified, anonymous]) {
        for (const device of devices.values()) {
          if (t - device.lastSeen > storeExitAfterMs) leaveStore(device, t, now, false);
          else evaluate(device, t, now);
        }
      }
      return handOver();
    },
    receiverStatus(receiverId, online, now) {
      const receiver = index.receiverOf.get(receiverId);
      if (receiver === undefined) return NONE;
      const t = clock.read(now);
      const darkZone = setReceiverOnline(index, receiver, online);
      if (darkZone < 0) return NONE;
      for (const devices of [identified, anonymous]) {
        for (const device of devices.values()) {
          if (device.zone === darkZone) evaluate(device, t, now);
        }
      }
      return handOver();
    },
    presenceOf(deviceId) {
      const device = identified.get(deviceId);
      if (device === undefined || !device.present) return { state: 'not-present' };
      const zoneId = device.zone >= 0 ? (index.zoneIds[device.zone] ?? null) : null;
      return {
        state: 'present',
        zoneId,
        since: zoneId === null ? device.presentSince : device.zoneSince,
      };
    },
    occupancy: () => occupancy.snapshot(),
    stats() {
      return {
        devices: identified.size + anonymous.size,
        identified: identified.size,
        anonymous: anonymous.size,
        evictions,
        clockJumps: clock.jumps,
        saltRotations: anonymousIds.rotations,
        rejected: { ...rejected },
      };
    },
  };
}
