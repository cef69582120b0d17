import type { CustomerProfile, Tier } from '@vitrine/shared';
import { and, asc, eq, gt, gte, inArray, max, or, type SQL, sql } from 'drizzle-orm';
import type { CustomerRepository } from '../customers/customer-repository.ts';
import type { Database } from '../db/database.ts';
import { customers, purchases } from '../db/schema.ts';
import { profileChanges } from '../db/schema-sync.ts';
import { visits } from '../db/schema-visits.ts';
import { selectionEnd, TOP_TIERS } from './domain/selection.ts';

/** Which customers one store's edge holds. */
export interface StoreSelection {
  organisationId: string;
  storeId: string;
  /** Visits and purchases in the store since this instant make a recent visitor. */
  visitedSince: Date;
  /** The instant of the read (now by default): an event over by then selects no guest. */
  at?: Date;
}

/** A customer of the selection, and when they leave it if nothing changes first. */
export interface SelectedProfile {
  profile: CustomerProfile;
  heldUntil: Date | null;
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
  ): Promise<{ items: SelectedProfile[]; last: string | null; more: boolean }>;
  /** Changes with `seq >= from`, oldest first, at most `limit`. */
  changesFrom(
    organisationId: string,
    { from, limit }: { from: number; limit: number },
  ): Promise<FeedChange[]>;
  /** The profiles of those of these customers who are in the selection. */
  selectedProfiles(selection: StoreSelection, customerIds: string[]): Promise<SelectedProfile[]>;
}

interface SelectionRow {
  id: string;
  homeStoreId: string | null;
  tier: Tier;
  lastSeenHere: Date | string | null;
  invitedUntil: Date | string | null;
}

const asDate = (value: Date | string | null) => (value === null ? null : new Date(value));

/**
 * The latest end, at this store, of the events not cancelled nor over that the customer
 * is invited to here (their invitation's store), or null. Written out: the subquery must
 * name the outer customer, which drizzle leaves unqualified in a select list.
 */
function invitedUntilHere(storeId: string, at: Date): SQL<Date | string | null> {
  return sql<Date | string | null>`(select max((s->>'endsAt')::timestamptz)
    from event_invitations i join events e on e.id = i.event_id, jsonb_array_elements(e.sessions) s
    where i.customer_id = "customers"."id" and i.store_id = ${storeId} and e.status <> 'cancelled'
      and s->>'storeId' = ${storeId} and (s->>'endsAt')::timestamptz > ${at.toISOString()}::timestamptz)`;
}

export function createProfileFeedRepository(
  db: Database,
  profiles: Pick<CustomerRepository, 'findProfiles'>,
): ProfileFeedRepository {
  function inSelection({
    organisationId,
    storeId,
    visitedSince,
    at = new Date(),
  }: StoreSelection): SQL {
    // A timestamp as text: postgres.js does not bind a Date inside raw SQL.
    const since = visitedSince.toISOString();
    const recentPurchase = sql`exists (select 1 from ${purchases} where ${purchases.customerId} = ${customers.id} and ${purchases.storeId} = ${storeId} and ${purchases.purchasedAt} >= ${since}::timestamptz)`;
    const recentVisit = sql`exists (select 1 from ${visits} where ${visits.storeId} = ${storeId} and ${visits.customerId} = ${customers.id} and ${visits.visitedAt} >= ${since}::timestamptz)`;
    return and(
      eq(customers.organisationId, organisationId),
      or(
        eq(customers.homeStoreId, storeId),
        inArray(customers.tier, [...TOP_TIERS]),
        recentPurchase,
        recentVisit,
        sql`${invitedUntilHere(storeId, at)} is not null`,
      ),
    ) as SQL;
  }

  /**
   * What decides when a selected customer leaves: their latest visit or purchase here, and
   * the end of the last event they are invited to here.
   */
  function selectionColumns({ storeId, at = new Date() }: StoreSelection) {
    return {
      id: customers.id,
      homeStoreId: customers.homeStoreId,
      tier: customers.tier,
      // Written out: drizzle leaves a select list's columns unqualified, and these
      // correlated subqueries must name the outer customer. greatest() ignores nulls.
      lastSeenHere: sql<Date | string | null>`greatest(
        (select max(p.purchased_at) from purchases p where p.customer_id = "customers"."id" and p.store_id = ${storeId}),
        (select max(v.visited_at) from visits v where v.store_id = ${storeId} and v.customer_id = "customers"."id"))`,
      invitedUntil: invitedUntilHere(storeId, at),
    };
  }

  async function withProfiles(
    selection: StoreSelection,
    rows: SelectionRow[],
  ): Promise<SelectedProfile[]> {
    const ends = new Map(
      rows.map((row) => [
        row.id,
        selectionEnd(selection.storeId, {
          homeStoreId: row.homeStoreId,
          tier: row.tier,
          lastSeenHere: asDate(row.lastSeenHere),
          invitedUntil: asDate(row.invitedUntil),
        }),
      ]),
    );
    const found = await profiles.findProfiles(
      selection.organisationId,
      rows.map((row) => row.id),
      selection.at,
    );
    return found.map((profile) => ({ profile, heldUntil: ends.get(profile.id) ?? null }));
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
        .select(selectionColumns(selection))
        .from(customers)
        .where(and(...conditions))
        .orderBy(asc(customers.id))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      return {
        items: await withProfiles(selection, page),
        // The cursor moves past a customer erased between the two queries too.
        last: page.at(-1)?.id ?? null,
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
        .select(selectionColumns(selection))
        .from(customers)
        .where(and(inSelection(selection), inArray(customers.id, customerIds)));
      return withProfiles(selection, rows);
    },
  };
}
