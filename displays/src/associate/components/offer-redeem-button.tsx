import type { CampaignSuggestion } from '@vitrine/shared';
import { useState } from 'preact/hooks';
import { loadSession } from '../api/browser-storage.ts';
import { redeemOffer } from '../api/offer-redeem-socket.ts';
import { type RedeemAnswer, redemptionLine } from '../domain/offer-redemption-view.ts';
import '../styles/offer-redeem.css';

type SuggestedOffer = NonNullable<CampaignSuggestion['offer']>;

export interface OfferRedeemButtonProps {
  offer: SuggestedOffer;
  /** The request to the edge; the signed-in associate's own socket by default. */
  redeem?: (deliveryId: string) => Promise<RedeemAnswer>;
}

async function redeemAsSignedIn(deliveryId: string): Promise<RedeemAnswer> {
  const session = loadSession(new Date());
  if (session === null) return 'unreachable';
  return redeemOffer(session.token, { deliveryId });
}

/** "Mark redeemed" under a campaign's offer, then the edge's answer in place of the button. */
export function OfferRedeemButton({ offer, redeem = redeemAsSignedIn }: OfferRedeemButtonProps) {
  const [pending, setPending] = useState(false);
  const [answer, setAnswer] = useState<RedeemAnswer | null>(null);
  const line = answer === null ? null : redemptionLine(answer);

  async function onClick() {
    setPending(true);
    setAnswer(await redeem(offer.deliveryId));
    setPending(false);
  }

  return (
    <span class="offer-redeem" data-delivery-id={offer.deliveryId}>
      <span class="offer-redeem__title">{offer.title}</span>
      {line !== null && (
        <span class={`offer-redeem__answer offer-redeem__answer--${line.tone}`} role="status">
          {line.text}
        </span>
      )}
      {(line === null || line.tone === 'retry') && (
        <button
          type="button"
          class="button offer-redeem__button"
          disabled={pending}
          onClick={onClick}
        >
          {pending ? 'Redeeming…' : 'Mark redeemed'}
        </button>
      )}
    </span>
  );
}
