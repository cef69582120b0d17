import { and, asc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../db/database.ts';
import { type NamePageQuery, namePageFilters } from './name-page.ts';

/** A marketer's catalogue table: named rows of one organisation, versioned, archived rather than deleted. */
type CatalogueTable = PgTable & {
  id: PgColumn;
  organisationId: PgColumn;
  name: PgColumn;
  version: PgColumn;
  archivedAt: PgColumn;
  updatedAt: PgColumn;
};

export interface CatalogueListQuery extends NamePageQuery {
  archived: 'false' | 'true' | 'all';
}

export interface CatalogueRows<Row> {
  find(organisationId: string, id: string): Promise<Row | null>;
  findMany(organisationId: string, ids: readonly string[]): Promise<Row[]>;
  /** A page by name (one row more than `limit`, for `pageOf`), with the table's own filters. */
  list(organisationId: string, query: CatalogueListQuery, more?: SQL[]): Promise<Row[]>;
  /** Writes the row's columns, one version up; null when the organisation has no such row. */
  update(
    organisationId: string,
    id: string,
    columns: Record<string, unknown>,
    at: Date,
  ): Promise<Row | null>;
  /** Archives once: the first archive's time is kept. */
  archive(organisationId: string, id: string, at: Date): Promise<Row | null>;
}

/**
 * The reads and writes that segments and offers share. The rows come back as the table
 * defines them (`Row` is the table's `$inferSelect`).
 */
export function catalogueRows<T extends CatalogueTable, Row = T['$inferSelect']>(
  db: Database,
  table: T,
): CatalogueRows<Row> {
  const owned = (organisationId: string) => eq(table.organisationId, organisationId);
  const byId = (organisationId: string, id: string) => and(owned(organisationId), eq(table.id, id));
  // Drizzle cannot follow a table's row type through a generic table: the rows are the table's.
  const rows = (found: unknown) => found as Row[];
  const select = () => db.select().from(table as PgTable);
  // …nor its columns: every column named here is one `CatalogueTable` requires.
  const changes = (columns: Record<string, unknown>) => columns as T['$inferInsert'];
  return {
    async find(organisationId, id) {
      const [row] = rows(await select().where(byId(organisationId, id)));
      return row ?? null;
    },
    async findMany(organisationId, ids) {
      if (ids.length === 0) return [];
      return rows(await select().where(and(owned(organisationId), inArray(table.id, [...ids]))));
    },
    async list(organisationId, query, more = []) {
      const filters: SQL[] = [owned(organisationId), ...namePageFilters(table, query), ...more];
      if (query.archived === 'false') filters.push(isNull(table.archivedAt));
      if (query.archived === 'true') filters.push(isNotNull(table.archivedAt));
      return rows(
        await select()
          .where(and(...filters))
          .orderBy(asc(table.name), asc(table.id))
          .limit(query.limit + 1),
      );
    },
    async update(organisationId, id, columns, at) {
      const [row] = rows(
        await db
          .update(table)
          .set(changes({ ...columns, version: sql`${table.version} + 1`, updatedAt: at }))
          .where(byId(organisationId, id))
          .returning(),
      );
      return row ?? null;
    },
    async archive(organisationId, id, at) {
      const [row] = rows(
        await db
          .update(table)
          .set(
            changes({
              archivedAt: sql`coalesce(${table.archivedAt}, ${at.toISOString()}::timestamptz)`,
              updatedAt: at,
            }),
          )
          .where(byId(organisationId, id))
          .returning(),
      );
      return row ?? null;
    },
  };
}
