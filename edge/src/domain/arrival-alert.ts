import type { ArrivalAlert, Consent, CustomerProfile, Tier } from '@vitrine/shared';
import { suggestForArrival } from './suggestion.ts';

/** What the edge knows about the customer at the moment of the alert. */
export type ProfileKnowledge =
  | { freshness: 'fresh'; profile: CustomerProfile }
  | { freshness: 'cached'; profile: CustomerProfile }
  /** No profile; `claims` are what the customer's signed pass says, when there is one. */
  | { freshness: 'unavailable'; claims?: { tier: Tier; consent: Consent } };

export interface ArrivalFacts {
  alertId: string;
  storeId: string;
  customerId: string;
  source: ArrivalAlert['source'];
  sourceMessageId: string;
  zoneId: string | null;
  arrivedAt: string;
}

/**
 * The alert for associates. A customer who has not consented to profiling is announced
 * without the profile or a suggestion drawn from it: only the loyalty tier they showed.
 */
export function composeArrivalAlert(
  facts: ArrivalFacts,
  knowledge: ProfileKnowledge,
): ArrivalAlert {
  const degraded = knowledge.freshness !== 'fresh';
  if (knowledge.freshness === 'unavailable') {
    return {
      ...facts,
      degraded,
      freshness: 'unavailable',
      tier: knowledge.claims?.tier ?? null,
      profile: null,
      suggestion: null,
    };
  }
  const { profile } = knowledge;
  if (!profile.consent.profiling) {
    return {
      ...facts,
      degraded,
      freshness: knowledge.freshness,
      tier: profile.tier,
      profile: null,
      suggestion: null,
    };
  }
  return {
    ...facts,
    degraded,
    freshness: knowledge.freshness,
    tier: profile.tier,
    profile,
    suggestion: suggestForArrival(profile, { storeId: facts.storeId }),
  };
}
