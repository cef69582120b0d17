import type { Associate, Store, Zone } from '@vitrine/shared';
import { storeIdSchema } from '@vitrine/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { associates, organisations, stores, zones } from '../db/schema.ts';
import { isIanaTimeZone } from './domain/time-zone.ts';

export const newStoreSchema = z.object({
  id: storeIdSchema,
  organisationId: z.string().min(1),
  name: z.string().min(1),
  city: z.string().min(1),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code'),
  timeZone: z.string().refine(isIanaTimeZone, 'must be an IANA time zone'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
});
export type NewStore = z.infer<typeof newStoreSchema>;

export interface StoreRepository {
  insertOrganisation(organisation: { id: string; name: string }): Promise<void>;
  countOrganisations(): Promise<number>;
  /** Validates the store (time zone, currency) before writing it. */
  insertStore(store: NewStore): Promise<void>;
  insertZones(rows: Zone[]): Promise<void>;
  listStores(organisationId: string): Promise<Store[]>;
  findStore(organisationId: string, storeId: string): Promise<Store | null>;
  listAssociates(storeId: string): Promise<Associate[]>;
}

export function createStoreRepository(db: Database): StoreRepository {
  async function loadStores(organisationId: string, storeId?: string): Promise<Store[]> {
    const where =
      storeId === undefined
        ? eq(stores.organisationId, organisationId)
        : and(eq(stores.organisationId, organisationId), eq(stores.id, storeId));
    const rows = await db.select().from(stores).where(where).orderBy(asc(stores.id));
    if (rows.length === 0) return [];
    const zoneRows = await db
      .select()
      .from(zones)
      .where(
        inArray(
          zones.storeId,
          rows.map((row) => row.id),
        ),
      )
      .orderBy(asc(zones.id));
    return rows.map((row) => ({
      id: row.id,
      organisationId: row.organisationId,
      name: row.name,
      city: row.city,
      country: row.country,
      timeZone: row.timeZone,
      currency: row.currency,
      zones: zoneRows.filter((zone) => zone.storeId === row.id),
    }));
  }

  return {
    async insertOrganisation(organisation) {
      await db.insert(organisations).values(organisation);
    },
    async countOrganisations() {
      return db.$count(organisations);
    },
    async insertStore(store) {
      await db.insert(stores).values(newStoreSchema.parse(store));
    },
    async insertZones(rows) {
      if (rows.length > 0) await db.insert(zones).values(rows);
    },
    listStores: (organisationId) => loadStores(organisationId),
    async findStore(organisationId, storeId) {
      const [store] = await loadStores(organisationId, storeId);
      return store ?? null;
    },
    async listAssociates(storeId) {
      return db
        .select({
          id: associates.id,
          storeId: associates.storeId,
          name: associates.name,
          email: associates.email,
        })
        .from(associates)
        .where(eq(associates.storeId, storeId))
        .orderBy(asc(associates.name));
    },
  };
}
