import type { AudiencePreview, SegmentRule, SegmentWrite } from '@vitrine/shared';
import { and, asc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { type NamePageQuery, namePageFilters } from '../campaigns/name-page.ts';
import type { Database } from '../db/database.ts';
import { customers } from '../db/schema.ts';
import { campaigns, segments } from '../db/schema-engagement.ts';
import { type AudienceSituation, segmentRuleSql } from './segment-sql.ts';

export type StoredSegmentRow = typeof segments.$inferSelect;

export interface SegmentListQuery extends NamePageQuery {
  archived: 'false' | 'true' | 'all';
}

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
  return {
    async insert(organisationId, id, segment, at) {
      const [row] = await db
        .insert(segments)
        .values({ id, organisationId, ...segment, createdAt: at, updatedAt: at })
        .returning();
      if (row === undefined) throw new Error(`segment ${id} was not written`);
      return row;
    },
    async find(organisationId, id) {
      const [row] = await db
        .select()
        .from(segments)
        .where(and(eq(segments.organisationId, organisationId), eq(segments.id, id)));
      return row ?? null;
    },
    async findMany(organisationId, ids) {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(segments)
        .where(and(eq(segments.organisationId, organisationId), inArray(segments.id, [...ids])));
    },
    async list(organisationId, query) {
      const filters: SQL[] = [
        eq(segments.organisationId, organisationId),
        ...namePageFilters(segments, query),
      ];
      if (query.archived === 'false') filters.push(isNull(segments.archivedAt));
      if (query.archived === 'true') filters.push(isNotNull(segments.archivedAt));
      return db
        .select()
        .from(segments)
        .where(and(...filters))
        .orderBy(asc(segments.name), asc(segments.id))
        .limit(query.limit + 1);
    },
    async update(organisationId, id, segment, at) {
      const [row] = await db
        .update(segments)
        .set({ ...segment, version: sql`${segments.version} + 1`, updatedAt: at })
        .where(and(eq(segments.organisationId, organisationId), eq(segments.id, id)))
        .returning();
      return row ?? null;
    },
    async archive(organisationId, id, at) {
      const [row] = await db
        .update(segments)
        .set({
          archivedAt: sql`coalesce(${segments.archivedAt}, ${at.toISOString()}::timestamptz)`,
          updatedAt: at,
        })
        .where(and(eq(segments.organisationId, organisationId), eq(segments.id, id)))
        .returning();
      return row ?? null;
    },
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
