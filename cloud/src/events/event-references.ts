import type { EventWrite } from '@vitrine/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { associates, stores } from '../db/schema.ts';
import { segments } from '../db/schema-engagement.ts';
import { ValidationError } from '../errors/app-errors.ts';
import type { EventColumns } from './event-repository.ts';
import { sessionsOf } from './event-sessions.ts';

/**
 * The columns of an event once what it names is found in the organisation: its stores
 * (whose zones give the sessions), its segment and its hosts, who work at one of its
 * stores. Every problem is a 400 naming its field, all reported at once.
 */
export async function eventColumnsOf(
  db: Database,
  organisationId: string,
  write: EventWrite,
): Promise<EventColumns> {
  const [storeRows, segmentRows, hostRows] = await Promise.all([
    db
      .select({ id: stores.id, timeZone: stores.timeZone })
      .from(stores)
      .where(and(eq(stores.organisationId, organisationId), inArray(stores.id, write.storeIds))),
    write.segmentId === null
      ? []
      : db
          .select({ id: segments.id })
          .from(segments)
          .where(
            and(eq(segments.organisationId, organisationId), eq(segments.id, write.segmentId)),
          ),
    write.hostAssociateIds.length === 0
      ? []
      : db
          .select({ id: associates.id, storeId: associates.storeId })
          .from(associates)
          .where(
            and(
              eq(associates.organisationId, organisationId),
              inArray(associates.id, write.hostAssociateIds),
            ),
          ),
  ]);
  const timeZones = new Map(storeRows.map((row) => [row.id, row.timeZone]));
  const outcome = sessionsOf(write, timeZones);
  const problems = outcome.ok ? [] : [...outcome.problems];
  if (write.segmentId !== null && segmentRows.length === 0) {
    problems.push({ path: 'segmentId', message: `no segment ${write.segmentId}` });
  }
  const hostStores = new Map(hostRows.map((row) => [row.id, row.storeId]));
  write.hostAssociateIds.forEach((id, index) => {
    const storeId = hostStores.get(id);
    if (storeId === undefined || !write.storeIds.includes(storeId)) {
      const message = `no associate ${id} at the event's stores`;
      problems.push({ path: `hostAssociateIds.${index}`, message });
    }
  });
  if (!outcome.ok || problems.length > 0) throw new ValidationError(problems);
  return { write, sessions: outcome.sessions, firstStartsAt: outcome.firstStartsAt };
}
