import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.ts';

const MINUTE = 60_000;

describe('rate limiter of check-ins per pass', () => {
  it('lets a burst through, then one check-in per refill, on a fake clock', () => {
    const limiter = createRateLimiter({ burst: 3, perMinute: 2 });
    const t0 = 1_000_000;
    const burst = [0, 1, 2, 3].map(() => limiter.take('pas_flood', t0));
    expect(burst).toEqual([true, true, true, false]);
    // Two a minute: one token back after thirty seconds, not before.
    expect(limiter.take('pas_flood', t0 + 29_999)).toBe(false);
    expect(limiter.take('pas_flood', t0 + 30_000)).toBe(true);
    expect(limiter.take('pas_flood', t0 + 30_000)).toBe(false);
  });

  it('never banks more than the burst, however long the pass was quiet', () => {
    const limiter = createRateLimiter({ burst: 2, perMinute: 60 });
    const later = 10 * 24 * 60 * MINUTE;
    const taken = [0, 1, 2].map(() => limiter.take('pas_quiet', later));
    expect(taken).toEqual([true, true, false]);
  });

  it('keeps refusing a pass that floods without pause', () => {
    const limiter = createRateLimiter({ burst: 1, perMinute: 1 });
    let accepted = 0;
    for (let second = 0; second < 600; second++) {
      if (limiter.take('pas_flood', second * 1000)) accepted += 1;
    }
    // Ten minutes of one attempt a second: the burst, then one a minute.
    expect(accepted).toBe(10);
  });

  it('limits one pass without touching another, and bounds what it remembers', () => {
    const limiter = createRateLimiter({ burst: 1, perMinute: 1, maxKeys: 100 });
    expect(limiter.take('pas_a', 0)).toBe(true);
    expect(limiter.take('pas_a', 0)).toBe(false);
    expect(limiter.take('pas_b', 0)).toBe(true);
    for (let n = 0; n < 1000; n++) limiter.take(`pas_${n}`, 1);
    expect(limiter.size).toBeLessThanOrEqual(100);
  });
});
