import type { AudiencePreview, SegmentRule, SegmentWrite } from '@vitrine/shared';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type CatalogueListQuery, catalogueRows } from '../campaigns/catalogue-rows.ts';
import type { Database } from '../db/database.ts';
import { customers } from '../db/schema.ts';
import { campaigns, segments } from '../db/schema-engagement.ts';
import { type AudienceSituation, segmentRuleSql } from './segment-sql.ts';

export type StoredSegmentRow = typeof segments.$inferSelect;

export type SegmentListQuery = CatalogueListQuery;

export interface SegmentRepository {
  insert(
    organisationId: string,
    id: string,
    segment: SegmentWrite,
    at: Date,
  ): Promise<StoredSegmentRow>;
  find(organisationId: string, id: string): Promise<StoredSegmentRow | null>;
  findMany(organisationId: string, ids: readonly string[]): Promise<StoredSegmentRow[]>;
  /** Rows fetched with one more than `limit`, for `pageOf`. */
  list(organisationId: string, query: SegmentListQuery): Promise<StoredSegmentRow[]>;
  update(
    organisationId: string,
    id: string,
    segment: SegmentWrite,
    at: Date,
  ): Promise<StoredSegmentRow | null>;
  archive(organisationId: string, id: string, at: Date): Promise<StoredSegmentRow | null>;
  /** Campaigns not archived whose audience is this segment. */
  campaignsUsing(organisationId: string, id: string): Promise<string[]>;
  /** Counted by the database over the organisation's customers. */
  measure(
    organisationId: string,
    rule: SegmentRule,
    situation: AudienceSituation,
    pathPrefix: string,
  ): Promise<Pick<AudiencePreview, 'size' | 'reachable' | 'marketable'>>;
}

export function createSegmentRepository(db: Database): SegmentRepository {
  const rows = catalogueRows<typeof segments, StoredSegmentRow>(db, segments);
  return {
    async insert(organisationId, id, segment, at) {
      const [row] = await db
        .insert(segments)
        .values({ id, organisationId, ...segment, createdAt: at, updatedAt: at })
        .returning();
      if (row === undefined) throw new Error(`segment ${id} was not written`);
      return row;
    },
    find: rows.find,
    findMany: rows.findMany,
    list: (organisationId, query) => rows.list(organisationId, query),
    update: (organisationId, id, segment, at) => rows.update(organisationId, id, segment, at),
    archive: rows.archive,
    async campaignsUsing(organisationId, id) {
      const rows = await db
        .select({ id: campaigns.id })
        .from(campaigns)
        .where(
          and(
            eq(campaigns.organisationId, organisationId),
            eq(campaigns.segmentId, id),
            inArray(campaigns.status, ['draft', 'active', 'paused']),
          ),
        )
        .orderBy(asc(campaigns.id));
      return rows.map((row) => row.id);
    },
    async measure(organisationId, rule, situation, pathPrefix) {
      const where = segmentRuleSql(rule, situation, pathPrefix);
      const [row] = await db
        .select({
          size: sql<number>`count(*)::int`,
          reachable: sql<number>`(count(*) filter (where ${customers.consentProfiling}))::int`,
          marketable: sql<number>`(count(*) filter (where ${customers.consentProfiling} and ${customers.consentMarketing}))::int`,
        })
        .from(customers)
        .where(and(eq(customers.organisationId, organisationId), where));
      return {
        size: Number(row?.size ?? 0),
        reachable: Number(row?.reachable ?? 0),
        marketable: Number(row?.marketable ?? 0),
      };
    },
  };
}
