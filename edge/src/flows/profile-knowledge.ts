import type { CustomerProfile } from '@vitrine/shared';
import type { CloudClient, ProfileLookup } from '../cloud/cloud-client.ts';
import type { ProfileKnowledge } from '../domain/arrival-alert.ts';
import { createLruTtlCache, type LruTtlCache } from '../domain/profile-cache.ts';
import type { EdgeMetrics } from '../observability/edge-metrics.ts';
import type { Logger } from '../observability/logger.ts';
import type { LocalProfileStore } from '../store/local-profile-store.ts';

export interface ProfileKnowledgeOptions {
  cloud: Pick<CloudClient, 'fetchProfile'>;
  cache: LruTtlCache<CustomerProfile>;
  /**
   * The durable local store, looked up before the cloud: the store's selection kept
   * current by the sync, and customers fetched on demand (fresh for `demandFreshMs`).
   */
  localProfiles?: Pick<LocalProfileStore, 'get' | 'putFetched' | 'forget' | 'noteVisit'>;
  /** How long a profile fetched on demand is used without asking the cloud again. */
  demandFreshMs?: number;
  /**
   * After the cloud failed to answer for a customer, how long their arrivals go out with
   * what the edge knows without asking again: a cloud that is down or overloaded is not
   * asked once per check-in, which would only keep it so.
   */
  retryLookupAfterMs?: number;
  metrics: Pick<EdgeMetrics, 'cloudLookups' | 'cloudLookupFailures'>;
  logger: Logger;
  now?: () => number;
}

/**
 * What the edge knows of a customer, or null when the cloud says the customer does not
 * exist: the memory cache, then the local store, then the cloud on demand (a customer
 * this store has never seen: one customer view), then whatever copy is left, marked as
 * such.
 */
export type KnowledgeOf = (customerId: string) => Promise<ProfileKnowledge | null>;

export function createProfileKnowledge(options: ProfileKnowledgeOptions): KnowledgeOf {
  const {
    cloud,
    cache,
    localProfiles,
    demandFreshMs = 10 * 60_000,
    retryLookupAfterMs = 15_000,
    metrics,
    logger,
    now = Date.now,
  } = options;
  // Customers the cloud just failed to answer for; bounded like the profile cache.
  const unanswered = createLruTtlCache<true>({ maxEntries: 10_000, ttlMs: retryLookupAfterMs });

  // A burst of check-ins of one customer (a family at the door, a retried publish) asks
  // the cloud once.
  const inFlight = new Map<string, Promise<ProfileLookup>>();
  function lookUp(customerId: string): Promise<ProfileLookup> {
    const pending = inFlight.get(customerId);
    if (pending) return pending;
    const lookup = cloud.fetchProfile(customerId).finally(() => inFlight.delete(customerId));
    inFlight.set(customerId, lookup);
    return lookup;
  }

  /** The local store's copy: a synced one is kept current by the sync; a fetched one ages. */
  async function localCopy(customerId: string) {
    if (!localProfiles) return null;
    try {
      const stored = await localProfiles.get(customerId);
      if (stored === null) return null;
      const fresh = stored.source === 'sync' || now() - stored.storedAt < demandFreshMs;
      return { profile: stored.profile, fresh };
    } catch (error) {
      logger.error({ err: error, customerId }, 'local profile store failed; asking the cloud');
      return null;
    }
  }

  /** The local store is a copy: failing to update it never fails a check-in. */
  async function keepLocally(write: () => Promise<void>, customerId: string) {
    await write().catch((error: unknown) =>
      logger.error({ err: error, customerId }, 'local profile store not updated'),
    );
  }

  function knownWithout(fallback: CustomerProfile | undefined): ProfileKnowledge {
    return fallback ? { freshness: 'cached', profile: fallback } : { freshness: 'unavailable' };
  }

  return async function knowledgeOf(customerId) {
    const cached = cache.get(customerId, now());
    if (cached?.fresh) {
      metrics.cloudLookups.inc({ outcome: 'cache_hit' });
      return { freshness: 'fresh', profile: cached.value };
    }
    const local = await localCopy(customerId);
    if (local?.fresh) {
      metrics.cloudLookups.inc({ outcome: 'cache_hit' });
      cache.set(customerId, local.profile, now());
      return { freshness: 'fresh', profile: local.profile };
    }
    const fallback = cached?.value ?? local?.profile;
    if (unanswered.get(customerId, now())?.fresh) {
      metrics.cloudLookups.inc({ outcome: 'retry_later' });
      return knownWithout(fallback);
    }
    const lookup = await lookUp(customerId);
    if (lookup.outcome === 'found') {
      metrics.cloudLookups.inc({ outcome: 'fresh' });
      unanswered.delete(customerId);
      cache.set(customerId, lookup.profile, now());
      if (localProfiles) {
        await keepLocally(() => localProfiles.putFetched(lookup.profile, now()), customerId);
      }
      return { freshness: 'fresh', profile: lookup.profile };
    }
    if (lookup.outcome === 'not_found') {
      metrics.cloudLookups.inc({ outcome: 'not_found' });
      // An erased or unknown customer must not linger in the fallback either.
      cache.delete(customerId);
      if (localProfiles) await keepLocally(() => localProfiles.forget(customerId), customerId);
      return null;
    }
    unanswered.set(customerId, true, now());
    metrics.cloudLookups.inc({ outcome: lookup.reason });
    metrics.cloudLookupFailures.inc({ reason: lookup.reason });
    logger.warn(
      { customerId, reason: lookup.reason, detail: lookup.detail, cached: fallback !== undefined },
      'profile lookup failed; alerting with what the edge knows',
    );
    return knownWithout(fallback);
  };
}
