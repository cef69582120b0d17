import { type ArrivalAlert, arrivalAlertSchema } from '@vitrine/shared';
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
  | { kind: 'refused'; reason: string; message: string }
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

/** The 201 of `POST /api/scans`: `{ alert }` for a loyalty QR, `{ admission }` for a ticket. */
export function readScanAnswer(body: unknown): ScanOutcome {
  const alert = z.object({ alert: arrivalAlertSchema }).safeParse(body);
  if (alert.success) return { kind: 'checked-in', alert: alert.data.alert };
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

export function refusalSentence(reason: string, message: string): string {
  return REASONS[reason] ?? message;
}

/** Whether this browser can read QR codes from the camera itself. */
export function cameraScanSupported(scope: object): boolean {
  return 'BarcodeDetector' in scope;
}
