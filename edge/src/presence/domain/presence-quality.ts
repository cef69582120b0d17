import type { PresenceTracker } from './presence-tracker.ts';
import type { PresenceEvent, PresenceLayout } from './presence-types.ts';
import type { SimStore } from './simulated-store.ts';
import type { SimulationTrace, TruthEvent } from './store-simulator.ts';

/** The presence layout a simulated store stands for. */
export function layoutOfStore(store: SimStore): PresenceLayout {
  return {
    zones: store.zones.map(({ id }) => ({ id })),
    receivers: store.receivers.map(({ id, zoneId, measuredPower }) => ({
      id,
      zoneId,
      measuredPower,
    })),
  };
}

/** Plays a trace through a tracker, ticking as the edge does, and returns what it reported. */
export function replayTrace(
  tracker: PresenceTracker,
  trace: SimulationTrace,
  { tickMs = 1000, untilMs }: { tickMs?: number; untilMs?: number } = {},
): PresenceEvent[] {
  const events: PresenceEvent[] = [];
  const first = trace.sightings[0]?.at ?? 0;
  let nextTick = first + tickMs;
  for (const s of trace.sightings) {
    while (nextTick <= s.at) {
      events.push(...tracker.tick(nextTick));
      nextTick += tickMs;
    }
    const outcome = tracker.sighting(s, s.at);
    if (outcome.ok) events.push(...outcome.events);
  }
  const end = untilMs ?? (trace.sightings[trace.sightings.length - 1]?.at ?? first) + 120_000;
  for (; nextTick <= end; nextTick += tickMs) events.push(...tracker.tick(nextTick));
  return events;
}

export interface Stay {
  deviceId: string;
  zoneId: string;
  from: number;
  to: number;
}

/** Pairs zone enters and exits of the ground truth into stays. */
export function truthStays(truth: readonly TruthEvent[]): Stay[] {
  const open = new Map<string, TruthEvent>();
  const stays: Stay[] = [];
  for (const event of truth) {
    if (event.zoneId === null) continue;
    if (event.type === 'zone-enter') open.set(event.deviceId, event);
    if (event.type === 'zone-exit') {
      const enter = open.get(event.deviceId);
      if (enter === undefined) continue;
      stays.push({ deviceId: event.deviceId, zoneId: event.zoneId, from: enter.at, to: event.at });
      open.delete(event.deviceId);
    }
  }
  return stays;
}

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface MatchOptions {
  /** How far from the true time a reported event still counts as that event. */
  toleranceMs?: number;
  /** Stays shorter than this are walks through a zone: reporting them is neither right nor wrong. */
  minStayMs?: number;
}

/**
 * Precision and recall of reported zone enters (or exits) against the truth: a report
 * matches an unmatched stay of the same device and zone whose start (or end) is within
 * the tolerance; a report matching nothing is a false positive; a stay of at least the
 * minimum length that no report matches is a false negative.
 */
export function scoreEvents(
  stays: readonly Stay[],
  reported: readonly PresenceEvent[],
  kind: 'zone-enter' | 'zone-exit',
  { toleranceMs = 10_000, minStayMs = 10_000 }: MatchOptions = {},
): Score {
  const matched = new Set<Stay>();
  let truePositives = 0;
  let falsePositives = 0;
  for (const event of reported) {
    if (event.type !== kind) continue;
    const stay = stays.find(
      (s) =>
        !matched.has(s) &&
        s.deviceId === event.deviceId &&
        s.zoneId === event.zoneId &&
        Math.abs((kind === 'zone-enter' ? s.from : s.to) - event.at) <= toleranceMs,
    );
    if (stay === undefined) falsePositives++;
    else {
      matched.add(stay);
      if (stay.to - stay.from >= minStayMs) truePositives++;
    }
  }
  const significant = stays.filter((s) => s.to - s.from >= minStayMs);
  const falseNegatives = significant.filter((s) => !matched.has(s)).length;
  return {
    truePositives,
    falsePositives,
    falseNegatives,
    precision: truePositives / Math.max(1, truePositives + falsePositives),
    recall: (significant.length - falseNegatives) / Math.max(1, significant.length),
  };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}
