import {
  createPresenceTracker,
  type PresenceEvent,
  type PresenceLayout,
  type PresenceTrackerOptions,
} from '../../../src/presence/index.ts';

export const LAYOUT: PresenceLayout = {
  zones: [{ id: 'zon_entrance' }, { id: 'zon_floor' }, { id: 'zon_fitting' }],
  receivers: [
    { id: 'node-entrance', zoneId: 'zon_entrance' },
    { id: 'node-floor-a', zoneId: 'zon_floor' },
    { id: 'node-floor-b', zoneId: 'zon_floor', calibrationDb: 4 },
    { id: 'node-fitting', zoneId: 'zon_fitting' },
  ],
};

export const CUSTOMER = 'cus_000123';

/** A deterministic salt source, so tests can watch rotations. */
export function countingSalts() {
  let made = 0;
  return {
    newSalt: () => `salt-${++made}`,
    get made() {
      return made;
    },
  };
}

export function trackerFor(options: Partial<PresenceTrackerOptions> = {}) {
  return createPresenceTracker({
    layout: LAYOUT,
    newSalt: countingSalts().newSalt,
    isIdentified: (id) => id.startsWith('cus_'),
    ...options,
  });
}

export type Tracker = ReturnType<typeof trackerFor>;

/**
 * Feeds one device at 1 Hz from `from` to `to` (ms) with the given readings per second,
 * ticking every second as the edge does, and returns every event.
 */
export function feed(
  tracker: Tracker,
  deviceId: string,
  readings: Record<string, number>,
  from: number,
  to: number,
): PresenceEvent[] {
  const events: PresenceEvent[] = [];
  for (let t = from; t < to; t += 1000) {
    for (const [receiverId, rssi] of Object.entries(readings)) {
      const outcome = tracker.sighting({ deviceId, receiverId, rssi }, t);
      if (outcome.ok) events.push(...outcome.events);
    }
    events.push(...tracker.tick(t + 500));
  }
  return events;
}

export function silence(tracker: Tracker, from: number, to: number): PresenceEvent[] {
  const events: PresenceEvent[] = [];
  for (let t = from; t < to; t += 1000) events.push(...tracker.tick(t));
  return events;
}

export const types = (events: PresenceEvent[]) =>
  events.map((e) => ('zoneId' in e ? `${e.type} ${e.zoneId}` : e.type));
