import type { DeviceState } from './device-state.ts';
import type { ZoneOccupancy } from './presence-types.ts';

/**
 * Running head counts per zone, identified and anonymous apart, plus those present whose
 * zone is unknown. Kept incrementally: every zone change removes the device from where
 * it was counted and adds it where it is now.
 */
export interface OccupancyCounts {
  /** Call with -1 before changing a device's presence or zone, with +1 after. */
  add(device: DeviceState, delta: 1 | -1): void;
  snapshot(): { zones: Record<string, ZoneOccupancy>; unknownZone: ZoneOccupancy };
}

export function createOccupancyCounts(zoneIds: readonly string[]): OccupancyCounts {
  const inZone = {
    identified: new Int32Array(zoneIds.length),
    anonymous: new Int32Array(zoneIds.length),
  };
  const unknownZone = { identified: 0, anonymous: 0 };
  return {
    add(device, delta) {
      if (!device.present) return;
      const kind = device.identified ? 'identified' : 'anonymous';
      if (device.zone < 0) unknownZone[kind] += delta;
      else inZone[kind][device.zone] = (inZone[kind][device.zone] ?? 0) + delta;
    },
    snapshot() {
      const zones: Record<string, ZoneOccupancy> = {};
      zoneIds.forEach((zoneId, zone) => {
        zones[zoneId] = {
          identified: inZone.identified[zone] ?? 0,
          anonymous: inZone.anonymous[zone] ?? 0,
        };
      });
      return { zones, unknownZone: { ...unknownZone } };
    },
  };
}
