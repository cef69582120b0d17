import type { ArrivalAlert, ZonesViewBody } from '@vitrine/shared';
import { customerName } from './alert-view.ts';

export interface MapZone {
  zoneId: string;
  name: string;
  kind: string;
  identified: number;
  anonymous: number;
  /** Consenting clients whose latest arrival was announced in this zone, newest first. */
  arrivedHere: { customerId: string; name: string; arrivedAt: string }[];
  /** Some of the zone's scanner nodes are offline: its counts may be low. */
  nodesOffline: boolean;
}

/**
 * The store map: the edge's head counts per zone, and where the clients on this tablet's
 * feed were announced, for those who agreed to be sensed (tracking consent) only.
 */
export function storeMapZones(view: ZonesViewBody, alerts: readonly ArrivalAlert[]): MapZone[] {
  const latest = new Map<string, ArrivalAlert>();
  for (const alert of alerts) {
    const seen = latest.get(alert.customerId);
    if (seen === undefined || seen.arrivedAt < alert.arrivedAt) latest.set(alert.customerId, alert);
  }
  const consenting = [...latest.values()]
    .filter((alert) => alert.zoneId !== null && alert.profile?.consent.tracking === true)
    .sort((a, b) => b.arrivedAt.localeCompare(a.arrivedAt));
  return view.zones.map((zone) => ({
    ...zone,
    arrivedHere: consenting
      .filter((alert) => alert.zoneId === zone.zoneId)
      .map((alert) => ({
        customerId: alert.customerId,
        name: customerName(alert),
        arrivedAt: alert.arrivedAt,
      })),
    nodesOffline: view.nodes.some((node) => node.zoneId === zone.zoneId && !node.online),
  }));
}
