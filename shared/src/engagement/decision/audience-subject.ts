import type { CustomerProfile } from '../../customer/customer-profile.ts';
import type { CustomerFacts } from '../customer-facts.ts';
import { tierRank } from '../segment-rules.ts';
import type { LocalTime } from './zoned-calendar.ts';

const DAY_MS = 86_400_000;

/**
 * A customer as segment rules read them, derived once per decision so that each of a
 * few hundred campaigns costs a handful of comparisons, not a walk through the profile.
 */
export interface AudienceSubject {
  storeId: string;
  tierRank: number;
  lifetimeValue: number;
  /** Lower case. */
  preferences: ReadonlySet<string>;
  homeStoreId: string | null;
  visitsTotal: number;
  visitsHere: number;
  /** Whole days since the previous visit began; null for a first visit. */
  daysSinceLastVisit: number | null;
  /** Lower case categories of the lines of the most recent purchase, in any store. */
  lastPurchaseCategories: ReadonlySet<string>;
  birthMonth: number | null;
  /** The month now in the store's time zone, for `is-current`. */
  currentMonth: number;
  invitedEventIds: ReadonlySet<string>;
}

export interface SubjectSituation {
  storeId: string;
  /** Epoch milliseconds. */
  at: number;
  local: LocalTime;
}

function lastPurchaseCategories(profile: CustomerProfile): Set<string> {
  let latest: CustomerProfile['recentPurchases'][number] | undefined;
  let latestAt = Number.NEGATIVE_INFINITY;
  for (const purchase of profile.recentPurchases) {
    const at = Date.parse(purchase.purchasedAt);
    if (at > latestAt) {
      latest = purchase;
      latestAt = at;
    }
  }
  return new Set(latest?.lines.map((line) => line.category.toLowerCase()) ?? []);
}

export function audienceSubjectOf(
  profile: CustomerProfile,
  facts: CustomerFacts,
  { storeId, at, local }: SubjectSituation,
): AudienceSubject {
  const previousAt = facts.visits.previousAt === null ? null : Date.parse(facts.visits.previousAt);
  return {
    storeId,
    tierRank: tierRank(profile.tier),
    lifetimeValue: profile.lifetimeValue,
    preferences: new Set(profile.preferences.map((preference) => preference.toLowerCase())),
    homeStoreId: profile.homeStoreId,
    visitsTotal: facts.visits.total,
    visitsHere: facts.visits.atThisStore,
    daysSinceLastVisit: previousAt === null ? null : Math.floor((at - previousAt) / DAY_MS),
    lastPurchaseCategories: lastPurchaseCategories(profile),
    birthMonth: facts.birthMonth,
    currentMonth: local.month,
    invitedEventIds: new Set(facts.invitedEventIds),
  };
}
