import type { PlaybackClock } from '../../../src/presence/sources/playback.ts';

/** A clock that jumps ahead when slept on: played-out sources run without waiting. */
export function fakeClock(
  start = 1_700_000_000_000,
): PlaybackClock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    async sleep(ms) {
      now += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
    advance(ms) {
      now += ms;
    },
  };
}
