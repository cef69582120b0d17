const DAY_MS = 24 * 3600 * 1000;

/**
 * How long the edge holds a customer it did not get from the store's selection. The
 * cloud keeps a customer in a store's selection for twelve months after their last visit
 * there; the edge keeps the same rule for the visits the cloud has not heard of yet
 * (made while it was unreachable), so a regular is not let go while the store is offline.
 * The feed's end of stay counts beside that hold, never shortening it: a feed page written
 * before the visit reached the cloud must not undo it.
 */
export interface ProfileHoldOptions {
  /** A copy fetched on demand for one customer (ms from the fetch). */
  demandHoldMs?: number;
  /** A customer who checked in here (ms from the visit), as the cloud will hold them. */
  visitHoldMs?: number;
}

export const DEFAULT_PROFILE_HOLDS = {
  demandHoldMs: 30 * DAY_MS,
  visitHoldMs: 365 * DAY_MS,
} as const satisfies Required<ProfileHoldOptions>;

export function profileHolds(options: ProfileHoldOptions = {}): Required<ProfileHoldOptions> {
  return { ...DEFAULT_PROFILE_HOLDS, ...options };
}
