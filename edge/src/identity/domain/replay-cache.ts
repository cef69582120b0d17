/**
 * Nonces already used, each remembered until its proof could no longer be accepted
 * anyway (past the time window): then a replay is refused as stale, and the entry can go.
 * Bounded: when full, expired entries go first, then the oldest, so a flood cannot grow
 * the edge's memory. Time is passed in.
 */
export interface ReplayCache {
  /** True the first time a key is offered while remembered; records it until `expiresAt`. */
  firstUse(key: string, expiresAt: number, now: number): boolean;
  readonly size: number;
}

export interface ReplayCacheOptions {
  maxEntries?: number;
}

export function createReplayCache({ maxEntries = 100_000 }: ReplayCacheOptions = {}): ReplayCache {
  // Insertion order is (nearly) expiry order: proofs arrive roughly in time.
  const entries = new Map<string, number>();

  function sweep(now: number) {
    for (const [key, expiresAt] of entries) {
      if (expiresAt > now) break;
      entries.delete(key);
    }
  }

  return {
    firstUse(key, expiresAt, now) {
      const known = entries.get(key);
      if (known !== undefined && known > now) return false;
      entries.delete(key);
      if (entries.size >= maxEntries) sweep(now);
      while (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      entries.set(key, expiresAt);
      return true;
    },
    get size() {
      return entries.size;
    },
  };
}
