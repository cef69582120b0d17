import {
  type EventSession,
  type EventWrite,
  type StoredEvent,
  storedEventSchema,
} from '@vitrine/shared';
import {
  and,
  arrayContains,
  asc,
  eq,
  gte,
  inArray,
  isNotNull,
  lt,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { tickets } from '../db/schema-content.ts';
import { eventInvitations, events } from '../db/schema-events.ts';
import { ValidationError } from '../errors/app-errors.ts';
import { lockProfileFeed, recordProfileChanges } from '../sync/profile-change-log.ts';
import { revokeTicketIn } from '../tickets/ticket-repository.ts';

export type StoredEventRow = typeof events.$inferSelect;

export interface EventListQuery {
  limit: number;
  cursor?: string | undefined;
  storeId?: string | undefined;
  status?: StoredEventRow['status'] | undefined;
  /** Events whose first session starts at or after this instant. */
  from?: Date | undefined;
  /** Events whose first session starts before this instant. */
  to?: Date | undefined;
}

/** What is written for an event: the marketer's fields and the sessions read from them. */
export interface EventColumns {
  write: EventWrite;
  sessions: EventSession[];
  firstStartsAt: Date;
}

export interface EventRepository {
  insert(
    organisationId: string,
    id: string,
    event: EventColumns,
    at: Date,
  ): Promise<StoredEventRow>;
  find(organisationId: string, id: string): Promise<StoredEventRow | null>;
  /** Rows fetched with one more than `limit`, for `eventPageOf`. */
  list(organisationId: string, query: EventListQuery): Promise<StoredEventRow[]>;
  /**
   * Rewrites the event, its version one higher. Cancelling it revokes every ticket its
   * guests hold, in the same transaction, so the doors refuse them from the next sync.
   */
  update(
    organisationId: string,
    id: string,
    event: EventColumns,
    at: Date,
  ): Promise<StoredEventRow | null>;
  /** The stores among these where someone is invited. */
  storesWithGuests(eventId: string, storeIds: readonly string[]): Promise<string[]>;
}

export function asStoredEvent(row: StoredEventRow): StoredEvent {
  return storedEventSchema.parse({
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind,
    storeIds: row.storeIds,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    capacity: row.capacity,
    segmentId: row.segmentId,
    hostAssociateIds: row.hostAssociateIds,
    status: row.status,
    sessions: row.sessions,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  });
}

function columnsOf({ write, sessions, firstStartsAt }: EventColumns) {
  return { ...write, sessions, firstStartsAt };
}

function encodeCursor(row: StoredEventRow): string {
  return Buffer.from(JSON.stringify([row.firstStartsAt.toISOString(), row.id])).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): [Date, string] {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const date = new Date(at);
    if (typeof id === 'string' && !Number.isNaN(date.getTime())) return [date, id];
  } catch {
    // Reported below, as any cursor this list did not give.
  }
  throw new ValidationError([{ path: 'cursor', message: 'not a cursor this list gave' }]);
}

/** Rows fetched with `limit + 1`, soonest first, as one page and the cursor of the next. */
export function eventPageOf(rows: StoredEventRow[], limit: number) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(asStoredEvent),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(last) : null,
  };
}

export function createEventRepository(db: Database): EventRepository {
  const byId = (organisationId: string, id: string) =>
    and(eq(events.organisationId, organisationId), eq(events.id, id));
  return {
    async insert(organisationId, id, event, at) {
      const [row] = await db
        .insert(events)
        .values({ id, organisationId, ...columnsOf(event), createdAt: at, updatedAt: at })
        .returning();
      if (row === undefined) throw new Error(`event ${id} was not written`);
      return row;
    },
    async find(organisationId, id) {
      const [row] = await db.select().from(events).where(byId(organisationId, id));
      return row ?? null;
    },
    async list(organisationId, query) {
      const filters: SQL[] = [eq(events.organisationId, organisationId)];
      if (query.cursor !== undefined) {
        const [at, id] = decodeCursor(query.cursor);
        filters.push(
          sql`(${events.firstStartsAt}, ${events.id}) > (${at.toISOString()}::timestamptz, ${id})`,
        );
      }
      if (query.storeId !== undefined)
        filters.push(arrayContains(events.storeIds, [query.storeId]));
      if (query.status !== undefined) filters.push(eq(events.status, query.status));
      if (query.from !== undefined) filters.push(gte(events.firstStartsAt, query.from));
      if (query.to !== undefined) filters.push(lt(events.firstStartsAt, query.to));
      return db
        .select()
        .from(events)
        .where(and(...filters))
        .orderBy(asc(events.firstStartsAt), asc(events.id))
        .limit(query.limit + 1);
    },
    async update(organisationId, id, event, at) {
      return db.transaction(async (tx) => {
        await lockProfileFeed(tx);
        const [row] = await tx
          .update(events)
          .set({ ...columnsOf(event), version: sql`${events.version} + 1`, updatedAt: at })
          .where(byId(organisationId, id))
          .returning();
        if (row === undefined) return null;
        // Every guest's profile lists the event (its times, stores, hosts): edges hear of
        // the change, and of a cancellation that takes the guests out of a store's selection.
        const guests = await tx
          .select({ customerId: eventInvitations.customerId })
          .from(eventInvitations)
          .where(eq(eventInvitations.eventId, id));
        await recordProfileChanges(tx, {
          organisationId,
          customerIds: guests.map((guest) => guest.customerId),
          kind: 'upsert',
        });
        if (row.status !== 'cancelled') return row;
        const held = await tx
          .select()
          .from(tickets)
          .where(
            inArray(
              tickets.id,
              tx
                .select({ id: sql<string>`${eventInvitations.ticketId}` })
                .from(eventInvitations)
                .where(and(eq(eventInvitations.eventId, id), isNotNull(eventInvitations.ticketId))),
            ),
          );
        for (const ticket of held) await revokeTicketIn(tx, ticket, at);
        return row;
      });
    },
    async storesWithGuests(eventId, storeIds) {
      if (storeIds.length === 0) return [];
      const rows = await db
        .selectDistinct({ storeId: eventInvitations.storeId })
        .from(eventInvitations)
        .where(
          and(
            eq(eventInvitations.eventId, eventId),
            inArray(eventInvitations.storeId, [...storeIds]),
          ),
        );
      return rows.map((row) => row.storeId).sort();
    },
  };
}
