import {
  buildTopic,
  type CampaignSuggestion,
  createEnvelope,
  type Delivery,
  type PhoneOffer,
  TOPICS,
} from '@vitrine/shared';
import type { Publish } from '../scans/scan-answer-publisher.ts';
import type { DeliveryOutcome } from './delivery-reports.ts';

export interface DeliveryPublisherOptions {
  storeId: string;
  /** To the store's associates over socket.io. */
  pushSuggestion: (suggestion: CampaignSuggestion) => void;
  /** To the store's broker. */
  publish: Publish;
  /** The app the customer last used in this store, where their phone offers go. */
  clientOf: (customerId: string) => string | null;
  /**
   * Keeps a phone offer (durably) before it goes out, and gives it its delivery id and
   * redemption code; without it offers go out as decided and cannot be redeemed here.
   */
  issueOffer?: (issue: {
    deliveryId: string;
    campaignId: string;
    customerId: string;
    offer: PhoneOffer;
    at: number;
  }) => Promise<PhoneOffer>;
}

/** A delivery's id: its decision and its place in it, as in its `delivery:` ingest key. */
export const deliveryIdOf = (decisionId: string, index: number) => `${decisionId}-${index}`;

/** The phone offer the same campaign sent in this decision, for the associates to redeem. */
function offerBeside(
  deliveries: readonly Delivery[],
  campaignId: string,
  decisionId: string,
): CampaignSuggestion['offer'] {
  const index = deliveries.findIndex(
    (delivery) => delivery.kind === 'phone-offer' && delivery.campaignId === campaignId,
  );
  const sibling = deliveries[index];
  if (sibling?.kind !== 'phone-offer') return undefined;
  const { offerId, title, validUntil } = sibling.offer;
  return { deliveryId: deliveryIdOf(decisionId, index), offerId, title, validUntil };
}

/**
 * Hands each delivery to its recipient: the associates, the zone's screens (MQTT, content
 * and segment only), or the customer's own app (MQTT, QoS 1). Says whether it went.
 */
export function createDeliveryPublisher(options: DeliveryPublisherOptions) {
  const { storeId, publish } = options;

  async function publishTo(topic: string, data: unknown, at: number, qos: 0 | 1) {
    const envelope = createEnvelope(storeId, data, { at: new Date(at) });
    await publish(topic, JSON.stringify(envelope), { qos, retain: false });
  }

  return async function deliver(
    delivery: Delivery,
    {
      decisionId,
      index,
      at,
      deliveries = [],
    }: {
      decisionId: string;
      index: number;
      at: number;
      /** Every delivery of the decision: a suggestion names the offer sent beside it. */
      deliveries?: readonly Delivery[];
    },
  ): Promise<DeliveryOutcome> {
    switch (delivery.kind) {
      case 'associate-alert': {
        const offer = options.issueOffer
          ? offerBeside(deliveries, delivery.campaignId, decisionId)
          : undefined;
        options.pushSuggestion({
          suggestionId: `sug_${decisionId}-${index}`,
          storeId,
          customerId: delivery.customerId,
          campaignId: delivery.campaignId,
          zoneId: delivery.zoneId,
          suggestion: delivery.suggestion,
          at: new Date(at).toISOString(),
          ...(offer ? { offer } : {}),
        });
        return 'sent';
      }
      case 'screen-content': {
        const { message } = delivery;
        const topic = buildTopic('zoneScreen', { store: storeId, zone: message.zoneId });
        await publishTo(topic, message, at, TOPICS.zoneScreen.qos);
        return 'sent';
      }
      case 'phone-offer': {
        // Kept first, so that an associate can redeem it even when no phone is known.
        const offer = options.issueOffer
          ? await options.issueOffer({
              deliveryId: deliveryIdOf(decisionId, index),
              campaignId: delivery.campaignId,
              customerId: delivery.customerId,
              offer: delivery.offer,
              at,
            })
          : delivery.offer;
        const clientId = options.clientOf(delivery.customerId);
        if (clientId === null) return 'no-recipient';
        const topic = buildTopic('phoneOffer', { store: storeId, clientId });
        await publishTo(topic, offer, at, TOPICS.phoneOffer.qos);
        return 'sent';
      }
      case 'event-invitation':
        // Invitations travel from the cloud with the event's RSVP; the edge only reports it.
        return 'no-recipient';
    }
  };
}

export type DeliverToRecipient = ReturnType<typeof createDeliveryPublisher>;
