import type { IngestEvent, OfferRedemption } from '@vitrine/shared';
import type { IssuedOffer } from '../offer-ledger.ts';

/** The customer opened the offer in the app: once per delivery, whatever the app resends. */
export function offerOpenedEvent(
  storeId: string,
  offer: IssuedOffer,
  { messageId, clientId, openedAt }: { messageId: string; clientId: string; openedAt: string },
): IngestEvent {
  return {
    key: `offer-opened:${offer.deliveryId}`,
    kind: 'offer-opened',
    store: storeId,
    occurredAt: openedAt,
    data: {
      deliveryId: offer.deliveryId,
      offerId: offer.offerId,
      campaignId: offer.campaignId,
      customerId: offer.customerId,
      clientId,
      messageId,
    },
  };
}

/** The offer redeemed at the till: once per delivery, by whom and how. */
export function offerRedemptionEvent(
  storeId: string,
  offer: IssuedOffer,
  redemption: OfferRedemption,
): IngestEvent {
  return {
    key: `offer-redemption:${offer.deliveryId}`,
    kind: 'offer-redemption',
    store: storeId,
    occurredAt: redemption.redeemedAt,
    data: {
      deliveryId: offer.deliveryId,
      offerId: offer.offerId,
      campaignId: offer.campaignId,
      customerId: offer.customerId,
      associateId: redemption.redeemedBy,
      method: redemption.method,
    },
  };
}
