import type { Consent, CustomerProfile, CustomerQuery } from '@vitrine/shared';

/** Where a held profile came from: the store's sync, or a lookup made for one customer. */
export type ProfileSource = 'sync' | 'demand';

export interface StoredProfile {
  profile: CustomerProfile;
  source: ProfileSource;
  /** When this edge stored it (ms since the epoch). */
  storedAt: number;
}

/** One page of the cloud's feed, applied at once together with its watermark. */
export interface SyncBatch {
  upserts: CustomerProfile[];
  erasures: string[];
  /**
   * Customers who changed and left the store's selection: their copy goes, unless a visit
   * here holds them still (the cloud had not heard of it when it let them go).
   */
  removals?: string[];
  /**
   * When upserted customers leave the selection if nothing changes first (ms since the
   * epoch); a customer absent from it stays until the feed says otherwise.
   */
  heldUntil?: ReadonlyMap<string, number>;
  watermark: string;
}

/**
 * The profiles an edge holds durably: the store's selection kept by the sync, plus
 * customers fetched on demand. Survives a restart without the cloud.
 */
export interface LocalProfileStore {
  get(customerId: string): Promise<StoredProfile | null>;
  /**
   * The consent on record here, or null for a customer this edge does not hold. Passive
   * sensing follows only customers whose `tracking` is true.
   */
  consentOf(customerId: string): Promise<Consent | null>;
  /** Applies a page of the feed and moves the watermark, atomically: all or nothing. */
  applySync(batch: SyncBatch, at: number): Promise<void>;
  /**
   * Keeps a profile the cloud gave for one customer (a synced one stays marked synced,
   * with its end of stay). A copy of its own is held for the store's on-demand hold from
   * `at`, or longer if a visit already holds it.
   */
  putFetched(profile: CustomerProfile, at: number): Promise<void>;
  /**
   * A check-in accepted here at `at`: the customer is held at least the visit hold from
   * then, as the cloud will hold them once it hears of the visit: an end of stay from the
   * feed never shortens that hold. A customer held without end (home store, top tier) stays
   * so; one this edge does not hold is not added.
   */
  noteVisit(customerId: string, at: number): Promise<void>;
  /** Drops a customer the cloud no longer knows. */
  forget(customerId: string): Promise<void>;
  /**
   * Drops the customers whose time here has passed (end of stay at or before `now`):
   * synced ones out of the selection, copies fetched on demand past their hold; says who
   * went.
   */
  pruneExpired(now: number): Promise<string[]>;
  /**
   * The customers held here who match a client search (see profile-search.ts), by last
   * then first name, at most `limit`: the associate's search while the cloud is away.
   */
  search(query: CustomerQuery, limit: number): Promise<CustomerProfile[]>;
  /** The watermark of the last page applied; null before the first snapshot. */
  watermark(): Promise<string | null>;
  count(): Promise<number>;
  close(): Promise<void>;
}
