/**
 * A token bucket per key (a pass): `burst` check-ins at once, then `perMinute`. A phone
 * that floods the edge with check-ins is refused beyond that and counted; other passes
 * are not affected. Bounded in memory; time is passed in.
 */
export interface RateLimiter {
  /** Takes one token for the key; false when its bucket is empty. */
  take(key: string, now: number): boolean;
  readonly size: number;
}

export interface RateLimiterOptions {
  burst?: number;
  perMinute?: number;
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export function createRateLimiter({
  burst = 5,
  perMinute = 10,
  maxKeys = 50_000,
}: RateLimiterOptions = {}): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const perMs = perMinute / 60_000;
  return {
    take(key, now) {
      const previous = buckets.get(key);
      const elapsed = previous ? Math.max(0, now - previous.at) : 0;
      const tokens = previous ? Math.min(burst, previous.tokens + elapsed * perMs) : burst;
      buckets.delete(key);
      // A forgotten bucket starts full again: the bound costs at most one burst per pass.
      while (buckets.size >= maxKeys) {
        const oldest = buckets.keys().next();
        if (oldest.done) break;
        buckets.delete(oldest.value);
      }
      if (tokens < 1) {
        buckets.set(key, { tokens, at: now });
        return false;
      }
      buckets.set(key, { tokens: tokens - 1, at: now });
      return true;
    },
    get size() {
      return buckets.size;
    },
  };
}
