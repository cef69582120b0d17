import { createRandom, type Random } from './random.ts';
import { rssiAtDistance } from './rssi.ts';
import { type PathSegment, positionAt, type SimStore, zoneAt } from './simulated-store.ts';

export type PersonKind = 'customer' | 'associate' | 'anonymous';

export interface SimPerson {
  deviceId: string;
  kind: PersonKind;
  /** How often the device advertises (or the app ranges), before jitter. */
  advertisingIntervalMs: number;
  path: readonly PathSegment[];
}

export interface SimSighting {
  at: number;
  deviceId: string;
  receiverId: string;
  rssi: number;
}

export interface TruthEvent {
  type: 'store-enter' | 'store-exit' | 'zone-enter' | 'zone-exit';
  deviceId: string;
  zoneId: string | null;
  at: number;
}

export interface SimulationOptions {
  store: SimStore;
  people: readonly SimPerson[];
  seed: number;
  /** Standard deviation of a reading around the path-loss model. */
  noiseSigmaDb?: number;
  pathLossExponent?: number;
  /** The most a body between device and receiver takes off a reading. */
  bodyDipDb?: number;
  /** Mean time between turns of a person's body. */
  meanTurnMs?: number;
  /** Share of advertisements a receiver misses (collisions, channel hopping). */
  lossRate?: number;
  /** Readings weaker than this are not heard at all. */
  sensitivityDbm?: number;
  /** Devices are carried about this far above or below the receivers. */
  heightDifferenceM?: number;
  /** Advertising intervals vary by up to this fraction either way. */
  intervalJitter?: number;
  truthStepMs?: number;
}

export interface SimulationTrace {
  /** Every reading, in time order. */
  sightings: SimSighting[];
  truth: TruthEvent[];
}

/**
 * Generates what the receivers would hear from people following their paths: readings from
 * the log-distance model, Gaussian noise, body shadowing that changes as people turn,
 * missed advertisements; and the ground truth of their zone changes. Pure and seeded.
 */
export function simulateStore({
  store,
  people,
  seed,
  noiseSigmaDb = 6,
  pathLossExponent = 2.2,
  bodyDipDb = 8,
  meanTurnMs = 15_000,
  lossRate = 0.1,
  sensitivityDbm = -96,
  heightDifferenceM = 1.2,
  intervalJitter = 0.1,
  truthStepMs = 100,
}: SimulationOptions): SimulationTrace {
  const random = createRandom(seed);
  const sightings: SimSighting[] = [];
  const truth: TruthEvent[] = [];
  for (const person of people) {
    const first = person.path[0];
    const last = person.path[person.path.length - 1];
    if (first === undefined || last === undefined) continue;
    recordTruth(store, person, first.from, last.to, truthStepMs, truth);
    let facing = random.between(0, 2 * Math.PI);
    let turnAt = first.from + exponential(random, meanTurnMs);
    let at = first.from + random.between(0, person.advertisingIntervalMs);
    while (at <= last.to) {
      while (turnAt <= at) {
        facing = random.between(0, 2 * Math.PI);
        turnAt += exponential(random, meanTurnMs);
      }
      const position = positionAt(person.path, at);
      if (position !== null) {
        for (const receiver of store.receivers) {
          if (random.next() < lossRate) continue;
          const dx = receiver.x - position.x;
          const dy = receiver.y - position.y;
          const distance = Math.sqrt(dx * dx + dy * dy + heightDifferenceM ** 2);
          const bearing = Math.atan2(dy, dx);
          // The body shadows receivers behind the person, most of all straight behind.
          const shadow = bodyDipDb * Math.max(0, -Math.cos(bearing - facing));
          const level =
            rssiAtDistance(distance, { measuredPower: receiver.measuredPower, pathLossExponent }) -
            shadow +
            random.gaussian(noiseSigmaDb);
          if (level < sensitivityDbm) continue;
          const rssi = Math.min(0, Math.max(-127, Math.round(level)));
          sightings.push({
            at: Math.round(at),
            deviceId: person.deviceId,
            receiverId: receiver.id,
            rssi,
          });
        }
      }
      const jitter = 1 + random.between(-intervalJitter, intervalJitter);
      at += person.advertisingIntervalMs * jitter;
    }
  }
  sightings.sort((a, b) => a.at - b.at);
  truth.sort((a, b) => a.at - b.at);
  return { sightings, truth };
}

function exponential(random: Random, mean: number): number {
  return -Math.log(1 - random.next()) * mean;
}

function recordTruth(
  store: SimStore,
  person: SimPerson,
  from: number,
  to: number,
  stepMs: number,
  truth: TruthEvent[],
) {
  const { deviceId } = person;
  truth.push({ type: 'store-enter', deviceId, zoneId: null, at: from });
  let zone: string | null = null;
  for (let t = from; t <= to; t += stepMs) {
    const position = positionAt(person.path, t);
    const here = position === null ? null : zoneAt(store, position);
    if (here === zone) continue;
    if (zone !== null) truth.push({ type: 'zone-exit', deviceId, zoneId: zone, at: t });
    if (here !== null) truth.push({ type: 'zone-enter', deviceId, zoneId: here, at: t });
    zone = here;
  }
  if (zone !== null) truth.push({ type: 'zone-exit', deviceId, zoneId: zone, at: to });
  truth.push({ type: 'store-exit', deviceId, zoneId: null, at: to });
}
