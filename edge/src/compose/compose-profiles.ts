import { join } from 'node:path';
import type { CustomerProfile } from '@vitrine/shared';
import { createLruTtlCache } from '../domain/profile-cache.ts';
import type { SyncedFeeds } from '../fleet/synced-feeds.ts';
import type { DurableOutbox } from '../outbox/durable-outbox.ts';
import { createDeferredProfileStore } from '../store/deferred-profile-store.ts';
import type { LocalProfileStore } from '../store/local-profile-store.ts';
import { openWorkerProfileStore } from '../store/worker-profile-store.ts';
import { createProfileFeedClient } from '../sync/profile-feed-client.ts';
import { createProfileSync } from '../sync/profile-sync.ts';
import { createSyncMetrics } from '../sync/sync-metrics.ts';
import type { EdgeContext } from './edge-context.ts';

/**
 * The profiles this store is likely to need, on disk: synced from the cloud as a snapshot
 * then deltas, and looked up before the cloud is asked; a memory cache in front. A first
 * start of PGlite takes seconds: the edge serves check-ins from the cloud meanwhile. PGlite
 * runs on a thread of its own, so that writing a snapshot never stalls the broker.
 */
export function composeProfiles(
  { config, logger, metrics, fetch, onStop }: EdgeContext,
  {
    localStore,
    outbox,
    feeds,
  }: { localStore: LocalProfileStore | undefined; outbox: DurableOutbox; feeds?: SyncedFeeds },
) {
  const localProfiles =
    localStore ??
    createDeferredProfileStore(
      openWorkerProfileStore({ dataDir: join(config.dataDir, 'profiles') }),
      {
        onOpenFailed: (error) =>
          logger.error({ err: error }, 'local profile store not opened; using the cloud alone'),
      },
    );
  onStop('local profile store', () => localProfiles.close());
  const profileCache = createLruTtlCache<CustomerProfile>({
    maxEntries: config.profileCacheMax,
    ttlMs: config.profileCacheTtlMs,
  });
  const profileSync = createProfileSync({
    feed: createProfileFeedClient({
      baseUrl: config.cloudUrl,
      token: config.cloudToken,
      storeId: config.storeId,
      ...fetch,
    }),
    store: localProfiles,
    metrics: createSyncMetrics(metrics.registry),
    logger,
    // A changed, erased or departed customer must not be served from memory either.
    onApplied: ({ upserted, erased, removed }) => {
      for (const customerId of [...upserted, ...erased, ...removed]) {
        profileCache.delete(customerId);
      }
    },
    // What waits in the outbox about an erased customer never reaches the cloud.
    purgeReports: (customerIds) => outbox.purgeCustomers(customerIds),
    pageSize: config.syncPageSize,
    intervalMs: config.syncIntervalMs,
  });
  profileSync.start();
  feeds?.add('profiles', () => profileSync.lastSyncedAt());
  onStop('profile sync', () => profileSync.stop());
  return { localProfiles, profileCache };
}
