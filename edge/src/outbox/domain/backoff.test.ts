import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from './backoff.ts';

const policy = { baseMs: 1000, maxMs: 60_000 };

describe('backoff', () => {
  it('grows the cap exponentially up to the maximum', () => {
    const caps = [1, 2, 3, 4, 5, 6, 7, 10, 40].map((attempt) =>
      backoffDelay(attempt, 0.999_999, policy),
    );
    expect(caps).toEqual([999, 1999, 3999, 7999, 15_999, 31_999, 59_999, 59_999, 59_999]);
  });

  it('spreads retries with jitter but never retries at once', () => {
    expect(backoffDelay(5, 0, policy)).toBe(100);
    expect(backoffDelay(5, 0.5, policy)).toBe(8000);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores an absent or unreadable value', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
  });
});
