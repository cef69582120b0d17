import { z } from 'zod';
import {
  customerIdSchema,
  eventIdSchema,
  organisationIdSchema,
  storeIdSchema,
  ticketIdSchema,
} from '../ids/ids.ts';
import type { SignedCodeFormat } from './signed-code.ts';

/** A ticket admits its holder and up to nine guests. */
export const MAX_TICKET_ADMITS = 10;

const seconds = z.number().int().nonnegative();

/**
 * Claims of an event ticket: who (a customer reference, no name), to which event, at which
 * store's door, how many people, and when the door may admit them (seconds since the epoch,
 * `nbf` ≤ admission < `exp`).
 */
export const eventTicketClaimsSchema = z
  .object({
    jti: ticketIdSchema,
    evt: eventIdSchema,
    sub: customerIdSchema,
    org: organisationIdSchema,
    store: storeIdSchema,
    admits: z.number().int().min(1).max(MAX_TICKET_ADMITS),
    iat: seconds,
    nbf: seconds,
    exp: seconds,
  })
  .refine((claims) => claims.nbf < claims.exp, {
    message: 'must end after it starts',
    path: ['exp'],
  });
export type EventTicketClaims = z.infer<typeof eventTicketClaimsSchema>;

/** `VT1:<compact JWS>`. */
export const EVENT_TICKET: SignedCodeFormat<typeof eventTicketClaimsSchema> = {
  name: 'event ticket',
  prefix: 'VT1:',
  typ: 'vitrine-ticket+jwt',
  claims: eventTicketClaimsSchema,
};

const instant = z.iso.datetime({ offset: true });

/** `POST /v1/tickets` body: a ticket for one customer to one event at one store. */
export const ticketIssueRequestSchema = z
  .object({
    /** The in-store event; a plain id until events have their own table. */
    eventId: eventIdSchema,
    customerId: customerIdSchema,
    storeId: storeIdSchema,
    admits: z.number().int().min(1).max(MAX_TICKET_ADMITS).default(1),
    validFrom: instant,
    validUntil: instant,
  })
  .refine((request) => Date.parse(request.validFrom) < Date.parse(request.validUntil), {
    message: 'must be after validFrom',
    path: ['validUntil'],
  });
export type TicketIssueRequest = z.infer<typeof ticketIssueRequestSchema>;

/** A ticket as the cloud lists it; `code` is the text of its QR code. */
export const issuedTicketSchema = z.object({
  ticketId: ticketIdSchema,
  eventId: eventIdSchema,
  customerId: customerIdSchema,
  storeId: storeIdSchema,
  admits: z.number().int().min(1).max(MAX_TICKET_ADMITS),
  validFrom: instant,
  validUntil: instant,
  issuedAt: instant,
  revokedAt: instant.nullable(),
  code: z.string().min(1),
});
export type IssuedTicket = z.infer<typeof issuedTicketSchema>;

/** One revoked ticket as the store's feed carries it; no personal data. */
export const ticketRevocationSchema = z.object({
  ticketId: ticketIdSchema,
  revokedAt: instant,
  /** After this instant the ticket is refused as expired anyway: an edge may forget it. */
  ticketExpiresAt: instant,
});
export type TicketRevocation = z.infer<typeof ticketRevocationSchema>;

/** `GET /v1/stores/{storeId}/sync/ticket-revocations?since=` answer. */
export const ticketRevocationFeedSchema = z.object({
  items: z.array(ticketRevocationSchema),
  /** Pass it back as `since` to get only what came after. */
  watermark: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type TicketRevocationFeed = z.infer<typeof ticketRevocationFeedSchema>;
