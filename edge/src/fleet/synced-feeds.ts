/**
 * The cloud feeds the edge pulls (profiles, engagement, content…), each with when it was
 * last pulled successfully: each part adds its own, the report reads them all.
 */
export interface SyncedFeeds {
  add(feed: string, lastSyncedAt: () => number | null): void;
  /** Epoch ms by feed name; null for a feed not pulled since the edge started. */
  snapshot(): Record<string, number | null>;
}

export function createSyncedFeeds(): SyncedFeeds {
  const feeds = new Map<string, () => number | null>();
  return {
    add(feed, lastSyncedAt) {
      feeds.set(feed, lastSyncedAt);
    },
    snapshot: () => Object.fromEntries([...feeds].map(([feed, read]) => [feed, read()])),
  };
}
