import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';
import { createKalmanSmoother, createOneEuroSmoother, type Smoother } from './rssi-filters.ts';

function standardDeviation(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
}

/** Feeds noisy readings around a true level at 1 Hz and returns the estimates after a warm-up. */
function estimatesAround(smoother: Smoother, level: number, seconds: number): number[] {
  const random = createRandom(7);
  const state = smoother.start(level + random.gaussian(6), 0);
  const estimates: number[] = [];
  for (let s = 1; s <= seconds; s++) {
    const value = smoother.update(state, level + random.gaussian(6), s * 1000);
    if (s > 20) estimates.push(value);
  }
  return estimates;
}

function secondsToFollowStep(smoother: Smoother): number {
  const state = smoother.start(-80, 0);
  for (let s = 1; s <= 30; s++) smoother.update(state, -80, s * 1000);
  for (let s = 31; s <= 120; s++) {
    if (smoother.update(state, -60, s * 1000) > -66) return s - 30;
  }
  return Number.POSITIVE_INFINITY;
}

describe.each([
  ['Kalman', createKalmanSmoother()],
  ['one-euro', createOneEuroSmoother()],
])('%s RSSI filter', (_name, smoother) => {
  it('cuts 6 dB of reading noise by more than half', () => {
    const estimates = estimatesAround(smoother, -70, 600);
    expect(standardDeviation(estimates)).toBeLessThan(3);
    const mean = estimates.reduce((a, b) => a + b, 0) / estimates.length;
    expect(Math.abs(mean + 70)).toBeLessThan(1.5);
  });

  it('follows a 20 dB step within 15 seconds', () => {
    expect(secondsToFollowStep(smoother)).toBeLessThanOrEqual(15);
  });

  it('survives readings out of order without moving its clock back', () => {
    const state = smoother.start(-70, 10_000);
    smoother.update(state, -60, 9_000);
    expect(Number.isFinite(state.value)).toBe(true);
    expect(state.lastAt).toBe(10_000);
  });

  it('starts afresh after a silence of minutes', () => {
    const state = smoother.start(-90, 0);
    expect(smoother.update(state, -50, 5 * 60_000)).toBeGreaterThan(-55);
  });
});

describe('Kalman filter with irregular intervals', () => {
  it('trusts a reading more after a long gap than after a short one', () => {
    const smoother = createKalmanSmoother();
    const soon = smoother.start(-80, 0);
    smoother.update(soon, -80, 1000);
    const late = { ...soon };
    const afterShortGap = smoother.update(soon, -60, 1100);
    const afterLongGap = smoother.update(late, -60, 11_000);
    expect(afterLongGap).toBeGreaterThan(afterShortGap);
  });
});
