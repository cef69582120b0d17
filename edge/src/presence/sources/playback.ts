/** Time for sources that play readings back: real, or a fake one in tests. */
export interface PlaybackClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: PlaybackClock = {
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Lets other work (a stop, the tick, MQTT) run between readings played as fast as possible. */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface Pacer {
  /** Waits until the recorded time `at` has come on the clock; returns it on the clock. */
  until(at: number): Promise<number>;
}

/**
 * Maps recorded times onto the clock: the first recorded time is the moment playback
 * started, and the rest follow at `speed` (2 = twice as fast).
 */
export function createPacer(clock: PlaybackClock, speed = 1): Pacer {
  let origin: { recorded: number; clock: number } | null = null;
  return {
    async until(at) {
      origin ??= { recorded: at, clock: clock.now() };
      const due = origin.clock + (at - origin.recorded) / speed;
      const wait = due - clock.now();
      if (wait > 0) await clock.sleep(wait);
      return Math.round(due);
    },
  };
}
