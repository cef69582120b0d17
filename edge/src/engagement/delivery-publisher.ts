import {
  buildTopic,
  type CampaignSuggestion,
  createEnvelope,
  type Delivery,
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
    { decisionId, index, at }: { decisionId: string; index: number; at: number },
  ): Promise<DeliveryOutcome> {
    switch (delivery.kind) {
      case 'associate-alert':
        options.pushSuggestion({
          suggestionId: `sug_${decisionId}-${index}`,
          storeId,
          customerId: delivery.customerId,
          campaignId: delivery.campaignId,
          zoneId: delivery.zoneId,
          suggestion: delivery.suggestion,
          at: new Date(at).toISOString(),
        });
        return 'sent';
      case 'screen-content': {
        const { message } = delivery;
        const topic = buildTopic('zoneScreen', { store: storeId, zone: message.zoneId });
        await publishTo(topic, message, at, TOPICS.zoneScreen.qos);
        return 'sent';
      }
      case 'phone-offer': {
        const clientId = options.clientOf(delivery.customerId);
        if (clientId === null) return 'no-recipient';
        const topic = buildTopic('phoneOffer', { store: storeId, clientId });
        await publishTo(topic, delivery.offer, at, TOPICS.phoneOffer.qos);
        return 'sent';
      }
      case 'event-invitation':
        // Invitations travel from the cloud with the event's RSVP; the edge only reports it.
        return 'no-recipient';
    }
  };
}

export type DeliverToRecipient = ReturnType<typeof createDeliveryPublisher>;
