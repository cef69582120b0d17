import {
  type OfferRedeemRequest,
  parseRedemptionCode,
  type RedemptionRefusal,
  type RedemptionRefusalCode,
} from '@vitrine/shared';
import type { IssuedOffer, OfferLedger } from '../offer-ledger.ts';
import type { RedemptionSigner } from '../redemption-key.ts';

export type RedemptionVerdict =
  | { ok: true; offer: IssuedOffer }
  | { ok: false; error: RedemptionRefusal };

export interface JudgeRedemptionInput {
  request: OfferRedeemRequest;
  storeId: string;
  /** ms since the epoch. */
  now: number;
  signer: Pick<RedemptionSigner, 'holds'>;
  ledger: Pick<OfferLedger, 'issued' | 'redemptionOf' | 'redemptionsBy' | 'redemptionsOf'>;
  /**
   * The organisation's redemptions of an offer as the cloud last counted them (every
   * store's, this one's uploaded ones included); 0 when not known.
   */
  redeemedInOrganisation?: (offerId: string) => number;
  /** Names an associate in a refusal ("by Aiko"); the id when unknown. */
  nameOf?: (associateId: string, recorded: string | null) => string;
}

function refuse(
  code: RedemptionRefusalCode,
  message: string,
  extra: Partial<Pick<RedemptionRefusal, 'redeemed' | 'storeId' | 'field'>> = {},
): RedemptionVerdict {
  return {
    ok: false,
    error: { code, field: null, message, redeemed: null, storeId: null, ...extra },
  };
}

const minute = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * Whether a delivered offer may be redeemed now: a code this edge signed for this store
 * (another store's is refused by name), an offer still valid, never redeemed before (the
 * refusal says when and by whom), and within the offer's limits per customer and across
 * the organisation.
 */
export function judgeRedemption({
  request,
  storeId,
  now,
  signer,
  ledger,
  nameOf = (id, recorded) => recorded ?? id,
  redeemedInOrganisation = () => 0,
}: JudgeRedemptionInput): RedemptionVerdict {
  let deliveryId: string;
  if ('code' in request) {
    const parts = parseRedemptionCode(request.code);
    if (parts === null) return refuse('unknown_code', 'This is not an offer redemption code.');
    if (parts.storeId !== storeId) {
      return refuse('wrong_store', `This offer was given in another store (${parts.storeId}).`, {
        storeId: parts.storeId,
      });
    }
    if (!signer.holds(parts.storeId, parts.deliveryId, parts.mac)) {
      return refuse('unknown_code', 'This code was not issued by this store.');
    }
    deliveryId = parts.deliveryId;
  } else {
    deliveryId = request.deliveryId;
  }
  const offer = ledger.issued(deliveryId);
  if (offer === undefined) {
    return refuse('unknown_code', 'No offer was delivered in this store under this code.');
  }
  const previous = ledger.redemptionOf(deliveryId);
  if (previous !== undefined) {
    const by = nameOf(previous.by, previous.byName);
    return refuse('already_used', `Already redeemed on ${minute(previous.at)} by ${by}.`, {
      redeemed: { at: new Date(previous.at).toISOString(), by: previous.by },
    });
  }
  if (now > offer.validUntil) {
    return refuse('offer_expired', `This offer expired on ${minute(offer.validUntil)}.`);
  }
  const used = ledger.redemptionsBy(offer.customerId, offer.offerId);
  if (used >= offer.perCustomer) {
    const times = offer.perCustomer === 1 ? 'once' : `${offer.perCustomer} times`;
    return refuse(
      'redemption_limit_reached',
      `This customer already redeemed this offer ${times}, its limit.`,
    );
  }
  // The cloud's count lags this store's own redemptions not yet uploaded: the higher holds.
  const total = offer.total ?? null;
  const redeemed = Math.max(
    redeemedInOrganisation(offer.offerId),
    ledger.redemptionsOf(offer.offerId),
  );
  if (total !== null && redeemed >= total) {
    return refuse(
      'redemption_limit_reached',
      `This offer reached its limit of ${total} redemptions across the house.`,
    );
  }
  return { ok: true, offer };
}
