import { describe, expect, it } from 'vitest';
import { retryDelay } from './backoff.ts';

describe('retryDelay', () => {
  it('doubles from the base delay with each failure', () => {
    expect([1, 2, 3, 4].map((failures) => retryDelay(failures, 1, { baseMs: 1000 }))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
  });

  it('never waits longer than the cap, however many failures', () => {
    expect(retryDelay(500, 1, { baseMs: 1000, maxMs: 60_000 })).toBe(60_000);
  });

  it('spreads edges by the jitter, never below half the delay', () => {
    expect(retryDelay(3, 0, { baseMs: 1000 })).toBe(2000);
    expect(retryDelay(3, -4, { baseMs: 1000 })).toBe(2000);
  });
});
