import type { PhoneOffer } from '@vitrine/shared';
import type { CardOffer } from '../domain/offer-list.ts';
import { QrSvg } from './qr-svg.tsx';

export interface OfferListProps {
  offers: CardOffer[];
  onOpen: (offer: PhoneOffer) => void;
  formatTime: (iso: string) => string;
}

/** Offers received in store, newest first; opening one shows its code and says so to the store. */
export function OfferList({ offers, onOpen, formatTime }: OfferListProps) {
  return (
    <section class="panel" aria-labelledby="offers-title">
      <h2 id="offers-title">Offers</h2>
      {offers.length === 0 && (
        <p class="muted">Offers for you appear here while you are in store.</p>
      )}
      <ul class="offers" data-testid="offers">
        {offers.map(({ offer, opened }) => (
          <li class="offer" key={offer.deliveryId ?? offer.offerId} data-testid="offer">
            <details
              open={opened}
              onToggle={(event) => {
                if (event.currentTarget.open && !opened) onOpen(offer);
              }}
            >
              <summary>
                <strong class="offer__title">{offer.title}</strong>
                <span class="offer__until">until {formatTime(offer.validUntil)}</span>
              </summary>
              <p>{offer.body}</p>
              {offer.code && <p class="offer__code">Code: {offer.code}</p>}
              {offer.redemptionCode && (
                <QrSvg text={offer.redemptionCode} label={`Redemption code for ${offer.title}`} />
              )}
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
