import { describe, expect, it } from 'vitest';
import { createMonotonicClock } from './monotonic-clock.ts';

describe('monotonic clock', () => {
  it('follows the wall clock while it behaves', () => {
    const clock = createMonotonicClock();
    expect([1000, 2000, 2500].map((t) => clock.read(t))).toEqual([1000, 2000, 2500]);
  });

  it('holds still for readings slightly out of order', () => {
    const clock = createMonotonicClock({ skewToleranceMs: 2_000 });
    clock.read(10_000);
    expect(clock.read(9_500)).toBe(10_000);
    expect(clock.read(10_200)).toBe(10_200);
    expect(clock.jumps).toBe(0);
  });

  it('absorbs a jump back or forward and keeps counting from where it was', () => {
    const clock = createMonotonicClock({ maxStepMs: 60_000, skewToleranceMs: 2_000 });
    clock.read(10_000_000);
    expect(clock.read(10_000_000 - 3_600_000)).toBe(10_000_000);
    expect(clock.read(10_000_000 - 3_600_000 + 1_000)).toBe(10_001_000);
    expect(clock.read(10_001_000 - 3_600_000 + 7_200_000)).toBe(10_001_000);
    expect(clock.read(10_002_000 - 3_600_000 + 7_200_000)).toBe(10_002_000);
    expect(clock.jumps).toBe(2);
  });
});
