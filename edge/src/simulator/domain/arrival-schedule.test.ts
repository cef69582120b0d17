import { describe, expect, it } from 'vitest';
import {
  clientIdFor,
  nextArrival,
  type PlannedArrival,
  startSchedule,
} from './arrival-schedule.ts';

const customerIds = ['cus_000001', 'cus_000002', 'cus_000003', 'cus_000004'];

function plan(seed: number, count: number, ratePerMin = 6): PlannedArrival[] {
  let state = startSchedule(seed, 0);
  const arrivals: PlannedArrival[] = [];
  for (let i = 0; i < count; i++) {
    const step = nextArrival(state, { customerIds, ratePerMin });
    arrivals.push(step.arrival);
    state = step.state;
  }
  return arrivals;
}

describe('arrival schedule', () => {
  it('replays the same arrivals for the same seed', () => {
    expect(plan(42, 20)).toEqual(plan(42, 20));
  });

  it('differs with another seed', () => {
    expect(plan(1, 20)).not.toEqual(plan(2, 20));
  });

  it('keeps the average rate it was given', () => {
    const arrivals = plan(7, 2000, 6);
    const minutes = (arrivals.at(-1)?.at ?? 0) / 60_000;
    expect(arrivals.length / minutes).toBeGreaterThan(5.4);
    expect(arrivals.length / minutes).toBeLessThan(6.6);
  });

  it('moves forward in time and never closer than the minimum gap', () => {
    const arrivals = plan(3, 500, 600);
    for (let i = 1; i < arrivals.length; i++) {
      expect((arrivals[i]?.at ?? 0) - (arrivals[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(250);
    }
  });

  it('chooses every customer eventually, each with their own phone', () => {
    const arrivals = plan(11, 200);
    expect(new Set(arrivals.map((a) => a.customerId))).toEqual(new Set(customerIds));
    for (const arrival of arrivals) expect(arrival.clientId).toBe(clientIdFor(arrival.customerId));
    expect(clientIdFor('cus_000123')).toBe('app-000123');
  });

  it('refuses an empty customer list or a rate that is not positive', () => {
    expect(() => nextArrival(startSchedule(1, 0), { customerIds: [], ratePerMin: 6 })).toThrow();
    expect(() => nextArrival(startSchedule(1, 0), { customerIds, ratePerMin: 0 })).toThrow();
  });
});
