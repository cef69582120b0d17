import { z } from 'zod';
import { arrivalOutcomeSchema, MAX_OUTCOME_NOTE_LENGTH } from '../api/ingest-api.ts';
import { alertIdSchema, associateIdSchema, customerIdSchema } from '../ids/ids.ts';

/**
 * What the associates of a store did about each arrival alert: who saw it first, who is
 * with the customer now, and what came of it. The edge holds one per alert and sends it to
 * every associate of the store at each change.
 */

/** An associate and the moment they did something. */
export const associateActSchema = z.object({
  associateId: associateIdSchema,
  name: z.string(),
  at: z.iso.datetime({ offset: true }),
});
export type AssociateAct = z.infer<typeof associateActSchema>;

export const recordedOutcomeSchema = associateActSchema.extend({
  outcome: arrivalOutcomeSchema,
  note: z.string().nullable(),
});
export type RecordedOutcome = z.infer<typeof recordedOutcomeSchema>;

export const arrivalClaimSchema = z.object({
  alertId: alertIdSchema,
  customerId: customerIdSchema,
  /** When the alert was pushed: claims of arrivals long gone are forgotten. */
  arrivedAt: z.iso.datetime({ offset: true }),
  /** The first associate who saw the alert. */
  acknowledged: associateActSchema.nullable(),
  /** Who is with the customer now; null when nobody is (or was released). */
  claimedBy: associateActSchema.nullable(),
  /** Oldest first. */
  outcomes: z.array(recordedOutcomeSchema),
  /** Raised by every change: a tablet keeps the highest it has seen. */
  revision: z.number().int().nonnegative(),
});
export type ArrivalClaim = z.infer<typeof arrivalClaimSchema>;

/** Associate → edge requests; each is answered through the socket.io acknowledgement. */
export const acknowledgeRequestSchema = z.object({ alertId: alertIdSchema });
export const claimRequestSchema = z.object({
  alertId: alertIdSchema,
  /** Take the arrival over from the colleague who holds it; refused without it. */
  takeOver: z.boolean().default(false),
});
export const releaseRequestSchema = z.object({ alertId: alertIdSchema });
export const outcomeRequestSchema = z.object({
  alertId: alertIdSchema,
  outcome: arrivalOutcomeSchema,
  note: z.string().trim().max(MAX_OUTCOME_NOTE_LENGTH).nullable().default(null),
});
export type AcknowledgeRequest = z.input<typeof acknowledgeRequestSchema>;
export type ClaimRequest = z.input<typeof claimRequestSchema>;
export type ReleaseRequest = z.input<typeof releaseRequestSchema>;
export type OutcomeRequest = z.input<typeof outcomeRequestSchema>;

export const CLAIM_REFUSALS = [
  'validation_failed',
  'unknown_alert',
  'claimed_by_colleague',
  'not_claimed',
  'not_your_claim',
] as const;
export type ClaimRefusalCode = (typeof CLAIM_REFUSALS)[number];

export const claimRefusalSchema = z.object({
  code: z.enum(CLAIM_REFUSALS),
  /** The request field at fault, for `validation_failed`. */
  field: z.string().nullable(),
  message: z.string(),
});
export type ClaimRefusal = z.infer<typeof claimRefusalSchema>;

export const claimReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), claim: arrivalClaimSchema }),
  z.object({ ok: z.literal(false), error: claimRefusalSchema }),
]);
export type ClaimReply = z.infer<typeof claimReplySchema>;

/** The full list a tablet receives at each connect, so a reconnect misses no claim. */
export const arrivalClaimsSchema = z.object({ items: z.array(arrivalClaimSchema) });
export type ArrivalClaims = z.infer<typeof arrivalClaimsSchema>;

/** The first problem of a request that failed its schema, as a refusal naming the field. */
export function refusalOfInvalid(error: z.ZodError): ClaimRefusal {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : null;
  return {
    code: 'validation_failed',
    field,
    message: `${field ?? 'request'}: ${issue?.message ?? 'invalid'}`,
  };
}
