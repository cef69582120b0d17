import { z } from 'zod';
import { deliveryIdSchema, redemptionMethodSchema } from '../engagement/offer-redemption.ts';
import {
  alertIdSchema,
  associateIdSchema,
  campaignIdSchema,
  clientIdSchema,
  contentIdSchema,
  customerIdSchema,
  eventIdSchema,
  messageIdSchema,
  offerIdSchema,
  playlistIdSchema,
  storeIdSchema,
  ticketIdSchema,
  zoneIdSchema,
} from '../ids/ids.ts';

/**
 * Edge → cloud store-and-forward: `POST /v1/ingest` with a batch of events read from the
 * edge's durable outbox. Each event carries an idempotency key, so a batch sent twice (an
 * answer lost on the way back, an edge killed before it recorded the acknowledgement) is
 * stored once.
 */

/** Events per batch and bytes per request the cloud accepts; beyond either it answers 413. */
export const MAX_INGEST_EVENTS = 1000;
export const MAX_INGEST_BYTES = 1024 * 1024;

/** `<kind>:<source id>`: the same fact reported twice carries the same key. */
export const ingestKeySchema = z
  .string()
  .regex(
    /^[a-z][a-z-]{0,31}:[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/,
    'must be an idempotency key (<kind>:<id>)',
  );

const eventBase = {
  key: ingestKeySchema,
  store: storeIdSchema,
  occurredAt: z.iso.datetime({ offset: true }),
};

/**
 * A check-in whose pass and proof the edge verified (after de-duplication): a visit. The
 * cloud keeps it as a visit of a current customer; about anyone else (an erased customer)
 * it keeps only the fact that someone checked in, never who.
 */
export const checkInIngestDataSchema = z
  .object({
    messageId: messageIdSchema,
    customerId: customerIdSchema,
    method: z.string().min(1).max(32),
    clientId: clientIdSchema,
  })
  .loose();

/** An arrival alert pushed to the associates; never the profile it carried. */
export const alertIngestDataSchema = z
  .object({
    alertId: alertIdSchema,
    customerId: customerIdSchema,
    source: z.string().min(1).max(32),
    sourceMessageId: messageIdSchema,
    zoneId: zoneIdSchema.nullable(),
    degraded: z.boolean(),
    freshness: z.string().min(1).max(32),
  })
  .loose();

/** A content code a customer's app scanned and the edge answered: what was looked at. */
export const contentScanIngestDataSchema = z
  .object({
    messageId: messageIdSchema,
    customerId: customerIdSchema,
    clientId: clientIdSchema,
    kind: z.enum(['product', 'screen']),
    sku: z.string().min(1).max(64).nullable(),
    screenId: clientIdSchema.nullable(),
  })
  .loose();

/** One person admitted on an event ticket at the store's door. */
export const ticketAdmissionIngestDataSchema = z
  .object({
    ticketId: ticketIdSchema,
    eventId: eventIdSchema,
    customerId: customerIdSchema,
    /** 1 for the first person through the door on this ticket. */
    admission: z.number().int().positive(),
    admits: z.number().int().positive(),
    /** The scan that admitted: an associate's tablet or a kiosk. */
    messageId: messageIdSchema,
    clientId: clientIdSchema,
    via: z.enum(['associate-scan', 'kiosk']),
  })
  .loose();

/**
 * A presence event of a customer who consented to tracking: where they went and stayed in
 * the store. Anonymous devices never produce one; known devices (associates' badges) stay
 * at the edge.
 */
export const presenceIngestDataSchema = z
  .object({
    type: z.enum(['store-enter', 'zone-enter', 'zone-dwell', 'zone-exit', 'store-exit']),
    customerId: customerIdSchema,
    zoneId: zoneIdSchema.nullable(),
    /** How long the dwell, or the stay that ended, lasted. */
    durationMs: z.number().int().nonnegative().nullable(),
    /** Why a stay ended (moved, faded, store-exit, ...). */
    reason: z.string().min(1).max(32).nullable(),
  })
  .loose();

/** What an associate did about an arrival alert: who, about which alert and customer. */
const associateActionFields = {
  alertId: alertIdSchema,
  customerId: customerIdSchema,
  associateId: associateIdSchema,
};

/** An associate saw an arrival alert: the analytics' time to acknowledge starts at the alert. */
export const alertAckIngestDataSchema = z.object(associateActionFields).loose();

/** An associate took an arrival ("I'm with them"), over a colleague's claim when `takenOverFrom`. */
export const arrivalClaimIngestDataSchema = z
  .object({ ...associateActionFields, takenOverFrom: associateIdSchema.nullable() })
  .loose();

/** An associate let an arrival go, so a colleague may take it. */
export const arrivalReleaseIngestDataSchema = z.object(associateActionFields).loose();

export const ARRIVAL_OUTCOMES = [
  'offer-presented',
  'offer-accepted',
  'offer-declined',
  'purchase',
  'no-interest',
] as const;
export const arrivalOutcomeSchema = z.enum(ARRIVAL_OUTCOMES);
export type ArrivalOutcome = z.infer<typeof arrivalOutcomeSchema>;
export const MAX_OUTCOME_NOTE_LENGTH = 1000;

/** What came of an arrival, with the associate's note. */
export const arrivalOutcomeIngestDataSchema = z
  .object({
    ...associateActionFields,
    outcome: arrivalOutcomeSchema,
    note: z.string().max(MAX_OUTCOME_NOTE_LENGTH).nullable(),
  })
  .loose();

/**
 * One thing a campaign delivered, keyed by its decision: to the associates, a zone's
 * screens or the customer's phone, and whether it reached them.
 */
export const deliveryIngestDataSchema = z
  .object({
    decisionId: z.string().min(1).max(64),
    campaignId: campaignIdSchema,
    customerId: customerIdSchema,
    action: z.enum(['associate-alert', 'screen-content', 'phone-offer', 'event-invitation']),
    trigger: z.string().min(1).max(32),
    zoneId: zoneIdSchema.nullable(),
    offerId: offerIdSchema.nullable(),
    contentId: contentIdSchema.nullable(),
    /** `no-recipient`: nobody to hand it to (no associate connected, no phone known). */
    outcome: z.enum(['sent', 'no-recipient', 'failed']),
  })
  .loose();

/**
 * Proof of play: one item a screen showed, from when and for how long. It names a screen
 * and content, never a person.
 */
export const screenPlayIngestDataSchema = z
  .object({
    screenId: clientIdSchema,
    zoneId: zoneIdSchema,
    contentId: contentIdSchema,
    playlistId: playlistIdSchema.nullable(),
    campaignId: campaignIdSchema.nullable(),
    durationMs: z.number().int().nonnegative(),
  })
  .loose();

/**
 * The customer opened a phone offer in their app (pass and proof verified at the edge):
 * which delivery, hence which campaign. Reported once per delivery.
 */
export const offerOpenedIngestDataSchema = z
  .object({
    deliveryId: deliveryIdSchema,
    offerId: offerIdSchema,
    campaignId: campaignIdSchema,
    customerId: customerIdSchema,
    clientId: clientIdSchema,
    messageId: messageIdSchema,
  })
  .loose();

/** An associate redeemed a delivered offer at the till: marked, or its QR scanned. */
export const offerRedemptionIngestDataSchema = z
  .object({
    deliveryId: deliveryIdSchema,
    offerId: offerIdSchema,
    campaignId: campaignIdSchema,
    customerId: customerIdSchema,
    associateId: associateIdSchema,
    method: redemptionMethodSchema,
  })
  .loose();

export const ingestEventSchema = z.discriminatedUnion('kind', [
  z.object({ ...eventBase, kind: z.literal('check-in'), data: checkInIngestDataSchema }),
  z.object({ ...eventBase, kind: z.literal('alert'), data: alertIngestDataSchema }),
  z.object({ ...eventBase, kind: z.literal('content-scan'), data: contentScanIngestDataSchema }),
  z.object({
    ...eventBase,
    kind: z.literal('ticket-admission'),
    data: ticketAdmissionIngestDataSchema,
  }),
  z.object({ ...eventBase, kind: z.literal('presence'), data: presenceIngestDataSchema }),
  z.object({ ...eventBase, kind: z.literal('alert-ack'), data: alertAckIngestDataSchema }),
  z.object({ ...eventBase, kind: z.literal('arrival-claim'), data: arrivalClaimIngestDataSchema }),
  z.object({
    ...eventBase,
    kind: z.literal('arrival-release'),
    data: arrivalReleaseIngestDataSchema,
  }),
  z.object({
    ...eventBase,
    kind: z.literal('arrival-outcome'),
    data: arrivalOutcomeIngestDataSchema,
  }),
  z.object({ ...eventBase, kind: z.literal('delivery'), data: deliveryIngestDataSchema }),
  z.object({ ...eventBase, kind: z.literal('screen-play'), data: screenPlayIngestDataSchema }),
  z.object({ ...eventBase, kind: z.literal('offer-opened'), data: offerOpenedIngestDataSchema }),
  z.object({
    ...eventBase,
    kind: z.literal('offer-redemption'),
    data: offerRedemptionIngestDataSchema,
  }),
]);
export type IngestEvent = z.infer<typeof ingestEventSchema>;
export type IngestKind = IngestEvent['kind'];

/** The customer an event is about; null for a kind about no one (a screen's play). */
export function customerOfIngestEvent(event: IngestEvent): string | null {
  return event.kind === 'screen-play' ? null : event.data.customerId;
}
export const INGEST_KINDS = [
  'check-in',
  'alert',
  'content-scan',
  'ticket-admission',
  'presence',
  'alert-ack',
  'arrival-claim',
  'arrival-release',
  'arrival-outcome',
  'delivery',
  'screen-play',
  'offer-opened',
  'offer-redemption',
] as const satisfies readonly IngestKind[];

export const ingestBatchSchema = z.object({
  events: z.array(ingestEventSchema).min(1).max(MAX_INGEST_EVENTS),
});
export type IngestBatch = z.infer<typeof ingestBatchSchema>;

/** Which keys were stored now and which the cloud already held; together, every key sent. */
export const ingestResponseSchema = z.object({
  accepted: z.array(ingestKeySchema),
  duplicates: z.array(ingestKeySchema),
});
export type IngestResponse = z.infer<typeof ingestResponseSchema>;
