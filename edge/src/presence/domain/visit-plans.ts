import { createRandom } from './random.ts';
import { type Point, type SimStore, type SimZone, type Stop, walkPath } from './simulated-store.ts';
import type { PersonKind, SimPerson } from './store-simulator.ts';

export interface VisitPlanOptions {
  store: SimStore;
  seed: number;
  startAt: number;
  durationMs: number;
  customers?: number;
  associates?: number;
  anonymous?: number;
  walkingSpeedMps?: number;
  /** The loyalty app ranges the store's beacons about once a second. */
  customerIntervalMs?: number;
  associateIntervalMs?: number;
  /** Advertising intervals of anonymous phones, wearables and tags seen in stores. */
  anonymousIntervalsMs?: readonly number[];
  /** Keep stops this far inside their zone, so a stay is in one zone, not on an edge. */
  marginM?: number;
}

/**
 * Who walks through the store and where: customers arrive over the first part of the
 * period and visit two to four zones, associates stay the whole period moving between
 * zones, anonymous shoppers make shorter visits with whatever advertising interval their
 * device uses. Ids look like the real ones (`cus_…`, `asc-badge-…`, random MACs).
 */
export function planVisits({
  store,
  seed,
  startAt,
  durationMs,
  customers = 20,
  associates = 2,
  anonymous = 20,
  walkingSpeedMps = 1.2,
  customerIntervalMs = 1000,
  associateIntervalMs = 1000,
  anonymousIntervalsMs = [100, 250, 1000, 2000, 10_000],
  marginM = 1.5,
}: VisitPlanOptions): SimPerson[] {
  const random = createRandom(seed);
  const inside = (zone: SimZone): Point => ({
    x: random.between(zone.x0 + marginM, zone.x1 - marginM),
    y: random.between(zone.y0 + marginM, zone.y1 - marginM),
  });
  const stops = (count: number, minStayMs: number, maxStayMs: number): Stop[] =>
    Array.from({ length: count }, () => ({
      at: inside(random.pick(store.zones)),
      stayMs: random.between(minStayMs, maxStayMs),
    }));
  const people: SimPerson[] = [];
  const add = (deviceId: string, kind: PersonKind, interval: number, plan: Stop[], at: number) => {
    people.push({
      deviceId,
      kind,
      advertisingIntervalMs: interval,
      path: walkPath(store.door, plan, at, walkingSpeedMps),
    });
  };
  for (let i = 1; i <= customers; i++) {
    const plan = stops(2 + Math.floor(random.next() * 3), 20_000, 180_000);
    const arrivesAt = startAt + random.between(0, durationMs / 2);
    add(`cus_${String(i).padStart(6, '0')}`, 'customer', customerIntervalMs, plan, arrivesAt);
  }
  for (let i = 1; i <= associates; i++) {
    const plan = stops(Math.ceil(durationMs / 120_000), 30_000, 200_000);
    add(`asc-badge-${i}`, 'associate', associateIntervalMs, plan, startAt);
  }
  for (let i = 1; i <= anonymous; i++) {
    const mac = Array.from({ length: 6 }, () =>
      Math.floor(random.next() * 256)
        .toString(16)
        .padStart(2, '0'),
    ).join(':');
    const plan = stops(1 + Math.floor(random.next() * 2), 10_000, 90_000);
    const interval = random.pick(anonymousIntervalsMs);
    add(mac, 'anonymous', interval, plan, startAt + random.between(0, durationMs * 0.8));
  }
  return people;
}
