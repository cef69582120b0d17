import type { ArrivalAlert, ZonesViewBody } from '@vitrine/shared';
import { customerName } from './alert-view.ts';

/** A consenting client the edge follows, where it places them now. */
export interface MapClient {
  customerId: string;
  name: string;
  /** Since when they are in this zone (or in the store, zone unknown). */
  since: string;
}

export interface MapZone {
  zoneId: string;
  name: string;
  kind: string;
  identified: number;
  anonymous: number;
  /** Consenting clients in this zone now, longest here first. */
  here: MapClient[];
  /** Some of the zone's scanner nodes are offline: its counts may be low. */
  nodesOffline: boolean;
}

export interface StoreMap {
  zones: MapZone[];
  /** Consenting clients in the store whose zone the edge cannot tell now. */
  zoneUnknown: MapClient[];
}

/**
 * The store map: the edge's head counts per zone, and where each client it follows (those
 * who agreed to be sensed: the edge follows no one else) is now, named from this tablet's
 * feed.
 */
export function storeMap(view: ZonesViewBody, alerts: readonly ArrivalAlert[]): StoreMap {
  const latest = new Map<string, ArrivalAlert>();
  for (const alert of alerts) {
    const seen = latest.get(alert.customerId);
    if (seen === undefined || seen.arrivedAt < alert.arrivedAt) latest.set(alert.customerId, alert);
  }
  const nameOf = (customerId: string) => {
    const alert = latest.get(customerId);
    return alert === undefined ? 'A client not on this feed' : customerName(alert);
  };
  const placed = [...view.customers]
    .sort((a, b) => a.since.localeCompare(b.since))
    .map((client) => ({
      zoneId: client.zoneId,
      client: {
        customerId: client.customerId,
        name: nameOf(client.customerId),
        since: client.since,
      },
    }));
  const clientsIn = (zoneId: string | null) =>
    placed.filter((entry) => entry.zoneId === zoneId).map((entry) => entry.client);
  return {
    zones: view.zones.map((zone) => ({
      ...zone,
      here: clientsIn(zone.zoneId),
      nodesOffline: view.nodes.some((node) => node.zoneId === zone.zoneId && !node.online),
    })),
    zoneUnknown: clientsIn(null),
  };
}
