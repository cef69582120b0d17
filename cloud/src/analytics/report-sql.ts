import { and, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { stores } from '../db/schema.ts';
import { ingestedEvents } from '../db/schema-ingest.ts';

/** Whose events, which store (or all), which local days (inclusive). */
export interface ReportScope {
  organisationId: string;
  storeId?: string;
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
export const events = ingestedEvents;
const localTime = sql`(${events.occurredAt} at time zone ${stores.timeZone})`;
export const localDay = sql<string>`to_char(${localTime}, 'YYYY-MM-DD')`;
export const count = (filter?: SQL) =>
  filter === undefined
    ? sql<number>`count(*)::int`
    : sql<number>`(count(*) filter (where ${filter}))::int`;
// A payload field by a constant name, inlined: GROUP BY matches the select's expression
// only when both are the same text, not two bind parameters.
type DataField =
  | 'type'
  | 'zoneId'
  | 'durationMs'
  | 'alertId'
  | 'campaignId'
  | 'kind'
  | 'action'
  | 'outcome'
  | 'contentId'
  | 'screenId'
  | 'offerId'
  | 'eventId';
export const data = (field: DataField) => sql`${events.payload}->>${sql.raw(`'${field}'`)}`;

/**
 * The events of the scope's stores and local days. Instants are bounded a day either
 * side first (no time zone is more than 14 hours off UTC), so the store/kind/time index
 * serves the scan; the local day then decides.
 */
export function inScope(scope: ReportScope, kinds: string[]): SQL {
  const conditions: SQL[] = [
    eq(stores.organisationId, scope.organisationId),
    inArray(events.kind, kinds),
    gte(events.occurredAt, new Date(Date.parse(scope.from) - DAY_MS)),
    lt(events.occurredAt, new Date(Date.parse(scope.to) + 2 * DAY_MS)),
    sql`${localTime}::date between ${scope.from}::date and ${scope.to}::date`,
  ];
  if (scope.storeId !== undefined) conditions.push(eq(events.storeId, scope.storeId));
  const all = and(...conditions);
  if (all === undefined) throw new Error('no condition');
  return all;
}
