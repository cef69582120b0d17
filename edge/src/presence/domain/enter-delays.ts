import type { Stay } from './presence-quality.ts';
import type { PresenceEvent } from './presence-types.ts';
import type { SimSighting } from './store-simulator.ts';

export interface ArrivalDelayOptions {
  /** The zone each receiver stands in. */
  zoneOfReceiver: ReadonlyMap<string, string>;
  /** A reading at or above this (normalised to the reference power) qualifies for entering... */
  enterThresholdDbm: number;
  /** ...when it beats the other zones' readings of the same advertisement by this much. */
  ambiguityMarginDb: number;
}

/**
 * For each device's first zone after arriving: the time from the first qualifying
 * advertisement (during the stay, one whose readings name that zone on their own: above
 * the enter threshold and ahead of every other zone by the ambiguity margin) to the
 * reported zone enter. Sightings must be in time order. Missing reports count as an infinite delay.
 */
export function arrivalEnterDelays(
  sightings: readonly SimSighting[],
  stays: readonly Stay[],
  reported: readonly PresenceEvent[],
  { zoneOfReceiver, enterThresholdDbm, ambiguityMarginDb }: ArrivalDelayOptions,
): number[] {
  const firstStay = new Map<string, Stay>();
  for (const stay of stays) {
    const known = firstStay.get(stay.deviceId);
    if (known === undefined || stay.from < known.from) firstStay.set(stay.deviceId, stay);
  }
  // One advertisement is every reading of one device with the same time: it qualifies when
  // the zone's strongest reading clears the threshold and beats every other zone's by the margin.
  const qualifyingAt = new Map<string, number>();
  const best = new Map<string, number>();
  const flush = (deviceId: string, at: number) => {
    const stay = firstStay.get(deviceId);
    const mine = best.get(stay?.zoneId ?? '') ?? Number.NEGATIVE_INFINITY;
    let others = Number.NEGATIVE_INFINITY;
    for (const [zoneId, rssi] of best) if (zoneId !== stay?.zoneId) others = Math.max(others, rssi);
    if (mine >= enterThresholdDbm && mine - others >= ambiguityMarginDb)
      qualifyingAt.set(deviceId, at);
    best.clear();
  };
  let current: { deviceId: string; at: number } | null = null;
  for (const s of sightings) {
    const stay = firstStay.get(s.deviceId);
    if (stay === undefined || qualifyingAt.has(s.deviceId)) continue;
    if (s.at < stay.from || s.at > stay.to) continue;
    if (current !== null && (current.deviceId !== s.deviceId || current.at !== s.at)) {
      flush(current.deviceId, current.at);
    }
    current = { deviceId: s.deviceId, at: s.at };
    const zoneId = zoneOfReceiver.get(s.receiverId) ?? '';
    best.set(zoneId, Math.max(best.get(zoneId) ?? Number.NEGATIVE_INFINITY, s.rssi));
  }
  if (current !== null && !qualifyingAt.has(current.deviceId)) flush(current.deviceId, current.at);
  const delays: number[] = [];
  for (const [deviceId, at] of qualifyingAt) {
    const stay = firstStay.get(deviceId);
    const enter = reported.find(
      (e) =>
        e.type === 'zone-enter' &&
        e.deviceId === deviceId &&
        e.zoneId === stay?.zoneId &&
        e.at >= (stay?.from ?? 0),
    );
    // A tracker that entered on earlier, smoothed evidence was not late: zero.
    delays.push(enter === undefined ? Number.POSITIVE_INFINITY : Math.max(0, enter.at - at));
  }
  return delays;
}

/** For every stay of at least minStayMs: time from the true enter to the reported one. */
export function zoneEnterDelays(
  stays: readonly Stay[],
  reported: readonly PresenceEvent[],
  { minStayMs = 10_000, toleranceMs = 10_000 } = {},
): number[] {
  return stays
    .filter((stay) => stay.to - stay.from >= minStayMs)
    .map((stay) => {
      const enter = reported.find(
        (e) =>
          e.type === 'zone-enter' &&
          e.deviceId === stay.deviceId &&
          e.zoneId === stay.zoneId &&
          Math.abs(e.at - stay.from) <= toleranceMs,
      );
      return enter === undefined ? Number.POSITIVE_INFINITY : enter.at - stay.from;
    });
}
