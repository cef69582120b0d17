import { type Guest, type GuestCounts, guestSchema, type RSVP_STATES } from '@vitrine/shared';
import { and, asc, eq, gt, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { customers } from '../db/schema.ts';
import { eventInvitations } from '../db/schema-events.ts';

export interface GuestFilter {
  rsvp?: (typeof RSVP_STATES)[number] | undefined;
  storeId?: string | undefined;
}

export interface GuestPageQuery extends GuestFilter {
  limit: number;
  /** The last customer id of the previous page. */
  after?: string | undefined;
}

export interface GuestRepository {
  /** Guests by customer id, `limit + 1` of them, for the next page's cursor. */
  page(eventId: string, query: GuestPageQuery): Promise<Guest[]>;
  /** One guest of the event, or null when not invited. */
  find(eventId: string, customerId: string): Promise<Guest | null>;
  /** Counts of the guests the filter keeps, per store. */
  countsByStore(eventId: string, filter?: GuestFilter): Promise<Map<string, GuestCounts>>;
}

/**
 * The first admission at the door on the guest's ticket to this event, as the store's
 * edge reported it (`ticket-admission`): attendance is what the door saw, not the RSVP.
 */
const attendedAt = sql<Date | string | null>`(
  select min(ie.occurred_at) from ingested_events ie
  where ie.customer_id = ${eventInvitations.customerId}
    and ie.kind = 'ticket-admission'
    and ie.payload->>'eventId' = ${eventInvitations.eventId})`;

const guestColumns = {
  customerId: eventInvitations.customerId,
  firstName: customers.firstName,
  lastName: customers.lastName,
  storeId: eventInvitations.storeId,
  rsvp: eventInvitations.rsvp,
  companions: eventInvitations.companions,
  invitedAt: eventInvitations.invitedAt,
  answeredAt: eventInvitations.answeredAt,
  ticketId: eventInvitations.ticketId,
  attendedAt,
  rsvpCode: eventInvitations.rsvpCode,
};

interface GuestRow extends Omit<Guest, 'invitedAt' | 'answeredAt' | 'attendedAt'> {
  invitedAt: Date;
  answeredAt: Date | null;
  attendedAt: Date | string | null;
}

/** Dates as instants; the raw `min()` comes back as text on one driver, a Date on the other. */
function asGuest(row: GuestRow): Guest {
  const iso = (value: Date | string | null) =>
    value === null ? null : new Date(value).toISOString();
  return guestSchema.parse({
    ...row,
    invitedAt: row.invitedAt.toISOString(),
    answeredAt: iso(row.answeredAt),
    attendedAt: iso(row.attendedAt),
  });
}

function filtersOf(eventId: string, filter: GuestFilter): SQL[] {
  const filters: SQL[] = [eq(eventInvitations.eventId, eventId)];
  if (filter.rsvp !== undefined) filters.push(eq(eventInvitations.rsvp, filter.rsvp));
  if (filter.storeId !== undefined) filters.push(eq(eventInvitations.storeId, filter.storeId));
  return filters;
}

export function createGuestRepository(db: Database): GuestRepository {
  const guests = () =>
    db
      .select(guestColumns)
      .from(eventInvitations)
      .innerJoin(customers, eq(customers.id, eventInvitations.customerId));
  return {
    async page(eventId, query) {
      const filters = filtersOf(eventId, query);
      if (query.after !== undefined) filters.push(gt(eventInvitations.customerId, query.after));
      const rows = await guests()
        .where(and(...filters))
        .orderBy(asc(eventInvitations.customerId))
        .limit(query.limit + 1);
      return rows.map(asGuest);
    },
    async find(eventId, customerId) {
      const [row] = await guests().where(
        and(eq(eventInvitations.eventId, eventId), eq(eventInvitations.customerId, customerId)),
      );
      return row === undefined ? null : asGuest(row);
    },
    async countsByStore(eventId, filter = {}) {
      const yes = sql`${eventInvitations.rsvp} = 'yes'`;
      const rows = await db
        .select({
          storeId: eventInvitations.storeId,
          invited: sql<number>`count(*)::int`,
          yes: sql<number>`(count(*) filter (where ${yes}))::int`,
          no: sql<number>`(count(*) filter (where ${eventInvitations.rsvp} = 'no'))::int`,
          maybe: sql<number>`(count(*) filter (where ${eventInvitations.rsvp} = 'maybe'))::int`,
          pending: sql<number>`(count(*) filter (where ${eventInvitations.rsvp} = 'pending'))::int`,
          expectedPeople: sql<number>`(coalesce(sum(1 + ${eventInvitations.companions}) filter (where ${yes}), 0))::int`,
          attended: sql<number>`(count(*) filter (where ${attendedAt} is not null))::int`,
        })
        .from(eventInvitations)
        .where(and(...filtersOf(eventId, filter)))
        .groupBy(eventInvitations.storeId);
      return new Map(
        rows.map(({ storeId, ...counts }) => [
          storeId,
          {
            invited: Number(counts.invited),
            yes: Number(counts.yes),
            no: Number(counts.no),
            maybe: Number(counts.maybe),
            pending: Number(counts.pending),
            expectedPeople: Number(counts.expectedPeople),
            attended: Number(counts.attended),
          },
        ]),
      );
    },
  };
}

export const NO_GUESTS: GuestCounts = {
  invited: 0,
  yes: 0,
  no: 0,
  maybe: 0,
  pending: 0,
  expectedPeople: 0,
  attended: 0,
};

const COUNT_KEYS = [
  'invited',
  'yes',
  'no',
  'maybe',
  'pending',
  'expectedPeople',
  'attended',
] as const satisfies readonly (keyof GuestCounts)[];

/** The counts of several stores added up. */
export function totalOf(counts: Iterable<GuestCounts>): GuestCounts {
  const total = { ...NO_GUESTS };
  for (const part of counts) {
    for (const key of COUNT_KEYS) total[key] += part[key];
  }
  return total;
}
