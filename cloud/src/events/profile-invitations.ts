import type { ProfileInvitation } from '@vitrine/shared';
import { and, asc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { eventInvitations, events } from '../db/schema-events.ts';

/** An event still to come or under way at one of its stores at `at`. */
export function eventNotOver(at: Date): SQL {
  return sql`exists (select 1 from jsonb_array_elements(${events.sessions}) as session where (session->>'endsAt')::timestamptz > ${at.toISOString()}::timestamptz)`;
}

/**
 * The invitations of many customers in one query, by customer: events not cancelled and
 * not over at `at`, the soonest first. The RSVP code is left in the cloud.
 */
export async function invitationsOfMany(
  db: Database,
  { organisationId, customerIds, at }: { organisationId: string; customerIds: string[]; at: Date },
): Promise<Map<string, ProfileInvitation[]>> {
  const byCustomer = new Map<string, ProfileInvitation[]>();
  if (customerIds.length === 0) return byCustomer;
  const rows = await db
    .select({
      customerId: eventInvitations.customerId,
      rsvp: eventInvitations.rsvp,
      eventId: events.id,
      name: events.name,
      kind: events.kind,
      storeIds: events.storeIds,
      sessions: events.sessions,
      hostAssociateIds: events.hostAssociateIds,
    })
    .from(eventInvitations)
    .innerJoin(events, eq(events.id, eventInvitations.eventId))
    .where(
      and(
        inArray(eventInvitations.customerId, customerIds),
        eq(events.organisationId, organisationId),
        ne(events.status, 'cancelled'),
        eventNotOver(at),
      ),
    )
    .orderBy(asc(events.firstStartsAt), asc(events.id));
  for (const { customerId, sessions, ...row } of rows) {
    const list = byCustomer.get(customerId) ?? [];
    list.push({
      ...row,
      sessions: sessions.map(({ storeId, startsAt, endsAt }) => ({ storeId, startsAt, endsAt })),
    });
    byCustomer.set(customerId, list);
  }
  return byCustomer;
}
