import type { DeviceState } from './device-state.ts';
import type { PresenceEvent, ZoneExitReason } from './presence-types.ts';
import type { OccupancyCounts } from './zone-occupancy.ts';

/**
 * The state changes of one device, each keeping the head counts right and emitting its
 * event into the list the tracker hands over. Anonymous devices change state and are
 * counted like the others, but nothing about them is ever emitted.
 */
export interface PresenceTransitions {
  enterStore(device: DeviceState, t: number, at: number): void;
  enterZone(device: DeviceState, zone: number, t: number, at: number): void;
  leaveZone(device: DeviceState, t: number, at: number, reason: ZoneExitReason): void;
  leaveStore(device: DeviceState, t: number, at: number, evicted: boolean): void;
  dwell(device: DeviceState, dwellMs: number, at: number): void;
}

export function createPresenceTransitions(
  zoneIds: readonly string[],
  occupancy: OccupancyCounts,
  events: PresenceEvent[],
): PresenceTransitions {
  const count = occupancy.add;
  const emit = (device: DeviceState, event: PresenceEvent) => {
    if (device.identified) events.push(event);
  };
  const transitions: PresenceTransitions = {
    enterStore(device, t, at) {
      device.present = true;
      device.presentSince = t;
      device.zonesEntered = 0;
      count(device, 1);
      emit(device, { type: 'store-enter', deviceId: device.key, at });
    },
    enterZone(device, zone, t, at) {
      count(device, -1);
      device.zone = zone;
      device.zoneSince = t;
      device.zonesEntered++;
      device.dwellsFired = 0;
      device.candidate = -1;
      device.blockedZone = -1;
      count(device, 1);
      emit(device, { type: 'zone-enter', deviceId: device.key, zoneId: zoneIds[zone] ?? '', at });
    },
    leaveZone(device, t, at, reason) {
      if (device.zone < 0) return;
      const zoneId = zoneIds[device.zone] ?? '';
      count(device, -1);
      device.zone = -1;
      device.candidate = -1;
      count(device, 1);
      const stayedMs = t - device.zoneSince;
      emit(device, { type: 'zone-exit', deviceId: device.key, zoneId, at, stayedMs, reason });
    },
    leaveStore(device, t, at, evicted) {
      if (!device.present) return;
      transitions.leaveZone(device, t, at, evicted ? 'evicted' : 'store-exit');
      count(device, -1);
      device.present = false;
      const stayedMs = t - device.presentSince;
      emit(device, { type: 'store-exit', deviceId: device.key, at, stayedMs, evicted });
    },
    dwell(device, dwellMs, at) {
      device.dwellsFired++;
      const zoneId = zoneIds[device.zone] ?? '';
      emit(device, { type: 'zone-dwell', deviceId: device.key, zoneId, at, dwellMs });
    },
  };
  return transitions;
}
