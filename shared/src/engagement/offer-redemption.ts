import { z } from 'zod';
import { associateIdSchema, campaignIdSchema, offerIdSchema, storeIdSchema } from '../ids/ids.ts';

/**
 * One phone offer as delivered: the id of its delivery (`<decision>-<index>`, the id part
 * of the delivery's ingest key). It names no customer; the edge that delivered it knows
 * whose it is.
 */
export const deliveryIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/, 'must be a delivery id (<decision>-<index>)');

/** The first level of every redemption code: a scanner tells it from a ticket or a loyalty QR. */
export const OFFER_REDEMPTION_PREFIX = 'vto1';

/**
 * What the customer's phone shows as a QR for the till: `vto1.<store>.<deliveryId>.<mac>`.
 * The mac is the delivering edge's HMAC of the store and the delivery, so the edge checks it
 * offline; the store is in clear so another store can refuse it by name. Nothing in it says
 * who the customer is.
 */
export const offerRedemptionCodeSchema = z
  .string()
  .max(256)
  .regex(
    /^vto1\.sto_[A-Za-z0-9][A-Za-z0-9_-]{0,63}\.[A-Za-z0-9][A-Za-z0-9_-]{0,79}\.[A-Za-z0-9_-]{16,64}$/,
    'must be an offer redemption code (vto1.<store>.<delivery>.<mac>)',
  );

export interface RedemptionCodeParts {
  storeId: string;
  deliveryId: string;
  /** base64url, as the edge wrote it. */
  mac: string;
}

export function isRedemptionCode(text: string): boolean {
  return text.startsWith(`${OFFER_REDEMPTION_PREFIX}.`);
}

export function formatRedemptionCode({ storeId, deliveryId, mac }: RedemptionCodeParts): string {
  return `${OFFER_REDEMPTION_PREFIX}.${storeId}.${deliveryId}.${mac}`;
}

/** The parts of a well-formed code, or null; whether its mac holds is the edge's to say. */
export function parseRedemptionCode(text: string): RedemptionCodeParts | null {
  if (!offerRedemptionCodeSchema.safeParse(text).success) return null;
  const [, storeId, deliveryId, mac] = text.split('.');
  if (storeId === undefined || deliveryId === undefined || mac === undefined) return null;
  return { storeId, deliveryId, mac };
}

/** What the edge signs for a code: a store and a delivery, nothing more. */
export function redemptionCodeMessage(storeId: string, deliveryId: string): string {
  return `${OFFER_REDEMPTION_PREFIX}|${storeId}|${deliveryId}`;
}

/** How an offer was redeemed: marked by an associate, or its QR scanned by one. */
export const REDEMPTION_METHODS = ['associate-mark', 'associate-scan'] as const;
export const redemptionMethodSchema = z.enum(REDEMPTION_METHODS);
export type RedemptionMethod = z.infer<typeof redemptionMethodSchema>;

/** A redemption as the edge keeps it and tells the tablet. */
export const offerRedemptionSchema = z.object({
  deliveryId: deliveryIdSchema,
  offerId: offerIdSchema,
  campaignId: campaignIdSchema,
  title: z.string().min(1).max(120),
  redeemedAt: z.iso.datetime({ offset: true }),
  redeemedBy: associateIdSchema,
  method: redemptionMethodSchema,
});
export type OfferRedemption = z.infer<typeof offerRedemptionSchema>;

/** Tablet → edge (socket.io `offer:redeem`): the delivery from a suggestion, or a scanned code. */
export const offerRedeemRequestSchema = z.union([
  z.strictObject({ deliveryId: deliveryIdSchema }),
  z.strictObject({ code: z.string().min(1).max(256) }),
]);
export type OfferRedeemRequest = z.infer<typeof offerRedeemRequestSchema>;

export const REDEMPTION_REFUSALS = [
  'validation_failed',
  /** Not a code this edge signed, or a delivery it never made. */
  'unknown_code',
  'wrong_store',
  'offer_expired',
  'already_used',
  'redemption_limit_reached',
] as const;
export type RedemptionRefusalCode = (typeof REDEMPTION_REFUSALS)[number];

export const redemptionRefusalSchema = z.object({
  code: z.enum(REDEMPTION_REFUSALS),
  /** The request field at fault, for `validation_failed`. */
  field: z.string().nullable(),
  message: z.string(),
  /** For `already_used`: when and by whom it was redeemed. */
  redeemed: z
    .object({ at: z.iso.datetime({ offset: true }), by: associateIdSchema })
    .nullable()
    .default(null),
  /** For `wrong_store`: the store the code belongs to. */
  storeId: storeIdSchema.nullable().default(null),
});
export type RedemptionRefusal = z.infer<typeof redemptionRefusalSchema>;

export const offerRedeemReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), redemption: offerRedemptionSchema }),
  z.object({ ok: z.literal(false), error: redemptionRefusalSchema }),
]);
export type OfferRedeemReply = z.infer<typeof offerRedeemReplySchema>;
