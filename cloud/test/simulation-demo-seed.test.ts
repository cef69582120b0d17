import { engagementFeedSchema, loginResponseSchema, simulationResultSchema } from '@vitrine/shared';
import { and, asc, eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCloudApp } from '../src/app.ts';
import { createSigningKeyRepository } from '../src/auth/signing-key-repository.ts';
import { loadSigningKeys } from '../src/auth/signing-keys.ts';
import { campaignReferenceProblems } from '../src/campaigns/campaign-references.ts';
import type { DatabaseHandle } from '../src/db/database.ts';
import { customers } from '../src/db/schema.ts';
import { eventInvitations } from '../src/db/schema-events.ts';
import { createCloudMetrics } from '../src/observability/cloud-metrics.ts';
import { createOfferRepository } from '../src/offers/offer-repository.ts';
import { DEMO_LAUNCH_EVENT, demoEngagement } from '../src/seed/domain/demo-engagement.ts';
import { DEMO_ORGANISATION, DEMO_STORES } from '../src/seed/domain/demo-facts.ts';
import { seedDemo } from '../src/seed/seed-demo.ts';
import { createSegmentRepository } from '../src/segments/segment-repository.ts';
import { createStoreRepository } from '../src/stores/store-repository.ts';
import { createTestDatabase } from './support/test-database.ts';

/** A Thursday; the demo is dated from the instant it is seeded. */
const NOW = new Date('2026-12-03T02:00:00.000Z');
const GINZA = 'sto_tokyo-ginza';

let database: DatabaseHandle;
let app: ReturnType<typeof createCloudApp>;
let token: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, { customers: 60, now: NOW, engagement: true });
  const keys = await loadSigningKeys(createSigningKeyRepository(database.db), { now: () => NOW });
  app = createCloudApp({
    db: database.db,
    keys,
    logger: pino({ level: 'silent' }),
    metrics: createCloudMetrics({ defaultMetrics: false }),
    now: () => NOW,
  });
  const login = await app.request('/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@vitrine.demo', password: 'vitrine-demo' }),
  });
  token = loginResponseSchema.parse(await login.json()).token;
});
afterAll(async () => {
  await database?.close();
});

async function call(path: string, body?: unknown) {
  return app.request(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** A demo customer of the tier with every consent, and with a birthday this month or not. */
async function demoCustomer(tier: 'gold' | 'platinum' | 'member' | 'silver', birthday: boolean) {
  const rows = await database.db
    .select({ id: customers.id, birthMonth: customers.birthMonth })
    .from(customers)
    .where(
      and(
        eq(customers.organisationId, DEMO_ORGANISATION.id),
        eq(customers.tier, tier),
        eq(customers.consentTracking, true),
        eq(customers.consentMarketing, true),
        eq(customers.consentProfiling, true),
      ),
    )
    .orderBy(asc(customers.id));
  const found = rows.find((row) => (row.birthMonth === NOW.getUTCMonth() + 1) === birthday);
  if (found === undefined) throw new Error(`the demo has no ${tier} customer to try`);
  return found.id;
}

async function simulate(customerId: string, event: Record<string, unknown>) {
  const response = await call('/v1/simulation', {
    customerId,
    storeId: GINZA,
    at: '2026-12-03T03:00:00Z',
    event,
  });
  expect(response.status).toBe(200);
  return simulationResultSchema.parse(await response.json());
}

describe('the demo seed’s engagement', () => {
  it('writes campaigns the API itself would accept, each targeting demo stores', async () => {
    const stores = await createStoreRepository(database.db).listStores(DEMO_ORGANISATION.id);
    const lookups = {
      segments: createSegmentRepository(database.db),
      offers: createOfferRepository(database.db),
      stores,
    };
    const { campaigns } = demoEngagement(NOW);
    expect(campaigns.length).toBeGreaterThanOrEqual(4);
    for (const campaign of campaigns) {
      const problems = await campaignReferenceProblems(
        DEMO_ORGANISATION.id,
        campaign,
        lookups,
        NOW,
      );
      expect(problems, campaign.id).toEqual([]);
    }
  });

  it('invites to the launch only gold and platinum clients who consented, each with a secret link', async () => {
    const guests = await database.db
      .select({
        tier: customers.tier,
        marketing: customers.consentMarketing,
        profiling: customers.consentProfiling,
        code: eventInvitations.rsvpCode,
      })
      .from(eventInvitations)
      .innerJoin(customers, eq(customers.id, eventInvitations.customerId))
      .where(eq(eventInvitations.eventId, DEMO_LAUNCH_EVENT));
    expect(guests.length).toBeGreaterThan(0);
    for (const guest of guests) {
      expect(['gold', 'platinum']).toContain(guest.tier);
      expect(guest.marketing && guest.profiling).toBe(true);
      expect(guest.code).toMatch(/^rsvp_[0-9a-f]{32}$/);
    }
  });

  it('reaches every demo store’s edge: its VIP welcome, the counter dwell, the birthday gift and the launch', async () => {
    for (const store of DEMO_STORES) {
      const response = await call(`/v1/stores/${store.id}/sync/engagement`);
      const feed = engagementFeedSchema.parse(await response.json());
      expect(feed.catalogue.campaigns.map((one) => one.id).sort()).toEqual(
        [
          `cmp_demo-vip-welcome-${store.slug}`,
          'cmp_demo-counter-dwell',
          'cmp_demo-birthday',
          'cmp_demo-launch-guests',
        ].sort(),
      );
      expect(feed.catalogue.offers).toHaveLength(2);
      expect(feed.catalogue.content.map((one) => one.id)).toEqual(['cnt_demo-counter-card']);
    }
  });

  it('welcomes a platinum client with their personal associate and the launch they are invited to', async () => {
    const result = await simulate(await demoCustomer('platinum', false), { kind: 'check-in' });
    expect(result.facts.invitedEventIds).toEqual([DEMO_LAUNCH_EVENT]);
    expect(result.chosen).toEqual([
      { campaignId: 'cmp_demo-vip-welcome-tokyo-ginza', deliveries: ['associate-alert'] },
      {
        campaignId: 'cmp_demo-launch-guests',
        deliveries: ['associate-alert', 'event-invitation'],
      },
    ]);
  });

  it('gives a birthday gift in the birth month and the counter offer after 30 s there', async () => {
    const born = await demoCustomer('member', true);
    const checkIn = await simulate(born, { kind: 'check-in' });
    expect(checkIn.facts.birthMonth).toBe(12);
    expect(checkIn.chosen).toEqual([
      { campaignId: 'cmp_demo-birthday', deliveries: ['phone-offer'] },
    ]);
    const counter = 'zon_tokyo-ginza-counter';
    const dwell = await simulate(born, { kind: 'zone-dwell', zoneId: counter, dwellS: 30 });
    expect(dwell.chosen).toEqual([
      {
        campaignId: 'cmp_demo-counter-dwell',
        deliveries: ['associate-alert', 'phone-offer', 'screen-content'],
      },
    ]);
  });
});
