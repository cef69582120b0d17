import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../db/database.ts';
import { stores } from '../db/schema.ts';
import { ingestedEvents } from '../db/schema-ingest.ts';
import type {
  ActivityRow,
  AlertRow,
  DeliveryRow,
  EventAttendanceRow,
  OfferRow,
  PlayRow,
  VisitRow,
} from './analytics-schemas.ts';
import { createEngagementAnalytics } from './engagement-analytics-repository.ts';
import { count, data, events, inScope, localDay, type ReportScope } from './report-sql.ts';

export type { ReportScope } from './report-sql.ts';

/** The kind an edge reports an associate's acknowledgement of an alert under. */
export const ALERT_ACK_KIND = 'alert-ack';

export interface AnalyticsRepository {
  visits(scope: ReportScope): Promise<VisitRow[]>;
  alerts(scope: ReportScope & { campaignId?: string }): Promise<AlertRow[]>;
  activity(scope: ReportScope): Promise<ActivityRow[]>;
  deliveries(scope: ReportScope & { campaignId?: string }): Promise<DeliveryRow[]>;
  plays(scope: ReportScope): Promise<PlayRow[]>;
  offers(scope: ReportScope & { campaignId?: string }): Promise<OfferRow[]>;
  events(scope: ReportScope & { campaignId?: string }): Promise<EventAttendanceRow[]>;
}

/** Reports aggregated in SQL over the ingested events: rows per day, never the events. */
export function createAnalyticsRepository(db: Database): AnalyticsRepository {
  const dwellS = sql`(${data('durationMs')})::float8 / 1000`;

  async function storeDays(scope: ReportScope): Promise<VisitRow[]> {
    const type = data('type');
    const arrival = sql`${events.kind} = 'check-in' or ${type} = 'store-enter'`;
    const exit = sql`${type} = 'store-exit' and ${data('durationMs')} is not null`;
    const rows = await db
      .select({
        day: localDay,
        storeId: events.storeId,
        entries: count(arrival),
        visitors: sql<number>`(count(distinct ${events.customerId}) filter (where ${arrival}))::int`,
        stays: count(exit),
        dwellTotalS: sql<number>`coalesce(sum(${dwellS}) filter (where ${exit}), 0)::float8`,
        dwellAvgS: sql<number | null>`(avg(${dwellS}) filter (where ${exit}))::float8`,
      })
      .from(events)
      .innerJoin(stores, eq(stores.id, events.storeId))
      .where(
        and(
          inScope(scope, ['check-in', 'presence']),
          sql`(${events.kind} = 'check-in' or ${type} in ('store-enter', 'store-exit'))`,
        ),
      )
      .groupBy(localDay, events.storeId);
    return rows.map((row) => ({ ...row, zoneId: null }));
  }

  async function zoneDays(scope: ReportScope): Promise<VisitRow[]> {
    const type = data('type');
    const zone = data('zoneId');
    const enter = sql`${type} = 'zone-enter'`;
    const exit = sql`${type} = 'zone-exit' and ${data('durationMs')} is not null`;
    return db
      .select({
        day: localDay,
        storeId: events.storeId,
        zoneId: sql<string>`${zone}`,
        entries: count(enter),
        visitors: sql<number>`(count(distinct ${events.customerId}) filter (where ${enter}))::int`,
        stays: count(exit),
        dwellTotalS: sql<number>`coalesce(sum(${dwellS}) filter (where ${exit}), 0)::float8`,
        dwellAvgS: sql<number | null>`(avg(${dwellS}) filter (where ${exit}))::float8`,
      })
      .from(events)
      .innerJoin(stores, eq(stores.id, events.storeId))
      .where(
        and(
          inScope(scope, ['presence']),
          sql`${type} in ('zone-enter', 'zone-exit') and ${zone} is not null`,
        ),
      )
      .groupBy(localDay, events.storeId, zone);
  }

  return {
    ...createEngagementAnalytics(db),
    async visits(scope) {
      const rows = [...(await storeDays(scope)), ...(await zoneDays(scope))];
      // By day and store, the store's own row before its zones'.
      return rows.sort(
        (a, b) =>
          a.day.localeCompare(b.day) ||
          a.storeId.localeCompare(b.storeId) ||
          (a.zoneId ?? '').localeCompare(b.zoneId ?? ''),
      );
    },

    async alerts({ campaignId, ...scope }) {
      // Each alert's first acknowledgement, found through the partial index on the
      // acknowledgements' alert id: one index probe per alert in scope.
      const ack = alias(ingestedEvents, 'ack');
      const firstAck = db
        .select({ ackedAt: sql<Date | null>`min(${ack.occurredAt})`.as('acked_at') })
        .from(ack)
        .where(
          and(eq(ack.kind, ALERT_ACK_KIND), sql`${ack.payload}->>'alertId' = ${data('alertId')}`),
        )
        .as('first_ack');
      const toAck = sql`extract(epoch from (${firstAck.ackedAt} - ${events.occurredAt}))`;
      const percentile = (p: number) =>
        sql<
          number | null
        >`(percentile_cont(${sql.raw(String(p))}) within group (order by ${toAck}) filter (where ${firstAck.ackedAt} is not null))::float8`;
      const conditions = [inScope(scope, ['alert'])];
      if (campaignId !== undefined) conditions.push(sql`${data('campaignId')} = ${campaignId}`);
      return db
        .select({
          day: localDay,
          storeId: events.storeId,
          delivered: count(),
          acknowledged: sql<number>`count(${firstAck.ackedAt})::int`,
          ackP50S: percentile(0.5),
          ackP90S: percentile(0.9),
        })
        .from(events)
        .innerJoin(stores, eq(stores.id, events.storeId))
        .leftJoinLateral(firstAck, sql`true`)
        .where(and(...conditions))
        .groupBy(localDay, events.storeId)
        .orderBy(asc(localDay), asc(events.storeId));
    },

    async activity(scope) {
      const scanOf = (kind: string) =>
        count(sql`${events.kind} = 'content-scan' and ${data('kind')} = ${kind}`);
      return db
        .select({
          day: localDay,
          storeId: events.storeId,
          checkIns: count(sql`${events.kind} = 'check-in'`),
          productScans: scanOf('product'),
          screenScans: scanOf('screen'),
          ticketAdmissions: count(sql`${events.kind} = 'ticket-admission'`),
        })
        .from(events)
        .innerJoin(stores, eq(stores.id, events.storeId))
        .where(inScope(scope, ['check-in', 'content-scan', 'ticket-admission']))
        .groupBy(localDay, events.storeId)
        .orderBy(asc(localDay), asc(events.storeId));
    },

    async deliveries({ campaignId, ...scope }) {
      const campaign = sql<string>`${data('campaignId')}`;
      const action = sql<string>`${data('action')}`;
      const outcomeIs = (outcome: string) => count(sql`${data('outcome')} = ${outcome}`);
      const conditions = [inScope(scope, ['delivery'])];
      if (campaignId !== undefined) conditions.push(sql`${campaign} = ${campaignId}`);
      return db
        .select({
          day: localDay,
          storeId: events.storeId,
          campaignId: campaign,
          action,
          sent: outcomeIs('sent'),
          noRecipient: outcomeIs('no-recipient'),
          failed: outcomeIs('failed'),
          customers: sql<number>`count(distinct ${events.customerId})::int`,
        })
        .from(events)
        .innerJoin(stores, eq(stores.id, events.storeId))
        .where(and(...conditions))
        .groupBy(localDay, events.storeId, campaign, action)
        .orderBy(asc(localDay), asc(events.storeId), asc(campaign), asc(action));
    },

    async plays(scope) {
      const content = sql<string>`${data('contentId')}`;
      return db
        .select({
          day: localDay,
          storeId: events.storeId,
          contentId: content,
          plays: count(),
          screens: sql<number>`count(distinct ${data('screenId')})::int`,
          playedS: sql<number>`coalesce(sum((${data('durationMs')})::float8), 0) / 1000`,
        })
        .from(events)
        .innerJoin(stores, eq(stores.id, events.storeId))
        .where(inScope(scope, ['screen-play']))
        .groupBy(localDay, events.storeId, content)
        .orderBy(asc(localDay), asc(events.storeId), asc(content));
    },
  };
}
