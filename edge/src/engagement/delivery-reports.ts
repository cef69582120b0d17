import { createHash } from 'node:crypto';
import type { Delivery, IngestEvent } from '@vitrine/shared';

export type DeliveryOutcome = 'sent' | 'no-recipient' | 'failed';

/**
 * A decision's id, from the fact that led to it and the customer: the same fact handled
 * twice (a redelivery, a replay after a crash) makes the same decision id, so the cloud
 * stores its deliveries once.
 */
export function decisionIdOf(sourceKey: string, customerId: string): string {
  return createHash('sha256').update(`${sourceKey}|${customerId}`).digest('hex').slice(0, 32);
}

export interface DeliveryFact {
  storeId: string;
  decisionId: string;
  /** The delivery's place in the decision, so each one has its own key. */
  index: number;
  delivery: Delivery;
  trigger: string;
  zoneId: string | null;
  outcome: DeliveryOutcome;
  at: number;
}

/** The customer a delivery concerns; a screen's content names nobody. */
function customerOf(delivery: Delivery, fallback: string): string {
  return delivery.kind === 'screen-content' ? fallback : delivery.customerId;
}

/** One delivery as the cloud keeps it: who, which campaign, which action, whether it went. */
export function deliveryEvent(fact: DeliveryFact, customerId: string): IngestEvent {
  const { delivery } = fact;
  return {
    key: `delivery:${fact.decisionId}-${fact.index}`,
    kind: 'delivery',
    store: fact.storeId,
    occurredAt: new Date(fact.at).toISOString(),
    data: {
      decisionId: fact.decisionId,
      campaignId: delivery.campaignId,
      customerId: customerOf(delivery, customerId),
      action: delivery.kind,
      trigger: fact.trigger,
      zoneId: delivery.kind === 'screen-content' ? delivery.message.zoneId : fact.zoneId,
      offerId: delivery.kind === 'phone-offer' ? delivery.offer.offerId : null,
      contentId: delivery.kind === 'screen-content' ? delivery.message.contentId : null,
      outcome: fact.outcome,
    },
  };
}
