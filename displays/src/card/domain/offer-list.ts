import type { PhoneOffer } from '@vitrine/shared';

/** An offer as the card lists it: where it came from and whether the customer opened it. */
export interface CardOffer {
  offer: PhoneOffer;
  storeId: string;
  receivedAt: string;
  opened: boolean;
}

const keyOf = (offer: PhoneOffer): string => offer.deliveryId ?? `offer:${offer.offerId}`;

/**
 * Merges an offer into the list: the same delivery (or, without one, the same offer) is
 * replaced in place and keeps its "opened" mark; offers past their validity drop out;
 * the newest first.
 */
export function mergeOffer(
  list: readonly CardOffer[],
  incoming: CardOffer,
  nowMs: number,
): CardOffer[] {
  const key = keyOf(incoming.offer);
  const previous = list.find((item) => keyOf(item.offer) === key);
  const merged = { ...incoming, opened: incoming.opened || (previous?.opened ?? false) };
  return liveOffers([merged, ...list.filter((item) => keyOf(item.offer) !== key)], nowMs).sort(
    (a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt),
  );
}

/** The offers still valid at this instant. */
export function liveOffers(list: readonly CardOffer[], nowMs: number): CardOffer[] {
  return list.filter((item) => Date.parse(item.offer.validUntil) > nowMs);
}

/** The list with one delivery marked opened. */
export function markOpened(list: readonly CardOffer[], offer: PhoneOffer): CardOffer[] {
  const key = keyOf(offer);
  return list.map((item) => (keyOf(item.offer) === key ? { ...item, opened: true } : item));
}
