import { beaconIdentity, type StoreLayout, zoneOfRoom } from '@vitrine/shared';
import type { PresenceLayout, PresenceReceiver } from './presence-types.ts';

/**
 * The presence layout of a store layout file. Receivers are of two kinds: scanner nodes
 * (by node id, standing in the zone that lists their room) and the store's beacons (by
 * the identity ranging reports use, standing in their zone, with their measured power).
 * ESPresense nodes already add their calibration offset (firmware-config sends it as
 * `rx_adj_rssi`), so only other nodes have it added here.
 */
export function presenceLayoutOf(layout: StoreLayout): PresenceLayout {
  const receivers: PresenceReceiver[] = [];
  for (const node of layout.nodes) {
    const zoneId = zoneOfRoom(layout, node.room);
    if (zoneId === null) continue;
    const calibrationDb = node.firmware === 'espresense' ? 0 : node.calibrationOffsetDb;
    receivers.push({ id: node.id, zoneId, calibrationDb });
  }
  for (const beacon of layout.beacons) {
    receivers.push({
      id: beaconIdentity(beacon),
      zoneId: beacon.zone,
      measuredPower: beacon.measuredPowerDbm,
    });
  }
  return { zones: layout.zones.map((zone) => ({ id: zone.id })), receivers };
}
