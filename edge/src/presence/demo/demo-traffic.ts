import type { StoreLayout } from '@vitrine/shared';
import type { SimSighting } from '../domain/store-simulator.ts';

/** The badge beacons associates wear in the demo (iBeacon, one UUID for the organisation). */
export const DEMO_BADGE_UUID = 'a5e1f0c2-7b3d-4e8a-9c61-0d2f4b6a8e10';

/** An associate's badge in the demo store of the given seed: what the edge knows as a device. */
export function demoBadgeId(seed: number, associate: number): string {
  return `ibeacon:${DEMO_BADGE_UUID}:${seed}:${associate}`;
}

/** The badge's advertisement (flags, then iBeacon manufacturer data), as a node forwards it. */
function badgeAdvertisement(seed: number, associate: number): string {
  const u16 = (n: number) => n.toString(16).padStart(4, '0');
  return `0201061aff4c000215${DEMO_BADGE_UUID.replaceAll('-', '')}${u16(seed)}${u16(associate)}c5`;
}

/** What the demo publishes, in time order: phones' ranging, node batches, ESPresense reports. */
export type DemoMessage =
  | {
      kind: 'ranging';
      at: number;
      customerId: string;
      beacons: { beaconId: string; rssi: number }[];
    }
  | {
      kind: 'node-batch';
      at: number;
      nodeId: string;
      sightings: { deviceId: string; rssi: number; raw?: string; offsetMs: number }[];
    }
  | { kind: 'espresense'; at: number; room: string; id: string; rssi: number };

const BADGE = /^asc-badge-(\d+)$/;

/**
 * Turns simulated readings into the messages real hardware would send: a customer's phone
 * reports the beacons it heard in each second as one ranging report; a Vitrine node sends
 * what it heard each second as one batch (a badge with its raw advertisement, to decode);
 * an ESPresense node sends one message per device, named the way the firmware names it.
 */
export function demoTraffic(
  layout: StoreLayout,
  seed: number,
  phones: readonly SimSighting[],
  nodes: readonly SimSighting[],
): DemoMessage[] {
  const messages: DemoMessage[] = [];
  const reports = new Map<string, Extract<DemoMessage, { kind: 'ranging' }>>();
  for (const s of phones) {
    const key = `${s.deviceId}|${Math.floor(s.at / 1000)}`;
    let report = reports.get(key);
    if (report === undefined) {
      report = { kind: 'ranging', at: s.at, customerId: s.deviceId, beacons: [] };
      reports.set(key, report);
      messages.push(report);
    }
    report.at = Math.max(report.at, s.at);
    report.beacons.push({ beaconId: s.receiverId, rssi: s.rssi });
  }
  const nodeById = new Map(layout.nodes.map((node) => [node.id, node]));
  const batches = new Map<string, Extract<DemoMessage, { kind: 'node-batch' }>>();
  for (const s of nodes) {
    const node = nodeById.get(s.receiverId);
    if (node === undefined) continue;
    const badge = BADGE.exec(s.deviceId);
    const associate = badge ? Number(badge[1]) : null;
    if (node.firmware === 'espresense') {
      const id =
        associate === null
          ? `mac:${s.deviceId.replaceAll(':', '')}`
          : `iBeacon:${DEMO_BADGE_UUID}-${seed}-${associate}`;
      messages.push({ kind: 'espresense', at: s.at, room: node.room, id, rssi: s.rssi });
      continue;
    }
    const key = `${node.id}|${Math.floor(s.at / 1000)}`;
    let batch = batches.get(key);
    if (batch === undefined) {
      batch = { kind: 'node-batch', at: s.at, nodeId: node.id, sightings: [] };
      batches.set(key, batch);
      messages.push(batch);
    }
    const offsetMs = s.at - batch.at;
    batch.at = s.at;
    batch.sightings.push({
      // A badge advertises from a random address; its identity is in the advertisement.
      deviceId:
        associate === null
          ? s.deviceId
          : `c0:de:00:00:${String(seed).padStart(2, '0').slice(-2)}:${String(associate).padStart(2, '0').slice(-2)}`,
      rssi: s.rssi,
      offsetMs: batch.sightings.length === 0 ? 0 : offsetMs,
      ...(associate === null ? {} : { raw: badgeAdvertisement(seed, associate) }),
    });
  }
  return messages.sort((a, b) => a.at - b.at);
}
