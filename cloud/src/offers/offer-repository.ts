import type { Offer } from '@vitrine/shared';
import {
  and,
  arrayContains,
  asc,
  eq,
  gt,
  inArray,
  isNotNull,
  isNull,
  lte,
  type SQL,
  sql,
} from 'drizzle-orm';
import { type NamePageQuery, namePageFilters } from '../campaigns/name-page.ts';
import type { Database } from '../db/database.ts';
import { products } from '../db/schema.ts';
import { campaigns, offers } from '../db/schema-engagement.ts';

export type StoredOfferRow = typeof offers.$inferSelect;

export interface OfferListQuery extends NamePageQuery {
  archived: 'false' | 'true' | 'all';
  /** Offers valid at this instant only. */
  validAt?: string | undefined;
}

export interface OfferRepository {
  insert(organisationId: string, offer: Offer, at: Date): Promise<StoredOfferRow>;
  find(organisationId: string, id: string): Promise<StoredOfferRow | null>;
  findMany(organisationId: string, ids: readonly string[]): Promise<StoredOfferRow[]>;
  /** Rows fetched with one more than `limit`, for `pageOf`. */
  list(organisationId: string, query: OfferListQuery): Promise<StoredOfferRow[]>;
  update(organisationId: string, offer: Offer, at: Date): Promise<StoredOfferRow | null>;
  archive(organisationId: string, id: string, at: Date): Promise<StoredOfferRow | null>;
  /** The skus among these that the organisation's catalogue does not hold. */
  unknownSkus(organisationId: string, skus: readonly string[]): Promise<Set<string>>;
  /** Campaigns not archived that deliver this offer. */
  campaignsUsing(organisationId: string, id: string): Promise<string[]>;
}

function columnsOf(offer: Offer) {
  return {
    name: offer.name,
    definition: offer,
    validFrom: new Date(offer.validity.from),
    validUntil: new Date(offer.validity.until),
  };
}

export function createOfferRepository(db: Database): OfferRepository {
  const byId = (organisationId: string, id: string) =>
    and(eq(offers.organisationId, organisationId), eq(offers.id, id));
  return {
    async insert(organisationId, offer, at) {
      const [row] = await db
        .insert(offers)
        .values({ id: offer.id, organisationId, ...columnsOf(offer), createdAt: at, updatedAt: at })
        .returning();
      if (row === undefined) throw new Error(`offer ${offer.id} was not written`);
      return row;
    },
    async find(organisationId, id) {
      const [row] = await db.select().from(offers).where(byId(organisationId, id));
      return row ?? null;
    },
    async findMany(organisationId, ids) {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(offers)
        .where(and(eq(offers.organisationId, organisationId), inArray(offers.id, [...ids])));
    },
    async list(organisationId, query) {
      const filters: SQL[] = [
        eq(offers.organisationId, organisationId),
        ...namePageFilters(offers, query),
      ];
      if (query.archived === 'false') filters.push(isNull(offers.archivedAt));
      if (query.archived === 'true') filters.push(isNotNull(offers.archivedAt));
      if (query.validAt !== undefined) {
        const at = new Date(query.validAt);
        filters.push(lte(offers.validFrom, at), gt(offers.validUntil, at));
      }
      return db
        .select()
        .from(offers)
        .where(and(...filters))
        .orderBy(asc(offers.name), asc(offers.id))
        .limit(query.limit + 1);
    },
    async update(organisationId, offer, at) {
      const [row] = await db
        .update(offers)
        .set({ ...columnsOf(offer), version: sql`${offers.version} + 1`, updatedAt: at })
        .where(byId(organisationId, offer.id))
        .returning();
      return row ?? null;
    },
    async archive(organisationId, id, at) {
      const [row] = await db
        .update(offers)
        .set({
          archivedAt: sql`coalesce(${offers.archivedAt}, ${at.toISOString()}::timestamptz)`,
          updatedAt: at,
        })
        .where(byId(organisationId, id))
        .returning();
      return row ?? null;
    },
    async unknownSkus(organisationId, skus) {
      if (skus.length === 0) return new Set();
      const rows = await db
        .select({ sku: products.sku })
        .from(products)
        .where(and(eq(products.organisationId, organisationId), inArray(products.sku, [...skus])));
      const known = new Set(rows.map((row) => row.sku));
      return new Set(skus.filter((sku) => !known.has(sku)));
    },
    async campaignsUsing(organisationId, id) {
      const rows = await db
        .select({ id: campaigns.id })
        .from(campaigns)
        .where(
          and(
            eq(campaigns.organisationId, organisationId),
            arrayContains(campaigns.offerIds, [id]),
            inArray(campaigns.status, ['draft', 'active', 'paused']),
          ),
        )
        .orderBy(asc(campaigns.id));
      return rows.map((row) => row.id);
    },
  };
}
