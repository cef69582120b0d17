import type { FleetDevice } from '@vitrine/shared';

/** What the edge heard of one scanner node: its retained status and its last sightings. */
export interface NodeHeard {
  /** The node's own word (its status, or its last will): null until it said anything. */
  state: 'online' | 'offline' | null;
  /** When that state arrived (epoch ms). */
  stateAt: number | null;
  /** When its last batch of sightings arrived (epoch ms). */
  lastSightingAt: number | null;
}

export interface NodeSlot {
  id: string;
  /** The zone it serves, or its room when no zone lists it; null when not in the layout. */
  zone: string | null;
}

export interface DeviceHealthOptions {
  /** A node online but heard from less recently than this is degraded. */
  silentAfterMs?: number;
}

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

/**
 * A scanner node's health: unknown until it speaks; offline on its own word (a last will
 * included); degraded when online but silent for too long; ok otherwise.
 */
export function nodeHealth(
  node: NodeSlot,
  heard: NodeHeard | undefined,
  now: number,
  { silentAfterMs = 120_000 }: DeviceHealthOptions = {},
): FleetDevice {
  const base = { id: node.id, kind: 'node' as const, zone: node.zone };
  const notInLayout = node.zone === null ? 'not in the store layout' : null;
  if (heard === undefined || (heard.state === null && heard.lastSightingAt === null)) {
    return { ...base, health: 'unknown', lastSeenAt: null, detail: 'never heard from' };
  }
  const times = [heard.stateAt, heard.lastSightingAt].filter((at) => at !== null);
  const lastSeen = times.length > 0 ? Math.max(...times) : null;
  if (heard.state === 'offline') {
    return {
      ...base,
      health: 'offline',
      lastSeenAt: iso(lastSeen),
      detail: `reported offline at ${iso(heard.stateAt)}`,
    };
  }
  if (lastSeen !== null && now - lastSeen > silentAfterMs) {
    const seconds = Math.round((now - lastSeen) / 1000);
    return {
      ...base,
      health: 'degraded',
      lastSeenAt: iso(lastSeen),
      detail: `silent for ${seconds} s`,
    };
  }
  return { ...base, health: 'ok', lastSeenAt: iso(lastSeen), detail: notInLayout };
}

export interface ScreenSlot {
  id: string;
  zoneId: string;
}

/**
 * A screen's health from its player's live socket: ok while connected, offline once its
 * player has gone, unknown when none connected since the edge started.
 */
export function screenHealth(
  screen: ScreenSlot,
  connected: boolean,
  lastSeenAt: number | null,
  now: number,
): FleetDevice {
  const base = { id: screen.id, kind: 'screen' as const, zone: screen.zoneId };
  if (connected) return { ...base, health: 'ok', lastSeenAt: iso(now), detail: null };
  if (lastSeenAt === null) {
    return {
      ...base,
      health: 'unknown',
      lastSeenAt: null,
      detail: 'no player connected since the edge started',
    };
  }
  return { ...base, health: 'offline', lastSeenAt: iso(lastSeenAt), detail: 'player disconnected' };
}

/** When each device was last seen connected, as observed at each report. */
export function createSeenLog() {
  const seen = new Map<string, number>();
  return {
    observe(ids: Iterable<string>, at: number) {
      for (const id of ids) seen.set(id, at);
    },
    lastSeen: (id: string): number | null => seen.get(id) ?? null,
  };
}
