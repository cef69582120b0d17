import type { IngestEvent } from '@vitrine/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { customers } from '../db/schema.ts';
import { ingestedEvents } from '../db/schema-ingest.ts';
import { visits } from '../db/schema-visits.ts';
import {
  lockProfileFeed,
  recordProfileChanges,
  type Transaction,
} from '../sync/profile-change-log.ts';
import { anonymise, customerOfEvent, PERSONAL_FIELDS } from './domain/anonymise.ts';

export interface IngestOutcome {
  accepted: string[];
  duplicates: string[];
}

/** Who reported a batch: the edge's organisation and store, from its token. */
export interface IngestSource {
  organisationId: string;
  storeId: string;
}

export interface IngestRepository {
  /**
   * Stores the events not stored yet, in one transaction; says which were new. A new
   * check-in of a current customer is also a visit. An event about anyone else (an erased
   * customer) is accepted, and stored without who it was about.
   */
  insertEvents(
    source: IngestSource,
    events: IngestEvent[],
    receivedAt: Date,
  ): Promise<IngestOutcome>;
  /** Keys stored for a store, for tests and checks. */
  keysOf(storeId: string): Promise<string[]>;
}

export function createIngestRepository(db: Database): IngestRepository {
  return {
    async insertEvents({ organisationId, storeId }, events, receivedAt) {
      const fresh = await db.transaction(async (tx) => {
        // Under the feed lock an erasure either comes first (these events then name
        // nobody) or sees them stored (and anonymises them): never a customer brought back.
        // The visits' changes also enter the feed in commit order.
        await lockProfileFeed(tx);
        const named = [
          ...new Set(events.map(customerOfEvent).filter((id): id is string => id !== null)),
        ];
        const current = new Set(
          (
            await tx
              .select({ id: customers.id })
              .from(customers)
              .where(
                and(eq(customers.organisationId, organisationId), inArray(customers.id, named)),
              )
          ).map((row) => row.id),
        );
        const rows = events.map((event) => {
          const customerId = customerOfEvent(event);
          const known = customerId !== null && current.has(customerId);
          return {
            id: event.key,
            storeId,
            kind: event.kind,
            occurredAt: new Date(event.occurredAt),
            receivedAt,
            // An event about no one has nobody to anonymise.
            payload: known || customerId === null ? event.data : anonymise(event.data),
            customerId: known ? customerId : null,
          };
        });
        const inserted = await tx
          .insert(ingestedEvents)
          .values(rows)
          .onConflictDoNothing({ target: ingestedEvents.id })
          .returning({ id: ingestedEvents.id });
        const stored = new Set(inserted.map((row) => row.id));
        await recordVisits(tx, organisationId, storeId, events, { stored, current });
        return stored;
      });
      const accepted: string[] = [];
      const duplicates: string[] = [];
      const seen = new Set<string>();
      for (const event of events) {
        if (seen.has(event.key)) {
          duplicates.push(event.key);
          continue;
        }
        seen.add(event.key);
        (fresh.has(event.key) ? accepted : duplicates).push(event.key);
      }
      return { accepted, duplicates };
    },
    async keysOf(storeId) {
      const rows = await db
        .select({ id: ingestedEvents.id })
        .from(ingestedEvents)
        .where(inArray(ingestedEvents.storeId, [storeId]));
      return rows.map((row) => row.id);
    },
  };
}

/**
 * The check-ins stored now, of current customers, as visits; each visited customer's
 * profile changed (their visits, the stores whose selection they are in).
 */
async function recordVisits(
  tx: Transaction,
  organisationId: string,
  storeId: string,
  events: IngestEvent[],
  { stored, current }: { stored: Set<string>; current: Set<string> },
): Promise<void> {
  const byKey = new Map<string, typeof visits.$inferInsert>();
  for (const event of events) {
    if (event.kind !== 'check-in' || !stored.has(event.key)) continue;
    if (!current.has(event.data.customerId)) continue;
    byKey.set(event.key, {
      id: event.key,
      organisationId,
      customerId: event.data.customerId,
      storeId,
      visitedAt: new Date(event.occurredAt),
      method: event.data.method,
    });
  }
  const rows = [...byKey.values()];
  if (rows.length === 0) return;
  await tx.insert(visits).values(rows).onConflictDoNothing({ target: visits.id });
  await recordProfileChanges(tx, {
    organisationId,
    customerIds: [...new Set(rows.map((row) => row.customerId))],
    kind: 'upsert',
  });
}

/**
 * Inside an erasure's transaction (holding the feed lock): the customer's visits go, and
 * the events already reported about them keep only what happened, never who.
 */
export async function eraseCustomerActivity(tx: Transaction, customerId: string): Promise<void> {
  await tx.delete(visits).where(eq(visits.customerId, customerId));
  const removed = PERSONAL_FIELDS.reduce(
    (payload, field) => sql`(${payload} - ${field}::text)`,
    sql`${ingestedEvents.payload}`,
  );
  await tx
    .update(ingestedEvents)
    .set({ payload: sql`${removed} || '{"erased": true}'::jsonb`, customerId: null })
    .where(eq(ingestedEvents.customerId, customerId));
}
