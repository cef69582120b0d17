import { arrivalEnterDelays } from './enter-delays.ts';
import {
  layoutOfStore,
  percentile,
  replayTrace,
  type Score,
  scoreEvents,
  truthStays,
} from './presence-quality.ts';
import { createPresenceTracker } from './presence-tracker.ts';
import type { PresenceEvent, PresenceTrackerOptions } from './presence-types.ts';
import { createRandom } from './random.ts';
import { demoStore, type SimStore, walkPath } from './simulated-store.ts';
import { type SimPerson, type SimulationTrace, simulateStore } from './store-simulator.ts';
import { planVisits } from './visit-plans.ts';

/**
 * The quality scenarios the tests assert and the benchmark prints: the same seeds, the same
 * store, the same tracker settings, so the two always agree.
 */
export type TrackerSettings = Partial<Omit<PresenceTrackerOptions, 'layout' | 'newSalt'>>;

const MINUTE = 60_000;
/** Customers, associates' badges: everything without a MAC-like id is identified. */
const isIdentified = (id: string) => !id.includes(':');

function trackerFor(store: SimStore, settings: TrackerSettings) {
  return createPresenceTracker({
    layout: layoutOfStore(store),
    newSalt: () => 'quality-salt',
    isIdentified,
    ...settings,
  });
}

export interface MixedStoreFigures {
  enter: Score;
  exit: Score;
  /** Reported events naming an anonymous device: must be zero. */
  anonymousLeaks: number;
  sightings: number;
}

/** A busy half hour: customers, associates and anonymous shoppers walking through the zones. */
export function mixedStoreScenario(
  { seed = 1, noiseSigmaDb = 6, toleranceMs = 15_000, minStayMs = 20_000 } = {},
  settings: TrackerSettings = {},
): MixedStoreFigures {
  const store = demoStore();
  const people = planVisits({
    store,
    seed,
    startAt: 0,
    durationMs: 30 * MINUTE,
    customers: 60,
    associates: 3,
    anonymous: 40,
  });
  const trace = simulateStore({ store, people, seed: seed + 1, noiseSigmaDb });
  const events = replayTrace(trackerFor(store, settings), trace);
  const stays = truthStays(trace.truth.filter((t) => isIdentified(t.deviceId)));
  const options = { toleranceMs, minStayMs };
  return {
    enter: scoreEvents(stays, events, 'zone-enter', options),
    exit: scoreEvents(stays, events, 'zone-exit', options),
    anonymousLeaks: events.filter((e) => !isIdentified(e.deviceId)).length,
    sightings: trace.sightings.length,
  };
}

export interface ArrivalFigures {
  delaysMs: number[];
  p50: number;
  p99: number;
  /** Per customer: reported final zone exit and store exit after the true departure. */
  zoneExitLagMs: number[];
  storeExitLagMs: number[];
}

/** Customers arriving one by one (the app ranging at 1 Hz), waiting at the entrance, then leaving. */
export function arrivalScenario(
  { seed = 3, customers = 40, noiseSigmaDb = 6 } = {},
  settings: TrackerSettings = {},
): ArrivalFigures {
  const store = demoStore();
  const random = createRandom(seed);
  const entrance = store.zones[0];
  if (entrance === undefined) throw new RangeError('the demo store has no entrance');
  const people: SimPerson[] = Array.from({ length: customers }, (_, i) => ({
    deviceId: `cus_${String(i + 1).padStart(6, '0')}`,
    kind: 'customer',
    advertisingIntervalMs: 1000,
    path: walkPath(
      store.door,
      [
        {
          at: { x: random.between(2, 6.5), y: random.between(1.5, 4.5) },
          stayMs: random.between(30_000, 90_000),
        },
      ],
      i * 3 * MINUTE,
      1.2,
    ),
  }));
  const trace = simulateStore({ store, people, seed: seed + 1, noiseSigmaDb });
  const tracker = trackerFor(store, settings);
  const events = replayTrace(tracker, trace);
  const stays = truthStays(trace.truth);
  const zoneOfReceiver = new Map(store.receivers.map((r) => [r.id, r.zoneId]));
  const delaysMs = arrivalEnterDelays(trace.sightings, stays, events, {
    zoneOfReceiver,
    enterThresholdDbm: settings.enterThresholdDbm ?? -80,
    ambiguityMarginDb: settings.ambiguityMarginDb ?? 3,
  });
  return {
    delaysMs,
    p50: percentile(delaysMs, 50),
    p99: percentile(delaysMs, 99),
    ...exitLags(trace, events),
  };
}

function exitLags(trace: SimulationTrace, events: readonly PresenceEvent[]) {
  const zoneExitLagMs: number[] = [];
  const storeExitLagMs: number[] = [];
  for (const departure of trace.truth.filter((t) => t.type === 'store-exit')) {
    const mine = events.filter((e) => e.deviceId === departure.deviceId);
    const lastZoneExit = mine.filter((e) => e.type === 'zone-exit').at(-1);
    const storeExit = mine.find((e) => e.type === 'store-exit');
    zoneExitLagMs.push((lastZoneExit?.at ?? Number.POSITIVE_INFINITY) - departure.at);
    storeExitLagMs.push((storeExit?.at ?? Number.POSITIVE_INFINITY) - departure.at);
  }
  return { zoneExitLagMs, storeExitLagMs };
}

export interface BoundaryFigures {
  /** Zone changes after settling, per scenario, scaled to five minutes. */
  changesPer5Min: number[];
  /** The most changes seen in any five-minute window of any scenario. */
  worstWindow: number;
}

/** Points 0.8 to 1 m inside a zone from its boundary with another, where the signals are closest. */
export const BOUNDARY_POINTS = [
  { x: 19, y: 3 },
  { x: 9, y: 3 },
  { x: 4, y: 6.8 },
  { x: 20.8, y: 8 },
  { x: 19, y: 9 },
  { x: 7, y: 10 },
] as const;

/** A customer standing still near a boundary for half an hour, at 1 Hz. */
export function boundaryScenario(
  { seed = 11, minutes = 30, noiseSigmaDb = 6 } = {},
  settings: TrackerSettings = {},
): BoundaryFigures {
  const store = demoStore();
  const changesPer5Min: number[] = [];
  let worstWindow = 0;
  BOUNDARY_POINTS.forEach((point, i) => {
    const person: SimPerson = {
      deviceId: 'cus_000001',
      kind: 'customer',
      advertisingIntervalMs: 1000,
      path: walkPath(store.door, [{ at: point, stayMs: (minutes + 10) * MINUTE }], 0, 1.2),
    };
    const full = simulateStore({ store, people: [person], seed: seed + i, noiseSigmaDb });
    const horizon = minutes * MINUTE;
    const trace = { ...full, sightings: full.sightings.filter((s) => s.at < horizon) };
    const events = replayTrace(trackerFor(store, settings), trace, { untilMs: horizon });
    // The first minute is the walk in from the door; after it the customer stands still.
    const changes = events.filter((e) => e.type === 'zone-enter' && e.at > MINUTE);
    changesPer5Min.push((changes.length * 5 * MINUTE) / (horizon - MINUTE));
    const windows = new Map<number, number>();
    for (const e of changes) {
      const window = Math.floor(e.at / (5 * MINUTE));
      windows.set(window, (windows.get(window) ?? 0) + 1);
    }
    worstWindow = Math.max(worstWindow, ...windows.values(), 0);
  });
  return { changesPer5Min, worstWindow };
}
