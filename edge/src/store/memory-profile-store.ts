import type { LocalProfileStore, StoredProfile } from './local-profile-store.ts';

/**
 * The local store in memory: for tests and for an edge run without a data folder. It
 * forgets everything on restart, which the PGlite store does not.
 */
export function createMemoryProfileStore(): LocalProfileStore {
  const profiles = new Map<string, StoredProfile>();
  /** Synced customers' end of stay in the selection, when they have one. */
  const heldUntilOf = new Map<string, number>();
  let watermark: string | null = null;
  return {
    async get(customerId) {
      return profiles.get(customerId) ?? null;
    },
    async consentOf(customerId) {
      return profiles.get(customerId)?.profile.consent ?? null;
    },
    async applySync({ upserts, erasures, removals = [], heldUntil, watermark: next }, at) {
      for (const profile of upserts) {
        profiles.set(profile.id, { profile, source: 'sync', storedAt: at });
        const until = heldUntil?.get(profile.id);
        if (until === undefined) heldUntilOf.delete(profile.id);
        else heldUntilOf.set(profile.id, until);
      }
      for (const customerId of [...erasures, ...removals]) {
        profiles.delete(customerId);
        heldUntilOf.delete(customerId);
      }
      watermark = next;
    },
    async putFetched(profile, at) {
      const source = profiles.get(profile.id)?.source ?? 'demand';
      profiles.set(profile.id, { profile, source, storedAt: at });
    },
    async forget(customerId) {
      profiles.delete(customerId);
      heldUntilOf.delete(customerId);
    },
    async pruneExpired(now) {
      const gone: string[] = [];
      for (const [customerId, until] of heldUntilOf) {
        if (until > now || profiles.get(customerId)?.source !== 'sync') continue;
        profiles.delete(customerId);
        heldUntilOf.delete(customerId);
        gone.push(customerId);
      }
      return gone.sort();
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
