/**
 * Turns wall-clock times passed in into a time that never runs backwards and never leaps.
 * The tracker is called at least every second (ticks), so a step of an hour between two
 * calls is the wall clock being set (NTP, a dead RTC battery, a manual change), not an
 * hour of silence: acting on it would exit every customer at once. A jump is absorbed into
 * an offset; small backward steps (readings from two nodes slightly out of order) are held.
 */
export interface MonotonicClock {
  read(wallNow: number): number;
  readonly jumps: number;
}

export interface MonotonicClockOptions {
  maxStepMs?: number;
  skewToleranceMs?: number;
}

export function createMonotonicClock({
  maxStepMs = 60_000,
  skewToleranceMs = 2_000,
}: MonotonicClockOptions = {}): MonotonicClock {
  let offset = 0;
  let last = Number.NaN;
  let jumps = 0;
  return {
    read(wallNow) {
      if (Number.isNaN(last)) {
        last = wallNow;
        offset = 0;
        return last;
      }
      const candidate = wallNow + offset;
      const step = candidate - last;
      if (step > maxStepMs || step < -skewToleranceMs) {
        offset += last - candidate;
        jumps++;
      } else if (step > 0) {
        last = candidate;
      }
      return last;
    },
    get jumps() {
      return jumps;
    },
  };
}
