import { beaconIdentity, type StoreLayout, zoneOfRoom } from '@vitrine/shared';
import type { SimReceiver, SimStore, SimZone } from './simulated-store.ts';

/** The RSSI at 1 m at which a scanner node hears a phone or a badge. */
const NODE_MEASURED_POWER = -59;

/** Which fixed ends the simulated store has: nodes hear devices, phones hear beacons. */
export type SimReceivers = 'nodes' | 'beacons';

function boxOf(zone: StoreLayout['zones'][number], index: number): SimZone {
  const points = zone.polygon;
  if (points === undefined) return { id: zone.id, x0: index * 6, y0: 0, x1: index * 6 + 6, y1: 6 };
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  return {
    id: zone.id,
    x0: Math.min(...xs),
    y0: Math.min(...ys),
    x1: Math.max(...xs),
    y1: Math.max(...ys),
  };
}

/**
 * The floor plan the store simulator walks people through, from the store's layout file:
 * each zone as the box around its outline (a zone without one gets a 6 × 6 m box in a
 * row), the receivers spread along their zone's middle, and the door on the outer edge of
 * the entrance. The layout gives no receiver positions; the middle of the zone is where an
 * installer puts a node or a beacon meant to cover it.
 */
export function simStoreOfLayout(layout: StoreLayout, receivers: SimReceivers): SimStore {
  const zones = layout.zones.map(boxOf);
  const fixed: { id: string; zoneId: string; measuredPower: number }[] =
    receivers === 'beacons'
      ? layout.beacons.map((beacon) => ({
          id: beaconIdentity(beacon),
          zoneId: beacon.zone,
          measuredPower: beacon.measuredPowerDbm,
        }))
      : layout.nodes.flatMap((node) => {
          const zoneId = zoneOfRoom(layout, node.room);
          return zoneId === null
            ? []
            : [{ id: node.id, zoneId, measuredPower: NODE_MEASURED_POWER }];
        });
  const placed: SimReceiver[] = [];
  for (const zone of zones) {
    const here = fixed.filter((receiver) => receiver.zoneId === zone.id);
    const wide = zone.x1 - zone.x0 >= zone.y1 - zone.y0;
    here.forEach((receiver, i) => {
      const f = (i + 1) / (here.length + 1);
      placed.push({
        ...receiver,
        x: wide ? zone.x0 + (zone.x1 - zone.x0) * f : (zone.x0 + zone.x1) / 2,
        y: wide ? (zone.y0 + zone.y1) / 2 : zone.y0 + (zone.y1 - zone.y0) * f,
      });
    });
  }
  const entranceIndex = Math.max(
    0,
    layout.zones.findIndex((zone) => zone.kind === 'entrance'),
  );
  const entrance = zones[entranceIndex] ?? { x0: 0, y0: 0, x1: 6, y1: 6 };
  return {
    zones,
    receivers: placed,
    door: { x: entrance.x0, y: (entrance.y0 + entrance.y1) / 2 },
  };
}
