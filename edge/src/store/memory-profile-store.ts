import type { LocalProfileStore, StoredProfile } from './local-profile-store.ts';
import { type ProfileHoldOptions, profileHolds } from './profile-holds.ts';
import { compareByName, matchesCustomerQuery } from './profile-search.ts';

/**
 * The local store in memory: for tests and for an edge run without a data folder. It
 * forgets everything on restart, which the PGlite store does not.
 */
export function createMemoryProfileStore(holds: ProfileHoldOptions = {}): LocalProfileStore {
  const { demandHoldMs, visitHoldMs } = profileHolds(holds);
  const profiles = new Map<string, StoredProfile>();
  /** Customers' end of stay here, when they have one (absent: held without end). */
  const heldUntilOf = new Map<string, number>();
  /** Visits made here the cloud may not have heard of: a hold the feed never shortens. */
  const visitHeldUntilOf = new Map<string, number>();
  function holdAtLeast(customerId: string, until: number) {
    heldUntilOf.set(customerId, Math.max(heldUntilOf.get(customerId) ?? until, until));
  }
  function drop(customerId: string) {
    profiles.delete(customerId);
    heldUntilOf.delete(customerId);
    visitHeldUntilOf.delete(customerId);
  }
  const heldForVisit = (customerId: string, at: number) =>
    (visitHeldUntilOf.get(customerId) ?? 0) > at;
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
      for (const customerId of erasures) drop(customerId);
      for (const customerId of removals) if (!heldForVisit(customerId, at)) drop(customerId);
      watermark = next;
    },
    async putFetched(profile, at) {
      const source = profiles.get(profile.id)?.source ?? 'demand';
      profiles.set(profile.id, { profile, source, storedAt: at });
      if (source === 'demand') holdAtLeast(profile.id, at + demandHoldMs);
    },
    async noteVisit(customerId, at) {
      if (!heldUntilOf.has(customerId)) return;
      const until = at + visitHoldMs;
      visitHeldUntilOf.set(customerId, Math.max(visitHeldUntilOf.get(customerId) ?? until, until));
    },
    async forget(customerId) {
      drop(customerId);
    },
    async pruneExpired(now) {
      const gone: string[] = [];
      for (const [customerId, until] of heldUntilOf) {
        if (until > now || heldForVisit(customerId, now)) continue;
        drop(customerId);
        gone.push(customerId);
      }
      return gone.sort();
    },
    async search(query, limit) {
      return [...profiles.values()]
        .map(({ profile }) => profile)
        .filter((profile) => matchesCustomerQuery(profile, query))
        .sort(compareByName)
        .slice(0, limit);
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
