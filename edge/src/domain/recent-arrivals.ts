/**
 * When each customer was last announced to the associates, so that passive sensing does
 * not announce again someone who just checked in (or whom it announced a minute ago).
 * Bounded: the oldest customers are forgotten first.
 */
export interface RecentArrivals {
  note(customerId: string, at: number): void;
  /** True when the customer was announced less than `withinMs` before `now`. */
  announcedWithin(customerId: string, withinMs: number, now: number): boolean;
}

export function createRecentArrivals(capacity = 10_000): RecentArrivals {
  const lastAt = new Map<string, number>();
  return {
    note(customerId, at) {
      lastAt.delete(customerId);
      lastAt.set(customerId, at);
      if (lastAt.size > capacity) {
        const oldest = lastAt.keys().next();
        if (!oldest.done) lastAt.delete(oldest.value);
      }
    },
    announcedWithin(customerId, withinMs, now) {
      const at = lastAt.get(customerId);
      return at !== undefined && now - at < withinMs;
    },
  };
}
