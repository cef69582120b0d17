import { join } from 'node:path';
import type { CampaignSuggestion, CustomerProfile } from '@vitrine/shared';
import type { CloudClient } from '../cloud/cloud-client.ts';
import type { LruTtlCache } from '../domain/profile-cache.ts';
import { createCatalogueFile } from '../engagement/catalogue-file.ts';
import { createCatalogueSync } from '../engagement/catalogue-sync.ts';
import { createDeliveryPublisher } from '../engagement/delivery-publisher.ts';
import { createEngagementEngine, type EngagementEngine } from '../engagement/engagement-engine.ts';
import { createEngagementFeedClient } from '../engagement/engagement-feed-client.ts';
import { createEngagementMetrics } from '../engagement/engagement-metrics.ts';
import { createEngagementStateFile } from '../engagement/engagement-state-file.ts';
import type { SyncedFeeds } from '../fleet/synced-feeds.ts';
import type { OfferDesk } from '../offers/offer-desk.ts';
import type { DurableOutbox } from '../outbox/durable-outbox.ts';
import type { Publish } from '../scans/scan-answer-publisher.ts';
import type { LocalProfileStore } from '../store/local-profile-store.ts';
import type { EdgeContext } from './edge-context.ts';

export interface EngagementParts {
  /** The catalogue's last sync, for the edge's report. */
  feeds?: SyncedFeeds;
  cloud: CloudClient;
  localProfiles: LocalProfileStore;
  profileCache: LruTtlCache<CustomerProfile>;
  outbox: DurableOutbox;
  pushSuggestion: (suggestion: CampaignSuggestion) => void;
  publish: Publish;
  /** Phone offers kept for redemption before they go out; none without it. */
  offers?: Pick<OfferDesk, 'issue' | 'useRedemptionCounts'>;
}

/**
 * Campaigns decided at the edge: the catalogue kept in `<dataDir>/engagement` and synced
 * with the store's snapshots, the cap state beside it, and every fact the edge reports
 * (check-ins, presence, admissions) shown to the engine once the outbox has it on disk.
 */
export async function composeEngagement(
  { config, logger, metrics, now, fetch, onStop }: EdgeContext,
  parts: EngagementParts,
): Promise<EngagementEngine> {
  const dir = join(config.dataDir, 'engagement');
  const engagementMetrics = createEngagementMetrics(metrics.registry);
  const { outbox, offers } = parts;
  const engine = createEngagementEngine({
    storeId: config.storeId,
    profileOf: (customerId) => profileOf(customerId, parts, now),
    deliver: createDeliveryPublisher({
      storeId: config.storeId,
      pushSuggestion: parts.pushSuggestion,
      publish: parts.publish,
      clientOf: (customerId) => engine.clientOf(customerId),
      ...(offers
        ? {
            issueOffer: (issue) => {
              const limit = engine.offerOf(issue.offer.offerId)?.redemptionLimit;
              return offers.issue({
                ...issue,
                perCustomer: limit?.perCustomer ?? 1,
                total: limit?.total ?? null,
              });
            },
          }
        : {}),
    }),
    report: (event) => outbox.append(event),
    stateFile: createEngagementStateFile(dir),
    metrics: engagementMetrics,
    logger,
    now,
  });
  await engine.load();
  const sync = createCatalogueSync({
    storeId: config.storeId,
    feed: createEngagementFeedClient({
      baseUrl: config.cloudUrl,
      token: config.cloudToken,
      timeoutMs: Math.max(config.lookupTimeoutMs, 5000),
      ...fetch,
    }),
    timeZoneOf: async () => {
      const lookup = await parts.cloud.fetchStore(config.storeId);
      return lookup.outcome === 'found' ? lookup.store.timeZone : null;
    },
    file: createCatalogueFile(dir),
    use: (stored) => engine.useCatalogue(stored),
    useBudgetCounts: ({ spent, redeemed }) => {
      engine.useBudgetCounts(spent);
      offers?.useRedemptionCounts(redeemed);
    },
    intervalMs: config.syncIntervalMs,
    metrics: engagementMetrics,
    logger,
    now,
  });
  await sync.start();
  parts.feeds?.add('engagement', () => sync.lastSyncedAt());
  outbox.onAppended((fact) => engine.observe(fact));
  onStop('engagement', async () => {
    sync.stop();
    await engine.stop();
  });
  return engine;
}

/**
 * The customer's profile as the edge knows it: the memory cache, the local store, then
 * the cloud. A check-in reaches the engine as soon as it is written, while its own flow
 * may still be asking the cloud for a customer the store has never seen.
 */
async function profileOf(
  customerId: string,
  { profileCache, localProfiles, cloud }: EngagementParts,
  now: () => number,
): Promise<CustomerProfile | null> {
  const cached = profileCache.get(customerId, now());
  if (cached) return cached.value;
  const local = await localProfiles.get(customerId);
  if (local) return local.profile;
  const lookup = await cloud.fetchProfile(customerId);
  return lookup.outcome === 'found' ? lookup.profile : null;
}
