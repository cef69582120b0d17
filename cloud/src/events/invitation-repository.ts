import { randomUUID } from 'node:crypto';
import type { InvitationResult, SegmentRule } from '@vitrine/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { customers } from '../db/schema.ts';
import { eventInvitations } from '../db/schema-events.ts';
import { ValidationError } from '../errors/app-errors.ts';
import { type AudienceSituation, segmentRuleSql } from '../segments/segment-sql.ts';
import {
  lockProfileFeed,
  recordProfileChanges,
  type Transaction,
} from '../sync/profile-change-log.ts';

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

/**
 * Invites, in one statement, the consenting customers the rule selects; says who was
 * invited now.
 */
async function inviteAudienceIn(
  tx: Transaction,
  event: InvitedEvent,
  { rule, situation, at }: { rule: SegmentRule; situation: AudienceSituation; at: Date },
): Promise<{ counts: InvitationCounts; invitedIds: string[] }> {
  const rulePredicate = segmentRuleSql(rule, situation, 'segment');
  const selected = sql`${eq(customers.organisationId, event.organisationId)} and ${rulePredicate}`;
  const consenting = sql`${customers.consentProfiling} and ${customers.consentMarketing}`;
  const [audience] = await tx
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
  const inserted = await tx
    .insert(eventInvitations)
    .select(
      tx
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
    counts: {
      invited: inserted.length,
      alreadyInvited: consentingCount - inserted.length,
      segmentWithoutConsent: Number(audience?.selected ?? 0) - consentingCount,
    },
    invitedIds: inserted.map((row) => row.customerId),
  };
}

/** Invites the named customers who consented to marketing; says who was invited now. */
async function inviteNamedIn(
  tx: Transaction,
  event: InvitedEvent,
  { customerIds, at }: { customerIds: readonly string[]; at: Date },
): Promise<{ result: InvitationResult; invitedIds: string[] }> {
  const ids = [...new Set(customerIds)];
  const found = await tx
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
      : await tx
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
    result: {
      invited: inserted.length,
      alreadyInvited: consenting.length - inserted.length,
      withoutConsent: ids.filter((id) => known.get(id)?.marketing === false).sort(),
      segmentWithoutConsent: 0,
    },
    invitedIds: inserted.map((row) => row.customerId),
  };
}

/**
 * An invitation changes its guest's profile (the edges of the event's stores now hold
 * them): each is recorded in the profile feed, in the transaction that invites.
 */
export function createInvitationRepository(db: Database): InvitationRepository {
  const recordInvited = (tx: Transaction, event: InvitedEvent, customerIds: string[]) =>
    recordProfileChanges(tx, {
      organisationId: event.organisationId,
      customerIds,
      kind: 'upsert',
    });
  return {
    inviteAudience: (event, rule, situation, at) =>
      db.transaction(async (tx) => {
        await lockProfileFeed(tx);
        const { counts, invitedIds } = await inviteAudienceIn(tx, event, { rule, situation, at });
        await recordInvited(tx, event, invitedIds);
        return counts;
      }),
    inviteNamed: (event, customerIds, at) =>
      db.transaction(async (tx) => {
        await lockProfileFeed(tx);
        const { result, invitedIds } = await inviteNamedIn(tx, event, { customerIds, at });
        await recordInvited(tx, event, invitedIds);
        return result;
      }),
  };
}
