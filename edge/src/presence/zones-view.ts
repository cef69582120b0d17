import type { StoreLayout } from '@vitrine/shared';
import type { ZoneOccupancy } from './domain/presence-types.ts';

/** What `GET /api/zones` answers: head counts per zone, never who. */
export interface ZonesView {
  at: string;
  zones: { zoneId: string; name: string; kind: string; identified: number; anonymous: number }[];
  /** Present in the store, zone not known (ambiguous readings, or its nodes offline). */
  unknownZone: ZoneOccupancy;
  nodes: { nodeId: string; zoneId: string | null; online: boolean }[];
  /** Where each followed (consenting) customer is now. */
  customers: CustomerWhereabouts[];
}

export interface CustomerWhereabouts {
  customerId: string;
  /** Null: in the store, zone unknown. */
  zoneId: string | null;
  since: string;
}

export function createZonesView(
  layout: StoreLayout,
  occupancy: { zones: Record<string, ZoneOccupancy>; unknownZone: ZoneOccupancy },
  receiverOnline: ReadonlyMap<string, boolean>,
  now: number,
  customers: CustomerWhereabouts[] = [],
): ZonesView {
  return {
    at: new Date(now).toISOString(),
    zones: layout.zones.map((zone) => ({
      zoneId: zone.id,
      name: zone.name,
      kind: zone.kind,
      identified: occupancy.zones[zone.id]?.identified ?? 0,
      anonymous: occupancy.zones[zone.id]?.anonymous ?? 0,
    })),
    unknownZone: occupancy.unknownZone,
    nodes: layout.nodes.map((node) => ({
      nodeId: node.id,
      zoneId: layout.zones.find((zone) => zone.rooms.includes(node.room))?.id ?? null,
      online: receiverOnline.get(node.id) ?? true,
    })),
    customers,
  };
}
