import { z } from 'zod';
import { deliveryIdSchema, offerRedemptionCodeSchema } from '../engagement/offer-redemption.ts';
import { ERROR_CODES } from '../errors/error-codes.ts';
import { productCardSchema } from '../identity/content-code.ts';
import {
  clientIdSchema,
  eventIdSchema,
  messageIdSchema,
  offerIdSchema,
  ticketIdSchema,
} from '../ids/ids.ts';
import { layoutItemIdSchema } from '../layout/store-layout.ts';
import { passTextSchema, proofTextSchema } from './check-in.ts';

/**
 * Loyalty app or kiosk → edge: a QR code scanned in store. A kiosk that scans a
 * customer's rotating loyalty QR or an event ticket sends its text as `code`; the app that
 * scans a content QR (a product, a screen) names its customer with its pass and a proof
 * (both or neither). The edge answers on the scanner's `scan-answer` topic.
 */
export const qrScanSchema = z
  .object({
    clientId: clientIdSchema,
    pass: passTextSchema.optional(),
    proof: proofTextSchema.optional(),
    code: z.string().min(1).max(2048),
  })
  .refine((scan) => (scan.pass === undefined) === (scan.proof === undefined), {
    message: 'pass and proof come together',
    path: ['proof'],
  });
export type QrScan = z.infer<typeof qrScanSchema>;

/**
 * Edge → the customer's phone (QoS 1): an offer to show. Never carries other customers' data.
 * A delivered offer carries its delivery id (what the phone reports as opened) and the
 * redemption code it shows as a QR at the till; an offer in a scan answer has neither.
 */
export const phoneOfferSchema = z.object({
  offerId: z.string().min(1).max(64),
  title: z.string().min(1).max(120),
  body: z.string().max(1000),
  code: z.string().max(64).nullable(),
  validUntil: z.iso.datetime({ offset: true }),
  deliveryId: deliveryIdSchema.optional(),
  redemptionCode: offerRedemptionCodeSchema.optional(),
});
export type PhoneOffer = z.infer<typeof phoneOfferSchema>;

/**
 * Loyalty app → edge (QoS 1): the customer opened an offer the edge delivered. The pass and
 * a fresh proof (as in a check-in) say it is the customer's own app that reports it.
 */
export const offerOpenedSchema = z.object({
  deliveryId: deliveryIdSchema,
  offerId: offerIdSchema,
  openedAt: z.iso.datetime({ offset: true }),
  pass: passTextSchema,
  proof: proofTextSchema,
  /** The app instance that sent it; equals the last-but-one topic level. */
  clientId: clientIdSchema,
});
export type OfferOpened = z.infer<typeof offerOpenedSchema>;

/** The scan being answered: the message id of its `qrScan` envelope. */
const scanId = messageIdSchema;

/**
 * Edge → the phone or kiosk that scanned (QoS 1), on its own `scan-answer` topic. A
 * product gets its card, a personal line when the customer's history makes one (never
 * the history itself) and, when a campaign has one, an offer; a ticket at a kiosk gets
 * its admission, with no name; a refused code gets its reason and nothing else.
 */
export const scanAnswerSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('product'),
    scanId,
    product: productCardSchema,
    personal: z.string().min(1).max(280).nullable(),
    offer: phoneOfferSchema.nullable(),
  }),
  z.object({
    outcome: z.literal('screen'),
    scanId,
    screenId: layoutItemIdSchema,
    offer: phoneOfferSchema.nullable(),
  }),
  z.object({
    outcome: z.literal('admitted'),
    scanId,
    ticketId: ticketIdSchema,
    eventId: eventIdSchema,
    /** This admission's number, 1 for the first person through the door. */
    admission: z.number().int().positive(),
    admits: z.number().int().positive(),
  }),
  z.object({
    outcome: z.literal('refused'),
    scanId,
    reason: z.enum(ERROR_CODES),
    message: z.string().min(1).max(280),
  }),
]);
export type ScanAnswer = z.infer<typeof scanAnswerSchema>;
