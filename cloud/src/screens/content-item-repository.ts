import type { ScreenContentDraft, ScreenContentItem } from '@vitrine/shared';
import { and, asc, eq, gt, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { contentItems, playlists } from '../db/schema-screens.ts';

export interface ContentItemQuery {
  organisationId: string;
  kind?: ScreenContentItem['kind'];
  /** Part of the name, in any case. */
  nameContains?: string;
  limit: number;
  after?: string;
}

export interface ContentItemRepository {
  list(query: ContentItemQuery): Promise<{ items: ScreenContentItem[]; nextCursor: string | null }>;
  find(organisationId: string, id: string): Promise<ScreenContentItem | null>;
  findMany(organisationId: string, ids: readonly string[]): Promise<ScreenContentItem[]>;
  insert(
    organisationId: string,
    id: string,
    draft: ScreenContentDraft,
    at: Date,
  ): Promise<ScreenContentItem>;
  /** Null when the organisation has no such item. */
  replace(
    organisationId: string,
    id: string,
    draft: ScreenContentDraft,
    at: Date,
  ): Promise<ScreenContentItem | null>;
  remove(organisationId: string, id: string): Promise<boolean>;
  /** The playlists that play the item, by id. */
  playlistsPlaying(organisationId: string, id: string): Promise<string[]>;
}

function toItem(row: { id: string; body: ScreenContentDraft }): ScreenContentItem {
  return { ...row.body, id: row.id };
}

/** `%`, `_` and `\` stand for themselves in a name search. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export function createContentItemRepository(db: Database): ContentItemRepository {
  const one = (organisationId: string, id: string) =>
    and(eq(contentItems.organisationId, organisationId), eq(contentItems.id, id));
  const columns = { id: contentItems.id, body: contentItems.body };

  return {
    async list({ organisationId, kind, nameContains, limit, after }) {
      const conditions: SQL[] = [eq(contentItems.organisationId, organisationId)];
      if (kind !== undefined) conditions.push(eq(contentItems.kind, kind));
      if (nameContains !== undefined) {
        conditions.push(ilike(contentItems.name, likePattern(nameContains)));
      }
      if (after !== undefined) conditions.push(gt(contentItems.id, after));
      const rows = await db
        .select(columns)
        .from(contentItems)
        .where(and(...conditions))
        .orderBy(asc(contentItems.id))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      return {
        items: page.map(toItem),
        nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
      };
    },
    async find(organisationId, id) {
      const [row] = await db.select(columns).from(contentItems).where(one(organisationId, id));
      return row === undefined ? null : toItem(row);
    },
    async findMany(organisationId, ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .select(columns)
        .from(contentItems)
        .where(
          and(eq(contentItems.organisationId, organisationId), inArray(contentItems.id, [...ids])),
        )
        .orderBy(asc(contentItems.id));
      return rows.map(toItem);
    },
    async insert(organisationId, id, draft, at) {
      await db.insert(contentItems).values({
        id,
        organisationId,
        kind: draft.kind,
        name: draft.name,
        body: draft,
        createdAt: at,
        updatedAt: at,
      });
      return { ...draft, id };
    },
    async replace(organisationId, id, draft, at) {
      const rows = await db
        .update(contentItems)
        .set({ kind: draft.kind, name: draft.name, body: draft, updatedAt: at })
        .where(one(organisationId, id))
        .returning(columns);
      const [row] = rows;
      return row === undefined ? null : toItem(row);
    },
    async remove(organisationId, id) {
      const rows = await db
        .delete(contentItems)
        .where(one(organisationId, id))
        .returning({ id: contentItems.id });
      return rows.length > 0;
    },
    async playlistsPlaying(organisationId, id) {
      const rows = await db
        .select({ id: playlists.id })
        .from(playlists)
        .where(
          and(
            eq(playlists.organisationId, organisationId),
            sql`${playlists.entries} @> ${JSON.stringify([{ contentId: id }])}::jsonb`,
          ),
        )
        .orderBy(asc(playlists.id));
      return rows.map((row) => row.id);
    },
  };
}
