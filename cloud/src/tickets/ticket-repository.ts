import { type IssuedTicket, issuedTicketSchema } from '@vitrine/shared';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { customers, stores } from '../db/schema.ts';
import { ticketRevocations, tickets } from '../db/schema-content.ts';
import type { Transaction } from '../sync/profile-change-log.ts';

export type NewTicket = typeof tickets.$inferInsert;
export type StoredTicket = typeof tickets.$inferSelect;

/** A stored ticket as the API gives it: the holder's app shows `code` as the QR. */
export function asIssuedTicket(ticket: StoredTicket): IssuedTicket {
  return issuedTicketSchema.parse({
    ticketId: ticket.id,
    eventId: ticket.eventId,
    customerId: ticket.customerId,
    storeId: ticket.storeId,
    admits: ticket.admits,
    validFrom: ticket.validFrom.toISOString(),
    validUntil: ticket.validUntil.toISOString(),
    issuedAt: ticket.issuedAt.toISOString(),
    revokedAt: ticket.revokedAt?.toISOString() ?? null,
    code: ticket.code,
  });
}

export interface StoredTicketRevocation {
  seq: number;
  ticketId: string;
  revokedAt: Date;
  ticketExpiresAt: Date;
}

export interface TicketRepository {
  /** Whether the customer is one of the organisation's (an erased one is not). */
  customerExists(organisationId: string, customerId: string): Promise<boolean>;
  storeExists(organisationId: string, storeId: string): Promise<boolean>;
  insert(ticket: NewTicket): Promise<void>;
  find(organisationId: string, ticketId: string): Promise<StoredTicket | null>;
  /** Marks the ticket revoked and appends it to its store's feed; a second time changes nothing. */
  revoke(ticket: StoredTicket, at: Date): Promise<StoredTicket>;
  /** A store's revoked tickets after the watermark, oldest first. */
  revocationsSince(
    storeId: string,
    since: number,
    limit: number,
  ): Promise<StoredTicketRevocation[]>;
}

/**
 * Held by every revocation until it commits: `seq` values are then committed in order, so
 * an edge reading past a watermark never skips a revocation committed after its read.
 */
const FEED_LOCK = 0x7469_636b; // 'tick'

export function createTicketRepository(db: Database): TicketRepository {
  return {
    async customerExists(organisationId, customerId) {
      const rows = await db
        .select({ id: customers.id })
        .from(customers)
        .where(and(eq(customers.organisationId, organisationId), eq(customers.id, customerId)));
      return rows.length > 0;
    },
    async storeExists(organisationId, storeId) {
      const rows = await db
        .select({ id: stores.id })
        .from(stores)
        .where(and(eq(stores.organisationId, organisationId), eq(stores.id, storeId)));
      return rows.length > 0;
    },
    async insert(ticket) {
      await db.insert(tickets).values(ticket);
    },
    async find(organisationId, ticketId) {
      const [row] = await db
        .select()
        .from(tickets)
        .where(and(eq(tickets.organisationId, organisationId), eq(tickets.id, ticketId)));
      return row ?? null;
    },
    async revoke(ticket, at) {
      return db.transaction((tx) => revokeTicketIn(tx, ticket, at));
    },
    async revocationsSince(storeId, since, limit) {
      return db
        .select({
          seq: ticketRevocations.seq,
          ticketId: ticketRevocations.ticketId,
          revokedAt: ticketRevocations.revokedAt,
          ticketExpiresAt: ticketRevocations.ticketExpiresAt,
        })
        .from(ticketRevocations)
        .where(and(eq(ticketRevocations.storeId, storeId), gt(ticketRevocations.seq, since)))
        .orderBy(asc(ticketRevocations.seq))
        .limit(limit);
    },
  };
}

/**
 * Revokes the ticket inside the caller's transaction (an RSVP withdrawn, an event
 * cancelled) and appends it to its store's feed; a second time changes nothing.
 */
export async function revokeTicketIn(
  tx: Transaction,
  ticket: StoredTicket,
  at: Date,
): Promise<StoredTicket> {
  await tx.execute(sql`select pg_advisory_xact_lock(${FEED_LOCK})`);
  const [updated] = await tx
    .update(tickets)
    .set({ revokedAt: at })
    .where(and(eq(tickets.id, ticket.id), isNull(tickets.revokedAt)))
    .returning();
  if (updated === undefined) return ticket;
  await tx
    .insert(ticketRevocations)
    .values({
      organisationId: ticket.organisationId,
      storeId: ticket.storeId,
      ticketId: ticket.id,
      revokedAt: at,
      ticketExpiresAt: ticket.validUntil,
    })
    .onConflictDoNothing({ target: ticketRevocations.ticketId });
  return updated;
}

/**
 * At erasure, every ticket of the customer still valid is revoked in its store's feed
 * before the ticket rows go with the customer: a printed ticket must stop admitting at
 * the door, and the feed names the ticket only, never the customer.
 */
export async function revokeTicketsOfErasedCustomer(tx: Transaction, customerId: string, at: Date) {
  await tx.execute(sql`select pg_advisory_xact_lock(${FEED_LOCK})`);
  const live = await tx
    .update(tickets)
    .set({ revokedAt: at })
    .where(
      and(
        eq(tickets.customerId, customerId),
        isNull(tickets.revokedAt),
        gt(tickets.validUntil, at),
      ),
    )
    .returning();
  if (live.length === 0) return;
  await tx
    .insert(ticketRevocations)
    .values(
      live.map((ticket) => ({
        organisationId: ticket.organisationId,
        storeId: ticket.storeId,
        ticketId: ticket.id,
        revokedAt: at,
        ticketExpiresAt: ticket.validUntil,
      })),
    )
    .onConflictDoNothing({ target: ticketRevocations.ticketId });
}
