/**
 * When the next simulated customer arrives and who it is: a seeded PRNG (mulberry32), so a
 * demo run with the same seed replays the same arrivals. Pure: state in, state out.
 */
export interface ScheduleState {
  /** The PRNG's 32-bit state. */
  rng: number;
  /** When the previous arrival happened (ms since the epoch). */
  lastAt: number;
}

export interface PlannedArrival {
  at: number;
  customerId: string;
  /** The app instance of that customer's phone: `app-<number in the customer id>`. */
  clientId: string;
}

export interface ScheduleOptions {
  customerIds: readonly string[];
  ratePerMin: number;
  /** Shortest gap between two arrivals, so a burst never floods the store. */
  minGapMs?: number;
}

export function startSchedule(seed: number, now: number): ScheduleState {
  return { rng: seed >>> 0, lastAt: now };
}

function mulberry32(state: number): { value: number; state: number } {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296, state: next };
}

export function clientIdFor(customerId: string): string {
  const body = customerId.replace(/^cus_/, '');
  return `app-${body}`;
}

/** The next arrival: exponential gaps (a Poisson process at the given rate), a uniform customer. */
export function nextArrival(
  state: ScheduleState,
  { customerIds, ratePerMin, minGapMs = 250 }: ScheduleOptions,
): { arrival: PlannedArrival; state: ScheduleState } {
  if (customerIds.length === 0) throw new RangeError('no customers to simulate');
  if (!(ratePerMin > 0)) throw new RangeError('the rate must be positive');
  const gapDraw = mulberry32(state.rng);
  const pickDraw = mulberry32(gapDraw.state);
  const meanGapMs = 60_000 / ratePerMin;
  const gap = Math.max(minGapMs, -Math.log(1 - gapDraw.value) * meanGapMs);
  const at = state.lastAt + Math.round(gap);
  const customerId = customerIds[Math.floor(pickDraw.value * customerIds.length)];
  if (customerId === undefined) throw new RangeError('customer draw out of range');
  return {
    arrival: { at, customerId, clientId: clientIdFor(customerId) },
    state: { rng: pickDraw.state, lastAt: at },
  };
}
