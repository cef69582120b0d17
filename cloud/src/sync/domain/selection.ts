import type { Tier } from '@vitrine/shared';

/**
 * Which customers a store's edge holds: those whose home store it is, the top tiers, its
 * recent visitors (a visit or a purchase in the store within the last months), and the
 * guests invited to an event there, until it ends.
 */

/** Tiers every edge of the organisation holds, wherever their home store is. */
export const TOP_TIERS = ['gold', 'platinum'] as const;

/** A visit or a purchase in a store keeps its customer in the selection this long. */
export const RECENT_VISIT_MONTHS = 12;

function addUtcMonths(at: Date, months: number): Date {
  const moved = new Date(at.getTime());
  moved.setUTCMonth(moved.getUTCMonth() + months);
  return moved;
}

/** The instant before which a visit or purchase no longer makes its customer a recent visitor. */
export function recentVisitCutoff(now: Date, months = RECENT_VISIT_MONTHS): Date {
  return addUtcMonths(now, -months);
}

export interface SelectionFacts {
  homeStoreId: string | null;
  tier: Tier;
  /** The customer's latest visit or purchase in the store; null when none. */
  lastSeenHere: Date | null;
  /** When the last event the customer is invited to in the store ends; null when none. */
  invitedUntil?: Date | null;
}

/**
 * When a selected customer leaves the store's selection if nothing changes first: their
 * last visit or purchase here ages out and the last event they are invited to here ends,
 * whichever is later. Null while nothing in time takes them out.
 */
export function selectionEnd(
  storeId: string,
  { homeStoreId, tier, lastSeenHere, invitedUntil = null }: SelectionFacts,
  months = RECENT_VISIT_MONTHS,
): Date | null {
  const topTier: readonly Tier[] = TOP_TIERS;
  if (homeStoreId === storeId || topTier.includes(tier)) return null;
  const ends = [lastSeenHere === null ? null : addUtcMonths(lastSeenHere, months), invitedUntil]
    .filter((end): end is Date => end !== null)
    .map((end) => end.getTime());
  return ends.length === 0 ? null : new Date(Math.max(...ends));
}
