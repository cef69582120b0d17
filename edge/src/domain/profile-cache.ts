/**
 * A bounded least-recently-used cache whose entries are fresh for `ttlMs` after they were
 * stored. A stale entry is kept (until evicted by size) because it is still the best the
 * edge knows when the cloud cannot be reached. Time is passed in by the caller.
 */
export interface CacheEntry<V> {
  value: V;
  storedAt: number;
  /** Younger than the TTL: may be used without asking the source again. */
  fresh: boolean;
}

export interface LruTtlCacheOptions {
  maxEntries?: number;
  ttlMs?: number;
}

export interface LruTtlCache<V> {
  get(key: string, now: number): CacheEntry<V> | undefined;
  set(key: string, value: V, now: number): void;
  delete(key: string): void;
  readonly size: number;
}

export function createLruTtlCache<V>({
  maxEntries = 5000,
  ttlMs = 10 * 60_000,
}: LruTtlCacheOptions = {}): LruTtlCache<V> {
  // A Map iterates in insertion order: re-inserting on access keeps the oldest first.
  const entries = new Map<string, { value: V; storedAt: number }>();
  return {
    get(key, now) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return { ...entry, fresh: now - entry.storedAt < ttlMs };
    },
    set(key, value, now) {
      if (maxEntries <= 0) return;
      entries.delete(key);
      entries.set(key, { value, storedAt: now });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
    delete(key) {
      entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
}
