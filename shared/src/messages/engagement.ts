import { z } from 'zod';
import { clientIdSchema, customerIdSchema } from '../ids/ids.ts';

/** Loyalty app or kiosk → edge: a QR code scanned in store. */
export const qrScanSchema = z.object({
  clientId: clientIdSchema,
  /** The scanning customer, when the app scanned; absent for an anonymous kiosk scan. */
  customerId: customerIdSchema.optional(),
  code: z.string().min(1).max(2048),
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
