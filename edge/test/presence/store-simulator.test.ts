import { describe, expect, it } from 'vitest';
import {
  demoStore,
  planVisits,
  simulateStore,
  truthStays,
  walkPath,
  zoneAt,
} from '../../src/presence/index.ts';

const store = demoStore();

describe('store simulator', () => {
  it('replays the same trace from the same seeds', () => {
    const plan = () =>
      planVisits({
        store,
        seed: 5,
        startAt: 0,
        durationMs: 120_000,
        customers: 3,
        associates: 1,
        anonymous: 3,
      });
    const a = simulateStore({ store, people: plan(), seed: 9 });
    const b = simulateStore({ store, people: plan(), seed: 9 });
    expect(a).toEqual(b);
    expect(simulateStore({ store, people: plan(), seed: 10 }).sightings).not.toEqual(a.sightings);
  });

  it('produces readings radios could report, in time order, at the advertising interval', () => {
    const person = {
      deviceId: 'cus_000001',
      kind: 'customer' as const,
      advertisingIntervalMs: 1000,
      path: walkPath(store.door, [{ at: { x: 12, y: 6 }, stayMs: 120_000 }], 0, 1.2),
    };
    const { sightings } = simulateStore({ store, people: [person], seed: 1 });
    for (const s of sightings) {
      expect(s.rssi).toBeLessThanOrEqual(0);
      expect(s.rssi).toBeGreaterThanOrEqual(-127);
    }
    expect(sightings.every((s, i) => i === 0 || (sightings[i - 1]?.at ?? 0) <= s.at)).toBe(true);
    const advertisements = new Set(sightings.map((s) => s.at)).size;
    const seconds = 120 + 20;
    expect(advertisements).toBeGreaterThan(seconds * 0.85);
    expect(advertisements).toBeLessThan(seconds * 1.15);
  });

  it('hears a nearby receiver louder than a far one on average', () => {
    const person = {
      deviceId: 'cus_000001',
      kind: 'customer' as const,
      advertisingIntervalMs: 500,
      path: walkPath(store.door, [{ at: { x: 24, y: 3 }, stayMs: 300_000 }], 0, 1.2),
    };
    const { sightings } = simulateStore({ store, people: [person], seed: 2 });
    const mean = (id: string) => {
      const values = sightings
        .filter((s) => s.receiverId === id && s.at > 60_000)
        .map((s) => s.rssi);
      return values.reduce((x, y) => x + y, 0) / values.length;
    };
    expect(mean('node-fitting')).toBeGreaterThan(mean('node-floor-east') + 5);
  });

  it('records the ground truth of every zone crossed, from the door and back', () => {
    const person = {
      deviceId: 'cus_000002',
      kind: 'customer' as const,
      advertisingIntervalMs: 1000,
      path: walkPath(store.door, [{ at: { x: 24, y: 3 }, stayMs: 60_000 }], 1_000, 1.2),
    };
    const { truth } = simulateStore({ store, people: [person], seed: 3 });
    expect(truth[0]).toMatchObject({ type: 'store-enter', at: 1_000 });
    expect(truth.at(-1)).toMatchObject({ type: 'store-exit' });
    const zones = truthStays(truth).map((s) => s.zoneId.replace('zon_demo-', ''));
    expect(zones).toEqual(['entrance', 'floor', 'fitting', 'floor', 'entrance']);
    expect(zoneAt(store, { x: 24, y: 3 })).toBe('zon_demo-fitting');
  });
});
