import type { CustomerFacts } from '@vitrine/shared';
import { and, asc, count, eq, lt, max, ne, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { customers, visits } from '../db/schema.ts';
import { eventInvitations, events } from '../db/schema-events.ts';

/** The most invitations facts carry, as `customerFactsSchema` allows. */
const MAX_INVITATIONS = 500;

export interface FactsSituation {
  storeId: string;
  /** The instant of the simulated event: visits before it are past visits. */
  at: Date;
}

export interface CustomerFactsRepository {
  /** Null when the organisation has no such customer. */
  factsOf(
    organisationId: string,
    customerId: string,
    situation: FactsSituation,
  ): Promise<CustomerFacts | null>;
}

/**
 * What segment rules read about a customer, from the cloud's records as of an instant:
 * the visits recorded before it (the simulated one counts as the current visit, as an
 * edge counts the visit under way), the birth month, and the invitations to events that
 * are neither cancelled nor over by then.
 */
export function createCustomerFactsRepository(db: Database): CustomerFactsRepository {
  async function birthMonthOf(organisationId: string, customerId: string) {
    const [row] = await db
      .select({ birthMonth: customers.birthMonth })
      .from(customers)
      .where(and(eq(customers.organisationId, organisationId), eq(customers.id, customerId)));
    return row;
  }

  async function pastVisits(organisationId: string, customerId: string, situation: FactsSituation) {
    const [row] = await db
      .select({
        total: count(),
        atThisStore:
          sql<number>`count(*) filter (where ${visits.storeId} = ${situation.storeId})`.mapWith(
            Number,
          ),
        previousAt: max(visits.visitedAt),
      })
      .from(visits)
      .where(
        and(
          eq(visits.organisationId, organisationId),
          eq(visits.customerId, customerId),
          lt(visits.visitedAt, situation.at),
        ),
      );
    return row;
  }

  async function invitedEventIds(organisationId: string, customerId: string, at: Date) {
    const notOver: SQL = sql`exists (select 1 from jsonb_array_elements(${events.sessions}) as session where (session->>'endsAt')::timestamptz > ${at.toISOString()}::timestamptz)`;
    const rows = await db
      .select({ eventId: eventInvitations.eventId })
      .from(eventInvitations)
      .innerJoin(events, eq(events.id, eventInvitations.eventId))
      .where(
        and(
          eq(events.organisationId, organisationId),
          eq(eventInvitations.customerId, customerId),
          ne(events.status, 'cancelled'),
          notOver,
        ),
      )
      .orderBy(asc(events.firstStartsAt), asc(events.id))
      .limit(MAX_INVITATIONS);
    return rows.map((row) => row.eventId);
  }

  return {
    async factsOf(organisationId, customerId, situation) {
      const customer = await birthMonthOf(organisationId, customerId);
      if (customer === undefined) return null;
      const [past, invited] = await Promise.all([
        pastVisits(organisationId, customerId, situation),
        invitedEventIds(organisationId, customerId, situation.at),
      ]);
      return {
        visits: {
          total: (past?.total ?? 0) + 1,
          atThisStore: (past?.atThisStore ?? 0) + 1,
          previousAt: past?.previousAt?.toISOString() ?? null,
        },
        birthMonth: customer.birthMonth,
        invitedEventIds: invited,
      };
    },
  };
}
