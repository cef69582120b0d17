import { z } from 'zod';
import { clientIdSchema } from '../ids/ids.ts';
import { passTextSchema, proofTextSchema } from './check-in.ts';

/**
 * Loyalty app or kiosk → edge: a QR code scanned in store. A kiosk that scans a
 * customer's rotating loyalty QR sends its text as `code`; the app that scans a content
 * QR names its customer with its pass and a proof (both or neither).
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

/** Edge → the customer's phone (QoS 1): an offer to show. Never carries other customers' data. */
export const phoneOfferSchema = z.object({
  offerId: z.string().min(1).max(64),
  title: z.string().min(1).max(120),
  body: z.string().max(1000),
  code: z.string().max(64).nullable(),
  validUntil: z.iso.datetime({ offset: true }),
});
export type PhoneOffer = z.infer<typeof phoneOfferSchema>;
