import type { VisitSummary } from '@vitrine/shared';
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { stores } from '../db/schema.ts';
import { visits } from '../db/schema-visits.ts';

export interface VisitHistory {
  /** A customer's latest visits, newest first: one index range scan (prepared once). */
  latestOf(organisationId: string, customerId: string): Promise<VisitSummary[]>;
  /** The latest visits of many customers in one query, by customer. */
  latestOfMany(organisationId: string, customerIds: string[]): Promise<Map<string, VisitSummary[]>>;
}

const visitColumns = {
  customerId: visits.customerId,
  storeId: visits.storeId,
  storeName: stores.name,
  visitedAt: visits.visitedAt,
  method: visits.method,
};

interface VisitRow {
  customerId: string;
  storeId: string;
  storeName: string;
  visitedAt: Date | string;
  method: string;
}

function toSummary(row: VisitRow): VisitSummary {
  return {
    storeId: row.storeId,
    storeName: row.storeName,
    visitedAt: new Date(row.visitedAt).toISOString(),
    method: row.method,
  };
}

/** The visits part of the one customer view: where the customer was seen lately. */
export function createVisitHistory(db: Database, { recent = 5 }: { recent?: number } = {}) {
  const latestQuery = db
    .select(visitColumns)
    .from(visits)
    .innerJoin(stores, eq(stores.id, visits.storeId))
    .where(
      and(
        eq(visits.customerId, sql.placeholder('customerId')),
        eq(visits.organisationId, sql.placeholder('organisationId')),
      ),
    )
    .orderBy(desc(visits.visitedAt))
    .limit(recent)
    .prepare('customer_latest_visits');

  const history: VisitHistory = {
    async latestOf(organisationId, customerId) {
      const rows = await latestQuery.execute({ organisationId, customerId });
      return rows.map(toSummary);
    },
    async latestOfMany(organisationId, customerIds) {
      const byCustomer = new Map<string, VisitSummary[]>();
      if (customerIds.length === 0) return byCustomer;
      const ranked = db
        .select({
          ...visitColumns,
          rank: sql<number>`row_number() over (partition by ${visits.customerId} order by ${visits.visitedAt} desc)`.as(
            'rank',
          ),
        })
        .from(visits)
        .innerJoin(stores, eq(stores.id, visits.storeId))
        .where(
          and(eq(visits.organisationId, organisationId), inArray(visits.customerId, customerIds)),
        )
        .as('ranked');
      const rows = await db
        .select()
        .from(ranked)
        .where(lte(ranked.rank, recent))
        .orderBy(asc(ranked.customerId), desc(ranked.visitedAt));
      for (const row of rows) {
        const list = byCustomer.get(row.customerId) ?? [];
        list.push(toSummary(row));
        byCustomer.set(row.customerId, list);
      }
      return byCustomer;
    },
  };
  return history;
}
