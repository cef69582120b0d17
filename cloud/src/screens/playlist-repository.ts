import type { Playlist, PlaylistDraft } from '@vitrine/shared';
import { and, asc, eq, gt, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { playlists } from '../db/schema-screens.ts';

export interface PlaylistQuery {
  organisationId: string;
  storeId?: string;
  screenId?: string;
  zoneId?: string;
  /** Playlists that play this item. */
  contentId?: string;
  limit: number;
  after?: string;
}

export interface PlaylistRepository {
  list(query: PlaylistQuery): Promise<{ items: Playlist[]; nextCursor: string | null }>;
  /** Every playlist of a store, for its screens' schedules and its edge's feed. */
  listOfStore(storeId: string): Promise<Playlist[]>;
  find(organisationId: string, id: string): Promise<Playlist | null>;
  insert(organisationId: string, id: string, draft: PlaylistDraft, at: Date): Promise<Playlist>;
  replace(
    organisationId: string,
    id: string,
    draft: PlaylistDraft,
    at: Date,
  ): Promise<Playlist | null>;
  remove(organisationId: string, id: string): Promise<boolean>;
}

type PlaylistRow = typeof playlists.$inferSelect;

function toPlaylist(row: PlaylistRow): Playlist {
  return {
    id: row.id,
    name: row.name,
    storeId: row.storeId,
    target:
      row.screenId !== null
        ? { kind: 'screen', screenId: row.screenId }
        : { kind: 'zone', zoneId: row.zoneId ?? '' },
    priority: row.priority,
    entries: row.entries,
    dayparts: row.dayparts,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function columnsOf(draft: PlaylistDraft) {
  return {
    name: draft.name,
    storeId: draft.storeId,
    screenId: draft.target.kind === 'screen' ? draft.target.screenId : null,
    zoneId: draft.target.kind === 'zone' ? draft.target.zoneId : null,
    priority: draft.priority,
    entries: draft.entries,
    dayparts: draft.dayparts,
    validFrom: draft.validFrom,
    validUntil: draft.validUntil,
  };
}

export function createPlaylistRepository(db: Database): PlaylistRepository {
  const one = (organisationId: string, id: string) =>
    and(eq(playlists.organisationId, organisationId), eq(playlists.id, id));

  return {
    async list({ organisationId, storeId, screenId, zoneId, contentId, limit, after }) {
      const conditions: SQL[] = [eq(playlists.organisationId, organisationId)];
      if (storeId !== undefined) conditions.push(eq(playlists.storeId, storeId));
      if (screenId !== undefined) conditions.push(eq(playlists.screenId, screenId));
      if (zoneId !== undefined) conditions.push(eq(playlists.zoneId, zoneId));
      if (contentId !== undefined) {
        conditions.push(sql`${playlists.entries} @> ${JSON.stringify([{ contentId }])}::jsonb`);
      }
      if (after !== undefined) conditions.push(gt(playlists.id, after));
      const rows = await db
        .select()
        .from(playlists)
        .where(and(...conditions))
        .orderBy(asc(playlists.id))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      return {
        items: page.map(toPlaylist),
        nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
      };
    },
    async listOfStore(storeId) {
      const rows = await db
        .select()
        .from(playlists)
        .where(eq(playlists.storeId, storeId))
        .orderBy(asc(playlists.id));
      return rows.map(toPlaylist);
    },
    async find(organisationId, id) {
      const [row] = await db.select().from(playlists).where(one(organisationId, id));
      return row === undefined ? null : toPlaylist(row);
    },
    async insert(organisationId, id, draft, at) {
      const [row] = await db
        .insert(playlists)
        .values({ ...columnsOf(draft), id, organisationId, createdAt: at, updatedAt: at })
        .returning();
      if (row === undefined) throw new Error('the playlist row was not written');
      return toPlaylist(row);
    },
    async replace(organisationId, id, draft, at) {
      const [row] = await db
        .update(playlists)
        .set({ ...columnsOf(draft), updatedAt: at })
        .where(one(organisationId, id))
        .returning();
      return row === undefined ? null : toPlaylist(row);
    },
    async remove(organisationId, id) {
      const rows = await db
        .delete(playlists)
        .where(one(organisationId, id))
        .returning({ id: playlists.id });
      return rows.length > 0;
    },
  };
}
