import type { CustomerProfile } from '../../customer/customer-profile.ts';
import type { CampaignAction } from '../campaign-actions.ts';
import type { CompiledCampaign } from './compiled-campaign.ts';
import { type Delivery, type EngagementEvent, zoneOfEvent } from './engagement-types.ts';

/**
 * The campaign's actions as deliveries. Only the associate alert, the phone offer and the
 * invitation name the customer, each to its own recipient; the screen message is built
 * from the campaign alone, so it cannot carry anything personal.
 */
export function deliveriesFor(
  compiled: CompiledCampaign,
  actions: readonly CampaignAction[],
  { event, profile }: { event: EngagementEvent; profile: CustomerProfile },
): Delivery[] {
  const campaignId = compiled.id;
  const eventZone = zoneOfEvent(event);
  const deliveries: Delivery[] = [];
  for (const action of actions) {
    switch (action.kind) {
      case 'associate-alert':
        deliveries.push({
          kind: 'associate-alert',
          campaignId,
          storeId: event.storeId,
          customerId: profile.id,
          zoneId: eventZone,
          suggestion: action.suggestion,
        });
        break;
      case 'screen-content': {
        const zoneId = action.zoneId ?? eventZone;
        // A campaign's schema rules this out; an event without a zone has no screens to use.
        if (zoneId === null) break;
        const audience = compiled.audience;
        deliveries.push({
          kind: 'screen-content',
          campaignId,
          message: {
            storeId: event.storeId,
            zoneId,
            contentId: action.contentId,
            campaignId,
            segmentId: audience.kind === 'rule' ? audience.segmentId : null,
            holdS: action.holdS,
            issuedAt: new Date(event.at).toISOString(),
          },
        });
        break;
      }
      case 'phone-offer': {
        if (compiled.offer.kind !== 'found') break;
        const { offer } = compiled.offer;
        deliveries.push({
          kind: 'phone-offer',
          campaignId,
          customerId: profile.id,
          offer: {
            offerId: offer.id,
            title: offer.title,
            body: offer.body,
            code: offer.code,
            validUntil: offer.validity.until,
          },
        });
        break;
      }
      case 'event-invitation':
        deliveries.push({
          kind: 'event-invitation',
          campaignId,
          customerId: profile.id,
          eventId: action.eventId,
        });
        break;
    }
  }
  return deliveries;
}
