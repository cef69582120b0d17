import type { CustomerProfile } from '@vitrine/shared';
import type { LruTtlCache } from '../domain/profile-cache.ts';
import type { Logger } from '../observability/logger.ts';
import type { LocalProfileStore } from '../store/local-profile-store.ts';

/** The profile the edge holds for a customer, or null: never a call to the cloud. */
export type ReadProfile = (customerId: string) => Promise<CustomerProfile | null>;

/**
 * What the edge already knows of a customer, from memory then the local store. A scan's
 * answer is a nicety on top of the product card: it never waits on the cloud for it.
 */
export function createProfileReader({
  cache,
  localProfiles,
  logger,
  now = Date.now,
}: {
  cache: Pick<LruTtlCache<CustomerProfile>, 'get'>;
  localProfiles?: Pick<LocalProfileStore, 'get'>;
  logger: Logger;
  now?: () => number;
}): ReadProfile {
  return async (customerId) => {
    const cached = cache.get(customerId, now());
    if (cached) return cached.value;
    if (!localProfiles) return null;
    try {
      return (await localProfiles.get(customerId))?.profile ?? null;
    } catch (error) {
      logger.error({ err: error, customerId }, 'local profile store failed; answering without');
      return null;
    }
  };
}
