import { customers, purchases, visits } from '../../src/db/schema.ts';
import { eventInvitations, events } from '../../src/db/schema-events.ts';
import { createCaller } from './sync-helpers.ts';
import { loginAs, SEED_NOW, type TestCloud } from './test-app.ts';

export const DEMO_ORG = 'org_maison-demo';
export const GINZA = 'sto_tokyo-ginza';
export const RIVOLI = 'sto_paris-rivoli';
const DAY = 86_400_000;

/** The callers every engagement test needs: office roles, an associate and two edges. */
export async function engagementCallers(cloud: TestCloud) {
  const caller = createCaller(cloud);
  const admin = await loginAs(cloud, 'admin@vitrine.demo');
  return {
    ...caller,
    admin,
    marketer: await loginAs(cloud, 'marketer@vitrine.demo'),
    associate: await loginAs(cloud, 'aiko@vitrine.demo'),
    ginzaEdge: await caller.edgeToken(admin, GINZA),
    rivoliEdge: await caller.edgeToken(admin, RIVOLI),
  };
}

export interface KnownCustomer {
  id: string;
  tier: 'member' | 'silver' | 'gold' | 'platinum';
  lifetimeValue: number;
  preferences: string[];
  homeStoreId: string | null;
  birthMonth: number | null;
  consent?: { profiling: boolean; marketing: boolean };
  /** Days before SEED_NOW of each visit, and where. */
  visits?: { storeId: string; daysAgo: number }[];
  /** Categories of the latest purchase, and of an older one. */
  latestCategories?: string[];
  olderCategories?: string[];
  invitedTo?: string[];
}

/**
 * Customers with known attributes beside the generated demo ones: each carries the marker
 * preference, so a rule `preferences includes-any [marker]` selects them only.
 */
export async function insertKnownCustomers(
  cloud: TestCloud,
  marker: string,
  rows: KnownCustomer[],
) {
  const db = cloud.database.db;
  const at = (daysAgo: number) => new Date(SEED_NOW.getTime() - daysAgo * DAY);
  await db.insert(customers).values(
    rows.map((row) => ({
      id: row.id,
      organisationId: DEMO_ORG,
      firstName: 'Known',
      lastName: row.id,
      email: null,
      phone: null,
      tier: row.tier,
      lifetimeValue: row.lifetimeValue,
      currency: 'EUR',
      preferences: [marker, ...row.preferences],
      homeStoreId: row.homeStoreId,
      consentTracking: true,
      consentMarketing: row.consent?.marketing ?? true,
      consentProfiling: row.consent?.profiling ?? true,
      birthMonth: row.birthMonth,
    })),
  );
  const visitRows = rows.flatMap((row) =>
    (row.visits ?? []).map((visit, index) => ({
      id: `vis_${row.id}-${index}`,
      organisationId: DEMO_ORG,
      customerId: row.id,
      storeId: visit.storeId,
      visitedAt: at(visit.daysAgo),
      method: 'app',
    })),
  );
  if (visitRows.length > 0) await db.insert(visits).values(visitRows);
  const purchaseRows = rows.flatMap((row) => {
    const made = [
      { categories: row.latestCategories, daysAgo: 5 },
      { categories: row.olderCategories, daysAgo: 90 },
    ];
    return made.flatMap(({ categories, daysAgo }) =>
      categories === undefined
        ? []
        : [
            {
              id: `pur_${row.id}-${daysAgo}`,
              customerId: row.id,
              storeId: GINZA,
              purchasedAt: at(daysAgo),
              total: 100,
              currency: 'EUR',
              lines: categories.map((category, index) => ({
                sku: `SKU-${index}`,
                name: category,
                category,
                quantity: 1,
                unitPrice: 100,
              })),
              itemCount: categories.length,
            },
          ],
    );
  });
  if (purchaseRows.length > 0) await db.insert(purchases).values(purchaseRows);
  const invited = rows.flatMap((row) =>
    (row.invitedTo ?? []).map((eventId) => ({ eventId, customerId: row.id })),
  );
  if (invited.length === 0) return;
  // A week after SEED_NOW, 19:00–21:00 in Tokyo.
  const session = {
    storeId: GINZA,
    timeZone: 'Asia/Tokyo',
    startsAt: '2026-11-08T10:00:00.000Z',
    endsAt: '2026-11-08T12:00:00.000Z',
  };
  await db
    .insert(events)
    .values(
      [...new Set(invited.map((invitation) => invitation.eventId))].map((id) => ({
        id,
        organisationId: DEMO_ORG,
        name: id,
        kind: 'launch',
        status: 'scheduled' as const,
        storeIds: [GINZA],
        startsAt: '2026-11-08T19:00',
        endsAt: '2026-11-08T21:00',
        sessions: [session],
        firstStartsAt: new Date(session.startsAt),
        capacity: 50,
      })),
    )
    .onConflictDoNothing();
  await db.insert(eventInvitations).values(
    invited.map((invitation) => ({
      ...invitation,
      storeId: GINZA,
      invitedVia: 'direct' as const,
      invitedAt: at(1),
      rsvpCode: `rsvp_${invitation.customerId}-${invitation.eventId}`,
    })),
  );
}
