import { z } from 'zod';
import { pageSchema } from '../api/cloud-api.ts';
import { issuedTicketSchema, MAX_TICKET_ADMITS } from '../identity/event-ticket.ts';
import {
  associateIdSchema,
  customerIdSchema,
  eventIdSchema,
  segmentIdSchema,
  storeIdSchema,
  ticketIdSchema,
} from '../ids/ids.ts';
import { LOCAL_DATE_TIME } from './event-local-time.ts';

/**
 * Bodies of the in-store events API (`/v1/events`): launches, master classes and private
 * evenings held at one or more stores, at a wall-clock time read in each store's zone.
 */
const instant = z.iso.datetime({ offset: true });
const localDateTime = z.string().regex(LOCAL_DATE_TIME, 'must be a local time YYYY-MM-DDTHH:mm');

export const EVENT_KINDS = [
  'launch',
  'master-class',
  'private-evening',
  'trunk-show',
  'other',
] as const;
export const EVENT_STATUSES = ['draft', 'scheduled', 'cancelled'] as const;
export const RSVP_ANSWERS = ['yes', 'no', 'maybe'] as const;
export const RSVP_STATES = ['pending', ...RSVP_ANSWERS] as const;

export const eventWriteSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  description: z.string().max(2000).default(''),
  kind: z.enum(EVENT_KINDS),
  /** Where it is held; the same wall-clock time in each store's own zone. */
  storeIds: z
    .array(storeIdSchema)
    .min(1)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a store'),
  /** Local wall-clock time at each store, e.g. `2026-12-09T19:00`. */
  startsAt: localDateTime,
  endsAt: localDateTime,
  /** People each store receives, guests of a ticket included. */
  capacity: z.number().int().min(1).max(100_000),
  /** The audience invited with `POST …/invitations {"segment": true}`. */
  segmentId: segmentIdSchema.nullable().default(null),
  hostAssociateIds: z.array(associateIdSchema).max(20).default([]),
  status: z.enum(EVENT_STATUSES).default('scheduled'),
});
export type EventWrite = z.infer<typeof eventWriteSchema>;

/** `PATCH /v1/events/{eventId}`: the fields to change, others kept; no defaults applied. */
export const eventPatchSchema = z.strictObject({
  name: eventWriteSchema.shape.name.optional(),
  description: eventWriteSchema.shape.description.unwrap().optional(),
  kind: eventWriteSchema.shape.kind.optional(),
  storeIds: eventWriteSchema.shape.storeIds.optional(),
  startsAt: localDateTime.optional(),
  endsAt: localDateTime.optional(),
  capacity: eventWriteSchema.shape.capacity.optional(),
  segmentId: eventWriteSchema.shape.segmentId.unwrap().optional(),
  hostAssociateIds: eventWriteSchema.shape.hostAssociateIds.unwrap().optional(),
  status: eventWriteSchema.shape.status.unwrap().optional(),
});
export type EventPatch = z.infer<typeof eventPatchSchema>;

/** When the event runs at one of its stores, as instants. */
export const eventSessionSchema = z.object({
  storeId: storeIdSchema,
  timeZone: z.string(),
  startsAt: instant,
  endsAt: instant,
});
export type EventSession = z.infer<typeof eventSessionSchema>;

export const storedEventSchema = z.object({
  id: eventIdSchema,
  ...eventWriteSchema.shape,
  sessions: z.array(eventSessionSchema),
  version: z.number().int().min(1),
  createdAt: instant,
  updatedAt: instant,
});
export type StoredEvent = z.infer<typeof storedEventSchema>;
export const eventPageSchema = pageSchema(storedEventSchema);

/** `POST /v1/events/{eventId}/invitations`: the event's segment, named customers, or both. */
export const invitationRequestSchema = z
  .strictObject({
    segment: z.boolean().default(false),
    customerIds: z.array(customerIdSchema).max(1000).default([]),
  })
  .refine((request) => request.segment || request.customerIds.length > 0, {
    message: 'invite the segment or name customers',
    path: ['customerIds'],
  });
export type InvitationRequest = z.infer<typeof invitationRequestSchema>;

export const invitationResultSchema = z.object({
  /** Invited now. */
  invited: z.number().int().nonnegative(),
  /** Named or selected, but invited before. */
  alreadyInvited: z.number().int().nonnegative(),
  /** Named customers without marketing consent: not invited. */
  withoutConsent: z.array(customerIdSchema),
  /** Customers the segment selects who did not consent to marketing: not invited. */
  segmentWithoutConsent: z.number().int().nonnegative(),
});
export type InvitationResult = z.infer<typeof invitationResultSchema>;

/** A guest's answer; `storeId` picks the store of a multi-store event (default: theirs). */
export const rsvpRequestSchema = z.strictObject({
  answer: z.enum(RSVP_ANSWERS),
  storeId: storeIdSchema.optional(),
  /** People coming with the guest. */
  companions: z
    .number()
    .int()
    .min(0)
    .max(MAX_TICKET_ADMITS - 1)
    .default(0),
});
export type RsvpRequest = z.infer<typeof rsvpRequestSchema>;

export const guestSchema = z.object({
  customerId: customerIdSchema,
  firstName: z.string(),
  lastName: z.string(),
  storeId: storeIdSchema,
  rsvp: z.enum(RSVP_STATES),
  companions: z.number().int().nonnegative(),
  invitedAt: instant,
  answeredAt: instant.nullable(),
  ticketId: ticketIdSchema.nullable(),
  /** The first admission at the door on the guest's ticket. */
  attendedAt: instant.nullable(),
  /** The secret of the guest's invitation link, with which they answer it themselves. */
  rsvpCode: z.string(),
});
export type Guest = z.infer<typeof guestSchema>;

export const guestCountsSchema = z.object({
  invited: z.number().int().nonnegative(),
  yes: z.number().int().nonnegative(),
  no: z.number().int().nonnegative(),
  maybe: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  /** People expected: "yes" guests and their companions. */
  expectedPeople: z.number().int().nonnegative(),
  attended: z.number().int().nonnegative(),
});
export type GuestCounts = z.infer<typeof guestCountsSchema>;

export const guestListSchema = z.object({
  eventId: eventIdSchema,
  counts: guestCountsSchema,
  guests: z.array(guestSchema),
  /** The next page of guests, or null after the last. */
  nextCursor: z.string().nullable(),
});
export type GuestList = z.infer<typeof guestListSchema>;

/** Counts of the whole event and of each of its stores. */
export const eventSummarySchema = z.object({
  eventId: eventIdSchema,
  counts: guestCountsSchema,
  stores: z.array(
    z.object({ storeId: storeIdSchema, capacity: z.number().int(), counts: guestCountsSchema }),
  ),
});
export type EventSummary = z.infer<typeof eventSummarySchema>;

/** What the guest's invitation link shows them: the event at their store, their answer, their ticket. */
export const invitationViewSchema = z.object({
  event: storedEventSchema.pick({
    id: true,
    name: true,
    description: true,
    kind: true,
    status: true,
    startsAt: true,
    endsAt: true,
  }),
  session: eventSessionSchema,
  guest: guestSchema,
  /** The live ticket of a "yes", null otherwise. */
  ticket: issuedTicketSchema.nullable(),
});
export type InvitationView = z.infer<typeof invitationViewSchema>;

/** The answer to an RSVP: the guest as recorded and, for a "yes", their ticket. */
export const rsvpResultSchema = z.object({
  guest: guestSchema,
  ticket: issuedTicketSchema.nullable(),
});
export type RsvpResult = z.infer<typeof rsvpResultSchema>;
