import type { Offer } from '@vitrine/shared';
import { and, arrayContains, asc, eq, gt, inArray, lte } from 'drizzle-orm';
import { type CatalogueListQuery, catalogueRows } from '../campaigns/catalogue-rows.ts';
import type { Database } from '../db/database.ts';
import { products } from '../db/schema.ts';
import { campaigns, offers } from '../db/schema-engagement.ts';

export type StoredOfferRow = typeof offers.$inferSelect;

export interface OfferListQuery extends CatalogueListQuery {
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
  const rows = catalogueRows<typeof offers, StoredOfferRow>(db, offers);
  return {
    async insert(organisationId, offer, at) {
      const [row] = await db
        .insert(offers)
        .values({ id: offer.id, organisationId, ...columnsOf(offer), createdAt: at, updatedAt: at })
        .returning();
      if (row === undefined) throw new Error(`offer ${offer.id} was not written`);
      return row;
    },
    find: rows.find,
    findMany: rows.findMany,
    list(organisationId, query) {
      const at = query.validAt === undefined ? null : new Date(query.validAt);
      const validAt = at === null ? [] : [lte(offers.validFrom, at), gt(offers.validUntil, at)];
      return rows.list(organisationId, query, validAt);
    },
    update: (organisationId, offer, at) =>
      rows.update(organisationId, offer.id, columnsOf(offer), at),
    archive: rows.archive,
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
