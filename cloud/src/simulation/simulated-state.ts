import {
  type CampaignIndex,
  type EngagementState,
  emptyEngagementState,
  endVisit,
  mergeBudgetCounts,
  recordDeliveries,
} from '@vitrine/shared';
import type { PastDelivery } from './delivery-history-repository.ts';

export interface DeliveryHistory {
  /** The customer's past deliveries, oldest first. */
  deliveries: readonly PastDelivery[];
  /** Deliveries per campaign across the organisation. */
  budgets: Readonly<Record<string, number>>;
}

/**
 * The engine's state for one customer, rebuilt from what edges reported: their caps and
 * cooldowns read the past deliveries, budgets the organisation's counts. The cloud does
 * not know whether a visit is under way, so the simulated act starts a fresh one.
 */
export function simulatedState(
  customerId: string,
  { deliveries, budgets }: DeliveryHistory,
  index: CampaignIndex,
): EngagementState {
  let state = emptyEngagementState();
  for (const delivery of deliveries) {
    const keep = index.get(delivery.campaignId)?.keep ?? 1;
    state = recordDeliveries(state, {
      customerId,
      at: delivery.at,
      campaigns: [{ campaignId: delivery.campaignId, keep }],
    });
  }
  return mergeBudgetCounts(endVisit(state, customerId), budgets);
}
