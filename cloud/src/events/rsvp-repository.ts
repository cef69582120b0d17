import type { EventSession, RsvpRequest } from '@vitrine/shared';
import { and, eq, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { SigningKeys } from '../auth/signing-keys.ts';
import type { Database } from '../db/database.ts';
import { tickets } from '../db/schema-content.ts';
import { eventInvitations, events } from '../db/schema-events.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors/app-errors.ts';
import {
  lockProfileFeed,
  recordProfileChanges,
  type Transaction,
} from '../sync/profile-change-log.ts';
import { signTicket } from '../tickets/ticket-issuer.ts';
import { revokeTicketIn, type StoredTicket } from '../tickets/ticket-repository.ts';

/** Doors open this long before a session starts: a ticket admits from then. */
export const DOORS_OPEN_BEFORE_MS = 60 * 60 * 1000;

/** Whose invitation: by its link's code (the guest), or by event and customer (the office). */
export type InvitationKey =
  | { rsvpCode: string }
  | { organisationId: string; eventId: string; customerId: string };

export interface RsvpAnswer {
  key: InvitationKey;
  request: RsvpRequest;
  /** `customer` when the guest answered from their link, else the office user's id. */
  answeredBy: string;
  at: Date;
}

export interface AnsweredRsvp {
  eventId: string;
  customerId: string;
  /** The ticket the guest now holds, if any. */
  ticket: StoredTicket | null;
}

export interface RsvpRepository {
  /**
   * Records the answer. A "yes" takes seats at the store for the guest and companions,
   * 409 when they are not left, and holds a signed ticket; any other answer revokes the
   * ticket held and frees its seats. One transaction, the event row locked: two last
   * seats are never given twice.
   */
  answer(answer: RsvpAnswer): Promise<AnsweredRsvp>;
  /**
   * After the event moved: every live ticket whose window no longer matches its store's
   * session is revoked and replaced by one that does. Returns how many were replaced.
   */
  reissueTickets(eventId: string, issuedBy: string, at: Date): Promise<number>;
  /** The invitation behind a link's code: its event, guest and live ticket; null if none. */
  invitationOf(rsvpCode: string): Promise<InvitationOfCode | null>;
}

export interface InvitationOfCode {
  event: typeof events.$inferSelect;
  customerId: string;
  storeId: string;
  ticket: StoredTicket | null;
}

/** When a ticket for the session admits: from the doors opening to the session's end. */
function ticketWindowOf(session: EventSession) {
  return {
    validFrom: new Date(Date.parse(session.startsAt) - DOORS_OPEN_BEFORE_MS),
    validUntil: new Date(session.endsAt),
  };
}

function invitationWhere(key: InvitationKey): SQL | undefined {
  if ('rsvpCode' in key) return eq(eventInvitations.rsvpCode, key.rsvpCode);
  return and(
    eq(eventInvitations.eventId, key.eventId),
    eq(eventInvitations.customerId, key.customerId),
  );
}

async function seatsTaken(tx: Transaction, eventId: string, storeId: string, customerId: string) {
  const [row] = await tx
    .select({ seats: sql<number>`(coalesce(sum(1 + ${eventInvitations.companions}), 0))::int` })
    .from(eventInvitations)
    .where(
      and(
        eq(eventInvitations.eventId, eventId),
        eq(eventInvitations.storeId, storeId),
        eq(eventInvitations.rsvp, 'yes'),
        ne(eventInvitations.customerId, customerId),
      ),
    );
  return Number(row?.seats ?? 0);
}

export function createRsvpRepository(db: Database, keys: SigningKeys): RsvpRepository {
  return {
    answer({ key, request, answeredBy, at }) {
      return db.transaction(async (tx) => {
        // The answer is on the guest's profile: edges hear of it as a change.
        await lockProfileFeed(tx);
        const [invitation] = await tx
          .select()
          .from(eventInvitations)
          .where(invitationWhere(key))
          .for('update');
        if (invitation === undefined) throw new NotFoundError('no such invitation');
        const [event] = await tx
          .select()
          .from(events)
          .where(eq(events.id, invitation.eventId))
          .for('update');
        if (event === undefined) throw new NotFoundError(`no event ${invitation.eventId}`);
        if ('organisationId' in key && event.organisationId !== key.organisationId) {
          throw new NotFoundError(`no event ${invitation.eventId}`);
        }
        if (event.status !== 'scheduled') {
          throw new ConflictError(`${event.id} is ${event.status}: it takes no answers`);
        }
        const storeId = request.storeId ?? invitation.storeId;
        const session = event.sessions.find((candidate) => candidate.storeId === storeId);
        if (session === undefined) {
          throw new ValidationError([
            { path: 'storeId', message: `${event.id} is not held at ${storeId}` },
          ]);
        }
        if (Date.parse(session.endsAt) <= at.getTime()) {
          throw new ConflictError(`${event.id} is over at ${storeId}: it takes no answers`);
        }
        const [held] = invitation.ticketId
          ? await tx.select().from(tickets).where(eq(tickets.id, invitation.ticketId))
          : [];
        const live = held !== undefined && held.revokedAt === null ? held : null;
        const admits = 1 + request.companions;
        let ticket: StoredTicket | null = null;
        if (request.answer === 'yes') {
          const taken = await seatsTaken(tx, event.id, storeId, invitation.customerId);
          if (taken + admits > event.capacity) {
            const left = Math.max(0, event.capacity - taken);
            throw new ConflictError(
              `${event.id} at ${storeId} is full: ${left} of ${event.capacity} places left, ${admits} asked`,
            );
          }
          const keep = live !== null && live.storeId === storeId && live.admits === admits;
          ticket = keep ? live : null;
        }
        if (live !== null && ticket !== live) await revokeTicketIn(tx, live, at);
        if (request.answer === 'yes' && ticket === null) {
          ticket = await signTicket(keys, {
            organisationId: event.organisationId,
            eventId: event.id,
            customerId: invitation.customerId,
            storeId,
            admits,
            ...ticketWindowOf(session),
            issuedBy: answeredBy,
            issuedAt: at,
          });
          await tx.insert(tickets).values(ticket);
        }
        await tx
          .update(eventInvitations)
          .set({
            rsvp: request.answer,
            companions: request.companions,
            storeId,
            answeredAt: at,
            answeredBy,
            ticketId: ticket?.id ?? null,
          })
          .where(
            and(
              eq(eventInvitations.eventId, invitation.eventId),
              eq(eventInvitations.customerId, invitation.customerId),
            ),
          );
        await recordProfileChanges(tx, {
          organisationId: event.organisationId,
          customerIds: [invitation.customerId],
          kind: 'upsert',
        });
        return { eventId: event.id, customerId: invitation.customerId, ticket };
      });
    },
    async invitationOf(rsvpCode) {
      const [row] = await db
        .select({ invitation: eventInvitations, event: events, ticket: tickets })
        .from(eventInvitations)
        .innerJoin(events, eq(events.id, eventInvitations.eventId))
        .leftJoin(
          tickets,
          and(eq(tickets.id, eventInvitations.ticketId), isNull(tickets.revokedAt)),
        )
        .where(eq(eventInvitations.rsvpCode, rsvpCode));
      if (row === undefined) return null;
      const { invitation, event, ticket } = row;
      return { event, customerId: invitation.customerId, storeId: invitation.storeId, ticket };
    },
    reissueTickets(eventId, issuedBy, at) {
      return db.transaction(async (tx) => {
        const [event] = await tx.select().from(events).where(eq(events.id, eventId)).for('update');
        if (event === undefined) return 0;
        const held = await tx
          .select({ ticket: tickets })
          .from(eventInvitations)
          .innerJoin(tickets, eq(tickets.id, eventInvitations.ticketId))
          .where(and(eq(eventInvitations.eventId, eventId), isNull(tickets.revokedAt)));
        let replaced = 0;
        for (const { ticket } of held) {
          const session = event.sessions.find((candidate) => candidate.storeId === ticket.storeId);
          if (session === undefined) continue;
          const window = ticketWindowOf(session);
          const unchanged =
            window.validFrom.getTime() === ticket.validFrom.getTime() &&
            window.validUntil.getTime() === ticket.validUntil.getTime();
          if (unchanged) continue;
          await revokeTicketIn(tx, ticket, at);
          const { id, revokedAt, code, kid, ...kept } = ticket;
          const renewed = await signTicket(keys, { ...kept, ...window, issuedBy, issuedAt: at });
          await tx.insert(tickets).values(renewed);
          await tx
            .update(eventInvitations)
            .set({ ticketId: renewed.id })
            .where(eq(eventInvitations.ticketId, ticket.id));
          replaced += 1;
        }
        return replaced;
      });
    },
  };
}
