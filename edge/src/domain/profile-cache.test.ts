import { describe, expect, it } from 'vitest';
import { createLruTtlCache } from './profile-cache.ts';

describe('LRU + TTL cache', () => {
  it('serves an entry as fresh until the TTL has passed, then as stale', () => {
    const cache = createLruTtlCache<string>({ ttlMs: 1000 });
    cache.set('a', 'alpha', 10_000);
    expect(cache.get('a', 10_999)).toEqual({ value: 'alpha', storedAt: 10_000, fresh: true });
    expect(cache.get('a', 11_000)).toEqual({ value: 'alpha', storedAt: 10_000, fresh: false });
  });

  it('evicts the least recently used entry when full', () => {
    const cache = createLruTtlCache<number>({ maxEntries: 2 });
    cache.set('a', 1, 0);
    cache.set('b', 2, 0);
    cache.get('a', 1);
    cache.set('c', 3, 2);
    expect(cache.get('b', 3)).toBeUndefined();
    expect(cache.get('a', 3)?.value).toBe(1);
    expect(cache.get('c', 3)?.value).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('refreshes the time of an entry stored again', () => {
    const cache = createLruTtlCache<number>({ ttlMs: 100 });
    cache.set('a', 1, 0);
    cache.set('a', 2, 500);
    expect(cache.get('a', 550)).toEqual({ value: 2, storedAt: 500, fresh: true });
  });

  it('forgets a deleted entry', () => {
    const cache = createLruTtlCache<number>();
    cache.set('a', 1, 0);
    cache.delete('a');
    expect(cache.get('a', 0)).toBeUndefined();
  });

  it('stores nothing when its size is zero', () => {
    const cache = createLruTtlCache<number>({ maxEntries: 0 });
    cache.set('a', 1, 0);
    expect(cache.size).toBe(0);
  });
});
