import { randomUUID } from 'node:crypto';
import type { InvitationResult, SegmentRule } from '@vitrine/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { customers } from '../db/schema.ts';
import { eventInvitations } from '../db/schema-events.ts';
import { ValidationError } from '../errors/app-errors.ts';
import { type AudienceSituation, segmentRuleSql } from '../segments/segment-sql.ts';

/** The event as invitations need it. */
export interface InvitedEvent {
  id: string;
  organisationId: string;
  storeIds: string[];
}

export type InvitationCounts = Omit<InvitationResult, 'withoutConsent'>;

export interface InvitationRepository {
  /**
   * Invites, in one statement, the customers the rule selects who consented to profiling
   * and marketing; those already invited keep their invitation and answer.
   */
  inviteAudience(
    event: InvitedEvent,
    rule: SegmentRule,
    situation: AudienceSituation,
    at: Date,
  ): Promise<InvitationCounts>;
  /** Invites the named customers who consented to marketing; the others are returned. */
  inviteNamed(
    event: InvitedEvent,
    customerIds: readonly string[],
    at: Date,
  ): Promise<InvitationResult>;
}

/** The secret of an invitation link; those made here carry 122 random bits. */
export const RSVP_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{7,63}$/;
const newRsvpCode = () => `rsvp_${randomUUID().replaceAll('-', '')}`;
const rsvpCodeSql = sql`'rsvp_' || replace(gen_random_uuid()::text, '-', '')`;

/** A guest is invited at their home store when the event is held there, else its first. */
function storeOfGuest(event: InvitedEvent, homeStoreId: string | null): string {
  const first = event.storeIds[0];
  if (first === undefined) throw new Error(`event ${event.id} is held at no store`);
  return homeStoreId !== null && event.storeIds.includes(homeStoreId) ? homeStoreId : first;
}

export function createInvitationRepository(db: Database): InvitationRepository {
  return {
    async inviteAudience(event, rule, situation, at) {
      const rulePredicate = segmentRuleSql(rule, situation, 'segment');
      const selected = sql`${eq(customers.organisationId, event.organisationId)} and ${rulePredicate}`;
      const consenting = sql`${customers.consentProfiling} and ${customers.consentMarketing}`;
      const [audience] = await db
        .select({
          selected: sql<number>`count(*)::int`,
          consenting: sql<number>`(count(*) filter (where ${consenting}))::int`,
        })
        .from(customers)
        .where(selected);
      const first = storeOfGuest(event, null);
      const storeIds = sql.join(
        event.storeIds.map((id) => sql`${id}`),
        sql`, `,
      );
      const inserted = await db
        .insert(eventInvitations)
        .select(
          db
            .select({
              eventId: sql<string>`${event.id}`.as('event_id'),
              customerId: sql<string>`${customers.id}`.as('customer_id'),
              storeId:
                sql<string>`case when ${customers.homeStoreId} in (${storeIds}) then ${customers.homeStoreId} else ${first} end`.as(
                  'store_id',
                ),
              invitedVia: sql<'segment'>`'segment'`.as('invited_via'),
              invitedAt: sql<Date>`${at.toISOString()}::timestamptz`.as('invited_at'),
              rsvp: sql<'pending'>`'pending'`.as('rsvp'),
              companions: sql<number>`0`.as('companions'),
              answeredAt: sql<null>`null::timestamptz`.as('answered_at'),
              answeredBy: sql<null>`null::text`.as('answered_by'),
              ticketId: sql<null>`null::text`.as('ticket_id'),
              rsvpCode: sql<string>`${rsvpCodeSql}`.as('rsvp_code'),
            })
            .from(customers)
            .where(sql`${selected} and ${consenting}`),
        )
        .onConflictDoNothing()
        .returning({ customerId: eventInvitations.customerId });
      const consentingCount = Number(audience?.consenting ?? 0);
      return {
        invited: inserted.length,
        alreadyInvited: consentingCount - inserted.length,
        segmentWithoutConsent: Number(audience?.selected ?? 0) - consentingCount,
      };
    },
    async inviteNamed(event, customerIds, at) {
      const ids = [...new Set(customerIds)];
      const found = await db
        .select({
          id: customers.id,
          homeStoreId: customers.homeStoreId,
          marketing: customers.consentMarketing,
        })
        .from(customers)
        .where(and(eq(customers.organisationId, event.organisationId), inArray(customers.id, ids)));
      const known = new Map(found.map((row) => [row.id, row]));
      const problems = customerIds.flatMap((id, index) =>
        known.has(id) ? [] : [{ path: `customerIds.${index}`, message: `no customer ${id}` }],
      );
      if (problems.length > 0) throw new ValidationError(problems);
      const consenting = found.filter((row) => row.marketing);
      const inserted =
        consenting.length === 0
          ? []
          : await db
              .insert(eventInvitations)
              .values(
                consenting.map((row) => ({
                  eventId: event.id,
                  customerId: row.id,
                  storeId: storeOfGuest(event, row.homeStoreId),
                  invitedVia: 'direct' as const,
                  invitedAt: at,
                  rsvpCode: newRsvpCode(),
                })),
              )
              .onConflictDoNothing()
              .returning({ customerId: eventInvitations.customerId });
      return {
        invited: inserted.length,
        alreadyInvited: consenting.length - inserted.length,
        withoutConsent: ids.filter((id) => known.get(id)?.marketing === false).sort(),
        segmentWithoutConsent: 0,
      };
    },
  };
}
