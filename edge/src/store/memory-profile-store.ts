import type { LocalProfileStore, StoredProfile } from './local-profile-store.ts';

/**
 * The local store in memory: for tests and for an edge run without a data folder. It
 * forgets everything on restart, which the PGlite store does not.
 */
export function createMemoryProfileStore(): LocalProfileStore {
  const profiles = new Map<string, StoredProfile>();
  let watermark: string | null = null;
  return {
    async get(customerId) {
      return profiles.get(customerId) ?? null;
    },
    async consentOf(customerId) {
      return profiles.get(customerId)?.profile.consent ?? null;
    },
    async applySync({ upserts, erasures, watermark: next }, at) {
      for (const profile of upserts) {
        profiles.set(profile.id, { profile, source: 'sync', storedAt: at });
      }
      for (const customerId of erasures) profiles.delete(customerId);
      watermark = next;
    },
    async putFetched(profile, at) {
      const source = profiles.get(profile.id)?.source ?? 'demand';
      profiles.set(profile.id, { profile, source, storedAt: at });
    },
    async forget(customerId) {
      profiles.delete(customerId);
    },
    async watermark() {
      return watermark;
    },
    async count() {
      return profiles.size;
    },
    async close() {},
  };
}
