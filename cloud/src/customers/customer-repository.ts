import type { CustomerProfile, PurchaseSummary, Tier, VisitSummary } from '@vitrine/shared';
import { and, asc, desc, eq, gt, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { customers, purchases, stores } from '../db/schema.ts';
import { invitationsOfMany } from '../events/profile-invitations.ts';
import { createVisitHistory } from './visit-history.ts';

export type NewCustomer = typeof customers.$inferInsert;
export type NewPurchase = typeof purchases.$inferInsert;

export interface ProfilePageQuery {
  organisationId: string;
  /** Only customers whose home store is this one. */
  homeStoreId?: string | undefined;
  limit: number;
  /** The id of the last customer of the previous page. */
  after?: string | undefined;
}

export interface ProfilePage {
  items: CustomerProfile[];
  nextCursor: string | null;
}

export interface CustomerRepository {
  insertCustomers(rows: NewCustomer[]): Promise<void>;
  insertPurchases(rows: NewPurchase[]): Promise<void>;
  /** The one customer view with the latest purchases from every store, or null. */
  findProfile(organisationId: string, customerId: string): Promise<CustomerProfile | null>;
  listProfiles(query: ProfilePageQuery): Promise<ProfilePage>;
  /**
   * The profiles of these customers (unknown ids left out), in id order, as an edge holds
   * them: with the birth month and the invitations to events not cancelled nor over at `at`.
   */
  findProfiles(
    organisationId: string,
    customerIds: string[],
    at?: Date,
  ): Promise<CustomerProfile[]>;
}

export interface CustomerRepositoryOptions {
  /** How many recent purchases a profile carries. */
  recentPurchases?: number;
  /** How many recent visits a profile carries. */
  recentVisits?: number;
}

const customerColumns = {
  id: customers.id,
  firstName: customers.firstName,
  lastName: customers.lastName,
  email: customers.email,
  phone: customers.phone,
  tier: customers.tier,
  lifetimeValue: customers.lifetimeValue,
  currency: customers.currency,
  preferences: customers.preferences,
  homeStoreId: customers.homeStoreId,
  homeStoreName: stores.name,
  consentTracking: customers.consentTracking,
  consentMarketing: customers.consentMarketing,
  consentProfiling: customers.consentProfiling,
  notes: customers.notes,
};

const purchaseColumns = {
  id: purchases.id,
  customerId: purchases.customerId,
  storeId: purchases.storeId,
  storeName: stores.name,
  purchasedAt: purchases.purchasedAt,
  total: purchases.total,
  currency: purchases.currency,
  lines: purchases.lines,
};

interface CustomerRow {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  tier: Tier;
  lifetimeValue: number;
  currency: string;
  preferences: string[];
  homeStoreId: string | null;
  homeStoreName: string | null;
  consentTracking: boolean;
  consentMarketing: boolean;
  consentProfiling: boolean;
  notes: string;
}

interface PurchaseRow extends Omit<PurchaseSummary, 'purchasedAt'> {
  customerId: string;
  purchasedAt: Date | string;
}

export function createCustomerRepository(
  db: Database,
  { recentPurchases = 5, recentVisits = 5 }: CustomerRepositoryOptions = {},
): CustomerRepository {
  const visitHistory = createVisitHistory(db, { recent: recentVisits });
  function selectCustomers(where: SQL | undefined) {
    return db
      .select(customerColumns)
      .from(customers)
      .leftJoin(stores, eq(stores.id, customers.homeStoreId))
      .where(where);
  }

  /** The latest purchases of many customers in one query (ranked per customer). */
  async function latestPurchasesOf(customerIds: string[]): Promise<PurchaseRow[]> {
    if (customerIds.length === 0) return [];
    const ranked = db
      .select({
        ...purchaseColumns,
        rank: sql<number>`row_number() over (partition by ${purchases.customerId} order by ${purchases.purchasedAt} desc)`.as(
          'rank',
        ),
      })
      .from(purchases)
      .innerJoin(stores, eq(stores.id, purchases.storeId))
      .where(inArray(purchases.customerId, customerIds))
      .as('ranked');
    return db
      .select()
      .from(ranked)
      .where(lte(ranked.rank, recentPurchases))
      .orderBy(asc(ranked.customerId), desc(ranked.purchasedAt));
  }

  async function withHistory(
    organisationId: string,
    rows: CustomerRow[],
  ): Promise<CustomerProfile[]> {
    const ids = rows.map((row) => row.id);
    const [purchaseRows, visitsOf] = await Promise.all([
      latestPurchasesOf(ids),
      visitHistory.latestOfMany(organisationId, ids),
    ]);
    const byCustomer = new Map<string, PurchaseRow[]>();
    for (const purchase of purchaseRows) {
      const list = byCustomer.get(purchase.customerId) ?? [];
      list.push(purchase);
      byCustomer.set(purchase.customerId, list);
    }
    return rows.map((row) =>
      toProfile(row, byCustomer.get(row.id) ?? [], visitsOf.get(row.id) ?? []),
    );
  }

  // The edge's hot path: index lookups run together (the customer by primary key, range
  // scans of purchases_customer_latest_idx and visits_customer_latest_idx), built once.
  const profileQuery = selectCustomers(
    and(
      eq(customers.id, sql.placeholder('customerId')),
      eq(customers.organisationId, sql.placeholder('organisationId')),
    ),
  ).prepare('customer_profile');
  const latestPurchasesQuery = db
    .select(purchaseColumns)
    .from(purchases)
    .innerJoin(stores, eq(stores.id, purchases.storeId))
    .where(
      and(
        eq(purchases.customerId, sql.placeholder('customerId')),
        eq(stores.organisationId, sql.placeholder('organisationId')),
      ),
    )
    .orderBy(desc(purchases.purchasedAt))
    .limit(recentPurchases)
    .prepare('customer_latest_purchases');

  return {
    async insertCustomers(rows) {
      if (rows.length > 0) await db.insert(customers).values(rows);
    },
    async insertPurchases(rows) {
      if (rows.length > 0) await db.insert(purchases).values(rows);
    },
    async findProfile(organisationId, customerId) {
      const [rows, purchaseRows, visitRows] = await Promise.all([
        profileQuery.execute({ organisationId, customerId }),
        latestPurchasesQuery.execute({ organisationId, customerId }),
        visitHistory.latestOf(organisationId, customerId),
      ]);
      const [row] = rows;
      return row === undefined ? null : toProfile(row, purchaseRows, visitRows);
    },
    async listProfiles({ organisationId, homeStoreId, limit, after }) {
      const conditions = [eq(customers.organisationId, organisationId)];
      if (homeStoreId !== undefined) conditions.push(eq(customers.homeStoreId, homeStoreId));
      if (after !== undefined) conditions.push(gt(customers.id, after));
      const rows = await selectCustomers(and(...conditions))
        .orderBy(asc(customers.id))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      return {
        items: await withHistory(organisationId, page),
        nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
      };
    },
    async findProfiles(organisationId, customerIds, at = new Date()) {
      if (customerIds.length === 0) return [];
      const rows = await db
        .select({ ...customerColumns, birthMonth: customers.birthMonth })
        .from(customers)
        .leftJoin(stores, eq(stores.id, customers.homeStoreId))
        .where(
          and(eq(customers.organisationId, organisationId), inArray(customers.id, customerIds)),
        )
        .orderBy(asc(customers.id));
      const [profiles, invitations] = await Promise.all([
        withHistory(organisationId, rows),
        invitationsOfMany(db, { organisationId, customerIds: rows.map((row) => row.id), at }),
      ]);
      return profiles.map((profile, index) => ({
        ...profile,
        birthMonth: rows[index]?.birthMonth ?? null,
        invitations: invitations.get(profile.id) ?? [],
      }));
    },
  };
}

function toProfile(
  row: CustomerRow,
  purchaseRows: PurchaseRow[],
  recentVisits: VisitSummary[],
): CustomerProfile {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    tier: row.tier,
    lifetimeValue: Number(row.lifetimeValue),
    currency: row.currency,
    preferences: row.preferences,
    homeStoreId: row.homeStoreId,
    homeStoreName: row.homeStoreName,
    consent: {
      tracking: row.consentTracking,
      marketing: row.consentMarketing,
      profiling: row.consentProfiling,
    },
    notes: row.notes,
    recentPurchases: purchaseRows.map((purchase) => ({
      id: purchase.id,
      storeId: purchase.storeId,
      storeName: purchase.storeName,
      purchasedAt: new Date(purchase.purchasedAt).toISOString(),
      total: Number(purchase.total),
      currency: purchase.currency,
      lines: purchase.lines,
    })),
    recentVisits,
  };
}
