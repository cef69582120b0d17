import {
  type IngestEvent,
  type OfferRedeemReply,
  type OfferRedemption,
  offerRedeemRequestSchema,
  type PhoneOffer,
  type RedemptionMethod,
} from '@vitrine/shared';
import type { Logger } from '../observability/logger.ts';
import { judgeRedemption } from './domain/judge-redemption.ts';
import { offerRedemptionEvent } from './domain/offer-reports.ts';
import type { OfferLedger } from './offer-ledger.ts';
import type { OfferMetrics } from './offer-metrics.ts';
import type { RedemptionSigner } from './redemption-key.ts';

export interface RedeemingAssociate {
  associateId: string;
  /** Shown to the next associate who scans the same code; null when unknown. */
  name: string | null;
}

export interface IssueOffer {
  deliveryId: string;
  campaignId: string;
  customerId: string;
  offer: PhoneOffer;
  /** The offer's redemption limits, from the catalogue. */
  perCustomer: number;
  total: number | null;
  at: number;
}

export interface OfferDeskOptions {
  storeId: string;
  ledger: OfferLedger;
  signer: RedemptionSigner;
  /** Sends a redemption to the cloud through the durable outbox. */
  report: (event: IngestEvent) => Promise<void>;
  metrics: OfferMetrics;
  logger: Logger;
  now: () => number;
}

/**
 * The store's delivered offers: each phone offer is kept (durably) before it goes out, with
 * the code its QR shows; an associate redeems it once, by marking it or scanning the code.
 * Redemptions are judged one at a time, so two scans of one code never both succeed.
 */
export function createOfferDesk({
  storeId,
  ledger,
  signer,
  report,
  metrics,
  logger,
  now,
}: OfferDeskOptions) {
  let queue: Promise<unknown> = Promise.resolve();
  /** Redemptions per offer across the organisation, as the cloud last counted them. */
  let organisationCounts = new Map<string, number>();

  async function redeemNow(
    payload: unknown,
    actor: RedeemingAssociate,
    method: RedemptionMethod,
  ): Promise<OfferRedeemReply> {
    const request = offerRedeemRequestSchema.safeParse(payload);
    if (!request.success) {
      const field =
        typeof payload === 'object' && payload !== null && 'code' in payload
          ? 'code'
          : 'deliveryId';
      return {
        ok: false,
        error: {
          code: 'validation_failed',
          field,
          message: `${field}: required, { deliveryId } or { code } (${request.error.issues[0]?.message ?? 'invalid'})`,
          redeemed: null,
          storeId: null,
        },
      };
    }
    const at = now();
    const verdict = judgeRedemption({
      request: request.data,
      storeId,
      now: at,
      signer,
      ledger,
      redeemedInOrganisation: (offerId) => organisationCounts.get(offerId) ?? 0,
    });
    if (!verdict.ok) return verdict;
    const { offer } = verdict;
    await ledger.recordRedeemed({
      deliveryId: offer.deliveryId,
      at,
      by: actor.associateId,
      byName: actor.name,
      method,
    });
    const redemption: OfferRedemption = {
      deliveryId: offer.deliveryId,
      offerId: offer.offerId,
      campaignId: offer.campaignId,
      title: offer.title,
      redeemedAt: new Date(at).toISOString(),
      redeemedBy: actor.associateId,
      method,
    };
    await report(offerRedemptionEvent(storeId, offer, redemption)).catch((error: unknown) =>
      logger.error({ err: error, deliveryId: offer.deliveryId }, 'could not report a redemption'),
    );
    logger.info({ deliveryId: offer.deliveryId, method }, 'offer redeemed');
    return { ok: true, redemption };
  }

  return {
    /** Keeps a phone offer before it goes out; the offer as the phone gets it. */
    async issue({ deliveryId, campaignId, customerId, offer, perCustomer, total, at }: IssueOffer) {
      await ledger.recordIssued({
        deliveryId,
        offerId: offer.offerId,
        campaignId,
        customerId,
        title: offer.title,
        validUntil: Date.parse(offer.validUntil),
        perCustomer,
        total,
        issuedAt: at,
      });
      return { ...offer, deliveryId, redemptionCode: signer.codeFor(deliveryId) };
    },
    /** The cloud's counts of redemptions per offer across the organisation, each sync. */
    useRedemptionCounts(redeemed: Readonly<Record<string, number>>): void {
      organisationCounts = new Map(Object.entries(redeemed));
    },
    /** `{ deliveryId }` or `{ code }` from an associate; the redemption or why not. */
    redeem(
      payload: unknown,
      actor: RedeemingAssociate,
      method: RedemptionMethod,
    ): Promise<OfferRedeemReply> {
      const next = queue.then(() => redeemNow(payload, actor, method));
      queue = next.catch(() => undefined);
      return next.then((reply) => {
        metrics.redemptions.inc({ method, outcome: reply.ok ? 'redeemed' : reply.error.code });
        if (!reply.ok)
          logger.info({ method, reason: reply.error.code }, 'offer redemption refused');
        return reply;
      });
    },
  };
}

export type OfferDesk = ReturnType<typeof createOfferDesk>;
