import {
  type ArrivalAlert,
  arrivalAlertSchema,
  isRedemptionCode,
  type OfferRedemption,
  offerRedemptionSchema,
} from '@vitrine/shared';
import { z } from 'zod';

/** What the tablet shows after a scan: who checked in, who was let in, or why not. */
export type ScanOutcome =
  | { kind: 'checked-in'; alert: ArrivalAlert }
  | {
      kind: 'admitted';
      ticketId: string;
      eventId: string;
      customerId: string;
      admission: number;
      admits: number;
    }
  /** An offer's code from the customer's phone, redeemed now. */
  | { kind: 'redeemed'; redemption: OfferRedemption }
  /** `offer`: the code was an offer's, whose refusals the edge words itself (when, by whom). */
  | { kind: 'refused'; reason: string; message: string; offer: boolean }
  /** Accepted, with an answer this page does not know how to show. */
  | { kind: 'done' }
  | { kind: 'failed'; message: string };

const admissionAnswerSchema = z.object({
  admission: z.object({
    ticketId: z.string(),
    eventId: z.string(),
    customerId: z.string(),
    admission: z.number().int().positive(),
    admits: z.number().int().positive(),
  }),
});

/**
 * The 201 of `POST /api/scans`: `{ alert }` for a loyalty QR, `{ admission }` for a ticket,
 * `{ redemption }` for an offer's code.
 */
export function readScanAnswer(body: unknown): ScanOutcome {
  const alert = z.object({ alert: arrivalAlertSchema }).safeParse(body);
  if (alert.success) return { kind: 'checked-in', alert: alert.data.alert };
  const redeemed = z.object({ redemption: offerRedemptionSchema }).safeParse(body);
  if (redeemed.success) return { kind: 'redeemed', redemption: redeemed.data.redemption };
  const admitted = admissionAnswerSchema.safeParse(body);
  if (admitted.success) return { kind: 'admitted', ...admitted.data.admission };
  return { kind: 'done' };
}

/** Refusal codes the door and the counter meet, in the associate's words. */
const REASONS: Record<string, string> = {
  already_used: 'This ticket was already used for everyone it admits.',
  ticket_expired: 'This ticket has expired.',
  ticket_not_yet_valid: 'This ticket is not valid yet.',
  ticket_revoked: 'This ticket was cancelled.',
  forged_signature: 'This code was not issued by the house.',
  stale_proof: 'This code has expired: ask the client to show it again.',
  replayed_nonce: 'This code was already scanned: ask the client to refresh it.',
  pass_expired: "The client's loyalty pass has expired.",
  pass_revoked: "The client's loyalty pass was revoked.",
  wrong_store: 'This code is for another store.',
  unknown_customer: 'No client has this code.',
  unknown_code: 'This is not a loyalty QR nor an event ticket.',
};

/** The refusal in the associate's words; an offer's refusal is the edge's own sentence. */
export function refusalSentence(outcome: Extract<ScanOutcome, { kind: 'refused' }>): string {
  return outcome.offer ? outcome.message : (REASONS[outcome.reason] ?? outcome.message);
}

/** Whether the scanned text is an offer's redemption code rather than a loyalty QR or ticket. */
export const isOfferCode = (code: string): boolean => isRedemptionCode(code.trim());

/** Whether this browser can read QR codes from the camera itself. */
export function cameraScanSupported(scope: object): boolean {
  return 'BarcodeDetector' in scope;
}
