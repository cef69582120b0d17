import {
  associateIdSchema,
  campaignIdSchema,
  customerIdSchema,
  deliveryIdSchema,
  offerIdSchema,
  redemptionMethodSchema,
} from '@vitrine/shared';
import { z } from 'zod';
import { createJsonLinesFile } from '../store/json-lines-file.ts';

const issuedSchema = z.object({
  type: z.literal('issued'),
  deliveryId: deliveryIdSchema,
  offerId: offerIdSchema,
  campaignId: campaignIdSchema,
  customerId: customerIdSchema,
  title: z.string().min(1).max(120),
  /** ms since the epoch: the offer's end of validity when it was delivered. */
  validUntil: z.number().int(),
  /** Redemptions of this offer one customer may make. */
  perCustomer: z.number().int().positive(),
  /** Redemptions of this offer across the organisation; null (or absent) for no limit. */
  total: z.number().int().positive().nullable().default(null),
  issuedAt: z.number().int(),
});

const redeemedSchema = z.object({
  type: z.literal('redeemed'),
  deliveryId: deliveryIdSchema,
  at: z.number().int(),
  by: associateIdSchema,
  byName: z.string().max(120).nullable(),
  method: redemptionMethodSchema,
});

const ledgerLineSchema = z.discriminatedUnion('type', [issuedSchema, redeemedSchema]);

/** An offer delivered to a customer's phone in this store: what a redemption is checked against. */
export type IssuedOffer = Omit<z.infer<typeof issuedSchema>, 'type'>;
export type OfferRedeemed = Omit<z.infer<typeof redeemedSchema>, 'type'>;

export interface OfferLedgerRecovery {
  issued: number;
  redeemed: number;
  /** Lines that did not parse: the last one torn by a power cut, or damaged bytes. */
  unreadable: number;
}

export interface OfferLedger {
  /** Reads what survived the last run, forgets offers long expired, and opens for appending. */
  open(): Promise<OfferLedgerRecovery>;
  issued(deliveryId: string): IssuedOffer | undefined;
  redemptionOf(deliveryId: string): OfferRedeemed | undefined;
  /** Redemptions of one offer by one customer, across their deliveries. */
  redemptionsBy(customerId: string, offerId: string): number;
  /** Redemptions of one offer in this store, whoever the customer. */
  redemptionsOf(offerId: string): number;
  /** On disk (fsync) before they resolve. */
  recordIssued(offer: IssuedOffer): Promise<void>;
  recordRedeemed(redemption: OfferRedeemed): Promise<void>;
  close(): Promise<void>;
}

export interface OfferLedgerOptions {
  /** `EDGE_DATA_DIR/offers`. */
  dir: string;
  now?: () => number;
  /** How long after its end an offer is still known, to say "expired" rather than "unknown". */
  keepExpiredMs?: number;
}

const FILE = 'ledger.jsonl';

/**
 * The offers this store delivered and redeemed, one JSON line each, appended and synced to
 * disk: a restarted (or killed) edge still knows a redeemed code is redeemed.
 */
export function createOfferLedger({
  dir,
  now = Date.now,
  keepExpiredMs = 30 * 24 * 60 * 60_000,
}: OfferLedgerOptions): OfferLedger {
  const ledger = createJsonLinesFile({
    dir,
    file: FILE,
    schema: ledgerLineSchema,
    name: 'the offer ledger',
  });
  const issued = new Map<string, IssuedOffer>();
  const redeemed = new Map<string, OfferRedeemed>();

  function countRedeemed(matches: (offer: IssuedOffer) => boolean): number {
    let count = 0;
    for (const redemption of redeemed.values()) {
      const offer = issued.get(redemption.deliveryId);
      if (offer !== undefined && matches(offer)) count++;
    }
    return count;
  }
  const redemptionsBy = (customerId: string, offerId: string) =>
    countRedeemed((offer) => offer.customerId === customerId && offer.offerId === offerId);
  const redemptionsOf = (offerId: string) => countRedeemed((offer) => offer.offerId === offerId);

  return {
    async open() {
      const { records: lines, unreadable } = await ledger.read();
      const forgetBefore = now() - keepExpiredMs;
      for (const line of lines) {
        if (line.type === 'issued') {
          const { type: _issued, ...offer } = line;
          if (offer.validUntil >= forgetBefore) issued.set(offer.deliveryId, offer);
        } else {
          const { type: _redeemed, ...redemption } = line;
          redeemed.set(redemption.deliveryId, redemption);
        }
      }
      for (const deliveryId of redeemed.keys()) {
        if (!issued.has(deliveryId)) redeemed.delete(deliveryId);
      }
      await ledger.openWith([
        ...[...issued.values()].map((offer) => ({ type: 'issued' as const, ...offer })),
        ...[...redeemed.values()].map((redemption) => ({
          type: 'redeemed' as const,
          ...redemption,
        })),
      ]);
      return { issued: issued.size, redeemed: redeemed.size, unreadable };
    },
    issued: (deliveryId) => issued.get(deliveryId),
    redemptionOf: (deliveryId) => redeemed.get(deliveryId),
    redemptionsBy,
    redemptionsOf,
    async recordIssued(offer) {
      // A decision replayed after a crash issues the same delivery again: kept once.
      if (issued.has(offer.deliveryId)) return;
      await ledger.append({ type: 'issued', ...offer });
      issued.set(offer.deliveryId, offer);
    },
    async recordRedeemed(redemption) {
      await ledger.append({ type: 'redeemed', ...redemption });
      redeemed.set(redemption.deliveryId, redemption);
    },
    close: () => ledger.close(),
  };
}
