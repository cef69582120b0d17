import { DEFAULT_EDGE_MQTT_USERNAME } from '@vitrine/shared';
import { didYouMean } from './did-you-mean.ts';
import { isRecord, type RawItem, rawItems, rawString, subjectOf } from './raw-layout.ts';
import type { Path } from './yaml-positions.ts';

/** A cross-field problem; `firstAt` names an earlier node whose line completes the message. */
export interface RuleProblem {
  path: Path;
  key?: boolean;
  message: string;
  /** Appended as "(first at line N)" once positions are known. */
  firstAt?: Path;
}

const LISTS = ['zones', 'beacons', 'nodes', 'screens'] as const;

/**
 * Rules a per-field schema cannot express: unique ids and identities, references to
 * zones that exist, and ESPresense rooms that map to exactly one zone. They read the raw
 * data, so they report alongside shape errors instead of after them.
 */
export function checkLayoutRules(data: unknown): RuleProblem[] {
  return [
    ...LISTS.flatMap((list) => duplicateIds(data, list)),
    ...duplicateBeaconIdentities(data),
    ...unknownZoneReferences(data),
    ...roomRules(data),
    ...duplicateUsernames(data),
  ];
}

function subject(data: unknown, list: string, index: number): string {
  return subjectOf(data, [list, index]).subject;
}

function duplicateIds(data: unknown, list: string): RuleProblem[] {
  const seen = new Map<string, number>();
  const problems: RuleProblem[] = [];
  for (const { index, item } of rawItems(data, list)) {
    const id = rawString(item, 'id');
    if (id === undefined) continue;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else
      problems.push({
        path: [list, index, 'id'],
        message: `${subject(data, list, index)}: duplicate id`,
        firstAt: [list, first, 'id'],
      });
  }
  return problems;
}

/** The over-the-air identity of a raw beacon, and the key its position is reported at. */
function identityOf({ item }: RawItem): { identity: string; key: string } | null {
  const kind = rawString(item, 'kind');
  if (kind === 'ibeacon') {
    const uuid = rawString(item, 'uuid');
    if (uuid === undefined) return null;
    return {
      identity: `ibeacon:${uuid.toLowerCase()}:${String(item.major)}:${String(item.minor)}`,
      key: 'uuid',
    };
  }
  if (kind === 'eddystone-uid') {
    const namespace = rawString(item, 'namespace');
    const instance = rawString(item, 'instance');
    if (namespace === undefined || instance === undefined) return null;
    return {
      identity: `eddystone:${namespace.toLowerCase()}:${instance.toLowerCase()}`,
      key: 'namespace',
    };
  }
  return null;
}

function duplicateBeaconIdentities(data: unknown): RuleProblem[] {
  const seen = new Map<string, RawItem>();
  const problems: RuleProblem[] = [];
  for (const beacon of rawItems(data, 'beacons')) {
    const found = identityOf(beacon);
    if (!found) continue;
    const first = seen.get(found.identity);
    if (!first) {
      seen.set(found.identity, beacon);
      continue;
    }
    const firstName = rawString(first.item, 'id') ?? `beacons[${first.index}]`;
    problems.push({
      path: ['beacons', beacon.index, found.key],
      key: true,
      message: `${subject(data, 'beacons', beacon.index)}: duplicate identity of ${firstName}`,
    });
  }
  return problems;
}

function zoneIds(data: unknown): string[] {
  return rawItems(data, 'zones').flatMap(({ item }) => rawString(item, 'id') ?? []);
}

function unknownZone(zone: string, zones: readonly string[]): string {
  const near = didYouMean(zone, zones, { maxEdits: 2 });
  return `unknown zone ${zone}${near ? `; did you mean ${near}?` : ''}`;
}

function unknownZoneReferences(data: unknown): RuleProblem[] {
  const zones = zoneIds(data);
  const problems: RuleProblem[] = [];
  for (const list of ['beacons', 'screens'] as const) {
    for (const { index, item } of rawItems(data, list)) {
      const zone = rawString(item, 'zone');
      if (zone === undefined || zones.includes(zone)) continue;
      problems.push({
        path: [list, index, 'zone'],
        message: `${subject(data, list, index)}: ${unknownZone(zone, zones)}`,
      });
    }
  }
  for (const { index, item } of rawItems(data, 'zones')) {
    const adjacent = Array.isArray(item.adjacent) ? item.adjacent : [];
    adjacent.forEach((other, position) => {
      if (typeof other !== 'string') return;
      const path = ['zones', index, 'adjacent', position];
      if (other === item.id) {
        problems.push({ path, message: `${subject(data, 'zones', index)}: adjacent to itself` });
      } else if (!zones.includes(other)) {
        problems.push({
          path,
          message: `${subject(data, 'zones', index)}: adjacent to ${unknownZone(other, zones)}`,
        });
      } else if (!adjacentOf(data, other).includes(String(item.id))) {
        // Walking is symmetric: a one-way adjacency lets presence enter a zone it can
        // never leave directly.
        problems.push({
          path,
          message: `${subject(data, 'zones', index)}: adjacent to ${other}, which does not list it back`,
        });
      }
    });
  }
  return problems;
}

function adjacentOf(data: unknown, zone: string): unknown[] {
  const found = rawItems(data, 'zones').find(({ item }) => item.id === zone);
  return found && Array.isArray(found.item.adjacent) ? found.item.adjacent : [];
}

function roomRules(data: unknown): RuleProblem[] {
  const owner = new Map<string, string>();
  const problems: RuleProblem[] = [];
  for (const { index, item } of rawItems(data, 'zones')) {
    const rooms = Array.isArray(item.rooms) ? item.rooms : [];
    rooms.forEach((room, position) => {
      if (typeof room !== 'string') return;
      const zone = rawString(item, 'id') ?? `zones[${index}]`;
      const first = owner.get(room);
      if (first === undefined) owner.set(room, zone);
      else
        problems.push({
          path: ['zones', index, 'rooms', position],
          message: `${subject(data, 'zones', index)}: room "${room}" already belongs to ${first}`,
        });
    });
  }
  const espresenseRooms = new Map<string, number>();
  for (const { index, item } of rawItems(data, 'nodes')) {
    const room = rawString(item, 'room');
    if (room === undefined) continue;
    if (rawString(item, 'firmware') === 'espresense') {
      // ESPresense addresses a node's settings by room: two nodes in one room would
      // receive each other's calibration.
      const first = espresenseRooms.get(room);
      if (first === undefined) espresenseRooms.set(room, index);
      else
        problems.push({
          path: ['nodes', index, 'room'],
          message: `${subject(data, 'nodes', index)}: room "${room}" already has an ESPresense node`,
          firstAt: ['nodes', first, 'room'],
        });
    }
    if (owner.has(room)) continue;
    const near = didYouMean(room, [...owner.keys()], { maxEdits: 2 });
    problems.push({
      path: ['nodes', index, 'room'],
      message: `${subject(data, 'nodes', index)}: room "${room}" maps to no zone${
        near ? `; did you mean "${near}"?` : " (list it in a zone's rooms)"
      }`,
    });
  }
  return problems;
}

function duplicateUsernames(data: unknown): RuleProblem[] {
  const seen = new Map<string, number>();
  const problems: RuleProblem[] = [];
  const mqtt = isRecord(data) && isRecord(data.mqtt) ? data.mqtt : {};
  const edge = rawString(mqtt, 'edgeUsername') ?? DEFAULT_EDGE_MQTT_USERNAME;
  for (const { index, item } of rawItems(data, 'nodes')) {
    const username = rawString(item, 'mqttUsername');
    if (username === undefined) continue;
    const path = ['nodes', index, 'mqttUsername'];
    const first = seen.get(username);
    if (username === edge) {
      problems.push({
        path,
        message: `${subject(data, 'nodes', index)}: mqttUsername ${username} is the edge's account`,
      });
    } else if (first !== undefined) {
      problems.push({
        path,
        message: `${subject(data, 'nodes', index)}: mqttUsername ${username} is already used`,
        firstAt: ['nodes', first, 'mqttUsername'],
      });
    } else {
      seen.set(username, index);
    }
  }
  return problems;
}
