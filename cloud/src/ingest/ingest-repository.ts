import type { IngestEvent } from '@vitrine/shared';
import { inArray } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { ingestedEvents } from '../db/schema-ingest.ts';

export interface IngestOutcome {
  accepted: string[];
  duplicates: string[];
}

export interface IngestRepository {
  /** Stores the events not stored yet, in one statement; says which were new. */
  insertEvents(storeId: string, events: IngestEvent[], receivedAt: Date): Promise<IngestOutcome>;
  /** Keys stored for a store, for tests and checks. */
  keysOf(storeId: string): Promise<string[]>;
}

export function createIngestRepository(db: Database): IngestRepository {
  return {
    async insertEvents(storeId, events, receivedAt) {
      const rows = events.map((event) => ({
        id: event.key,
        storeId,
        kind: event.kind,
        occurredAt: new Date(event.occurredAt),
        receivedAt,
        payload: event.data,
      }));
      // One statement is one transaction: the batch is stored whole or not at all.
      const inserted = await db
        .insert(ingestedEvents)
        .values(rows)
        .onConflictDoNothing({ target: ingestedEvents.id })
        .returning({ id: ingestedEvents.id });
      const fresh = new Set(inserted.map((row) => row.id));
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
