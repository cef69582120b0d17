import type { CustomerProfile } from '@vitrine/shared';
import { and, asc, eq, gt, gte, inArray, max, or, type SQL, sql } from 'drizzle-orm';
import type { CustomerRepository } from '../customers/customer-repository.ts';
import type { Database } from '../db/database.ts';
import { customers, purchases } from '../db/schema.ts';
import { profileChanges } from '../db/schema-sync.ts';
import { TOP_TIERS } from './domain/watermark.ts';

/** Which customers one store's edge holds. */
export interface StoreSelection {
  organisationId: string;
  storeId: string;
  /** Purchases in the store since this instant make a recent visitor. */
  visitedSince: Date;
}

export interface FeedChange {
  seq: number;
  customerId: string;
  kind: 'upsert' | 'erase';
}

export interface ProfileFeedRepository {
  /** The next sequence the feed will hand out to this organisation (≥ 1). */
  nextSequence(organisationId: string): Promise<number>;
  /** A page of the selection's profiles, by customer id after `after`. */
  selectionPage(
    selection: StoreSelection,
    { after, limit }: { after: string | null; limit: number },
  ): Promise<{ profiles: CustomerProfile[]; last: string | null; more: boolean }>;
  /** Changes with `seq >= from`, oldest first, at most `limit`. */
  changesFrom(
    organisationId: string,
    { from, limit }: { from: number; limit: number },
  ): Promise<FeedChange[]>;
  /** The profiles of those of these customers who are in the selection. */
  selectedProfiles(selection: StoreSelection, customerIds: string[]): Promise<CustomerProfile[]>;
}

export function createProfileFeedRepository(
  db: Database,
  profiles: Pick<CustomerRepository, 'findProfiles'>,
): ProfileFeedRepository {
  function inSelection({ organisationId, storeId, visitedSince }: StoreSelection): SQL {
    // A timestamp as text: postgres.js does not bind a Date inside raw SQL.
    const recentVisit = sql`exists (select 1 from ${purchases} where ${purchases.customerId} = ${customers.id} and ${purchases.storeId} = ${storeId} and ${purchases.purchasedAt} >= ${visitedSince.toISOString()}::timestamptz)`;
    return and(
      eq(customers.organisationId, organisationId),
      or(eq(customers.homeStoreId, storeId), inArray(customers.tier, [...TOP_TIERS]), recentVisit),
    ) as SQL;
  }

  return {
    async nextSequence(organisationId) {
      const [row] = await db
        .select({ last: max(profileChanges.seq) })
        .from(profileChanges)
        .where(eq(profileChanges.organisationId, organisationId));
      return Number(row?.last ?? 0) + 1;
    },

    async selectionPage(selection, { after, limit }) {
      const conditions = [inSelection(selection)];
      if (after !== null) conditions.push(gt(customers.id, after));
      const rows = await db
        .select({ id: customers.id })
        .from(customers)
        .where(and(...conditions))
        .orderBy(asc(customers.id))
        .limit(limit + 1);
      const ids = rows.slice(0, limit).map((row) => row.id);
      return {
        profiles: await profiles.findProfiles(selection.organisationId, ids),
        // The cursor moves past a customer erased between the two queries too.
        last: ids.at(-1) ?? null,
        more: rows.length > limit,
      };
    },

    async changesFrom(organisationId, { from, limit }) {
      const rows = await db
        .select({
          seq: profileChanges.seq,
          customerId: profileChanges.customerId,
          kind: profileChanges.kind,
        })
        .from(profileChanges)
        .where(
          and(eq(profileChanges.organisationId, organisationId), gte(profileChanges.seq, from)),
        )
        .orderBy(asc(profileChanges.seq))
        .limit(limit);
      return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
    },

    async selectedProfiles(selection, customerIds) {
      if (customerIds.length === 0) return [];
      const rows = await db
        .select({ id: customers.id })
        .from(customers)
        .where(and(inSelection(selection), inArray(customers.id, customerIds)));
      return profiles.findProfiles(
        selection.organisationId,
        rows.map((row) => row.id),
      );
    },
  };
}
