import type { RegisteredScreen, ScreenRegistration, ScreenUpdate } from '@vitrine/shared';
import { and, asc, eq, gt, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { screens } from '../db/schema-screens.ts';

export type ScreenStatusFilter = 'active' | 'retired' | 'all';

export interface ScreenListQuery {
  storeId: string;
  zoneId?: string;
  status: ScreenStatusFilter;
  limit: number;
  /** The id of the last screen of the previous page. */
  after?: string;
}

export interface ScreenPage {
  items: RegisteredScreen[];
  nextCursor: string | null;
}

export interface ScreenRepository {
  list(query: ScreenListQuery): Promise<ScreenPage>;
  /** Every screen the store registered, retired ones included, by id. */
  listAllOf(storeId: string): Promise<RegisteredScreen[]>;
  /** Active and retired alike; null for an id the store never registered. */
  find(storeId: string, screenId: string): Promise<RegisteredScreen | null>;
  /** A screen registered anew, or a retired one brought back with these fields. */
  register(
    organisationId: string,
    storeId: string,
    registration: ScreenRegistration & { name: string },
    at: Date,
  ): Promise<RegisteredScreen>;
  update(
    storeId: string,
    screenId: string,
    update: ScreenUpdate,
    at: Date,
  ): Promise<RegisteredScreen>;
  retire(storeId: string, screenId: string, at: Date): Promise<RegisteredScreen>;
  recordSeen(
    storeId: string,
    screenId: string,
    seen: { at: Date; playerVersion: string | null },
  ): Promise<RegisteredScreen>;
}

type ScreenRow = typeof screens.$inferSelect;

export function toRegisteredScreen(row: ScreenRow): RegisteredScreen {
  return {
    id: row.id,
    storeId: row.storeId,
    zoneId: row.zoneId,
    name: row.name,
    orientation: row.orientation,
    resolution: { width: row.width, height: row.height },
    status: row.retiredAt === null ? 'active' : 'retired',
    registeredAt: row.registeredAt.toISOString(),
    retiredAt: row.retiredAt?.toISOString() ?? null,
    lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
    playerVersion: row.playerVersion,
  };
}

function changedColumns(update: ScreenUpdate) {
  return {
    ...(update.zoneId === undefined ? {} : { zoneId: update.zoneId }),
    ...(update.name === undefined ? {} : { name: update.name }),
    ...(update.orientation === undefined ? {} : { orientation: update.orientation }),
    ...(update.resolution === undefined
      ? {}
      : { width: update.resolution.width, height: update.resolution.height }),
  };
}

export function createScreenRepository(db: Database): ScreenRepository {
  const one = (storeId: string, screenId: string) =>
    and(eq(screens.storeId, storeId), eq(screens.id, screenId));

  async function written(rows: ScreenRow[]): Promise<RegisteredScreen> {
    const [row] = rows;
    if (row === undefined) throw new Error('the screen row was not written');
    return toRegisteredScreen(row);
  }

  return {
    async list({ storeId, zoneId, status, limit, after }) {
      const conditions: SQL[] = [eq(screens.storeId, storeId)];
      if (zoneId !== undefined) conditions.push(eq(screens.zoneId, zoneId));
      if (status === 'active') conditions.push(isNull(screens.retiredAt));
      if (status === 'retired') conditions.push(isNotNull(screens.retiredAt));
      if (after !== undefined) conditions.push(gt(screens.id, after));
      const rows = await db
        .select()
        .from(screens)
        .where(and(...conditions))
        .orderBy(asc(screens.id))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      return {
        items: page.map(toRegisteredScreen),
        nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
      };
    },
    async listAllOf(storeId) {
      const rows = await db
        .select()
        .from(screens)
        .where(eq(screens.storeId, storeId))
        .orderBy(asc(screens.id));
      return rows.map(toRegisteredScreen);
    },
    async find(storeId, screenId) {
      const [row] = await db.select().from(screens).where(one(storeId, screenId));
      return row === undefined ? null : toRegisteredScreen(row);
    },
    async register(organisationId, storeId, registration, at) {
      const fields = {
        zoneId: registration.zoneId,
        name: registration.name,
        orientation: registration.orientation,
        width: registration.resolution.width,
        height: registration.resolution.height,
      };
      return written(
        await db
          .insert(screens)
          .values({
            ...fields,
            storeId,
            id: registration.id,
            organisationId,
            registeredAt: at,
            updatedAt: at,
          })
          .onConflictDoUpdate({
            target: [screens.storeId, screens.id],
            set: { ...fields, registeredAt: at, updatedAt: at, retiredAt: null },
          })
          .returning(),
      );
    },
    async update(storeId, screenId, update, at) {
      return written(
        await db
          .update(screens)
          .set({ ...changedColumns(update), updatedAt: at })
          .where(one(storeId, screenId))
          .returning(),
      );
    },
    async retire(storeId, screenId, at) {
      return written(
        await db
          .update(screens)
          .set({ retiredAt: at, updatedAt: at })
          .where(one(storeId, screenId))
          .returning(),
      );
    },
    async recordSeen(storeId, screenId, { at, playerVersion }) {
      return written(
        await db
          .update(screens)
          .set({ lastSeenAt: at, ...(playerVersion === null ? {} : { playerVersion }) })
          .where(one(storeId, screenId))
          .returning(),
      );
    },
  };
}
