import { storedCampaignSchema, storedOfferSchema } from '@vitrine/shared';
import { expect } from 'vitest';
import { customers, organisations } from '../../src/db/schema.ts';
import { eventInvitations, events } from '../../src/db/schema-events.ts';
import { ingestedEvents } from '../../src/db/schema-ingest.ts';
import {
  DEMO_ORG,
  type engagementCallers,
  GINZA,
  insertKnownCustomers,
  RIVOLI,
} from './engagement-helpers.ts';
import { SEED_NOW, type TestCloud } from './test-app.ts';

export const GOLD = 'cus_sim-gold';
export const MEMBER = 'cus_sim-member';
export const FOREIGN = 'cus_sim-foreign';
export const LOUNGE = 'zon_tokyo-ginza-lounge';
export const FLOOR = 'zon_tokyo-ginza-floor';
export const LAUNCH = 'evt_sim-launch';
/** A Saturday, 12:00 in Tokyo; December, the gold customer's birth month. */
export const GINZA_NOON = '2026-12-05T03:00:00Z';
export const DAY = 86_400_000;

type Callers = Awaited<ReturnType<typeof engagementCallers>>;

async function createCampaign(
  callers: Callers,
  name: string,
  fields: Record<string, unknown>,
): Promise<string> {
  const response = await callers.call('/v1/campaigns', {
    token: callers.marketer,
    method: 'POST',
    body: {
      name,
      status: 'active',
      audience: { kind: 'everyone' },
      schedule: { from: '2026-10-01', until: '2027-03-31' },
      targets: { stores: [GINZA] },
      actions: [{ kind: 'associate-alert', suggestion: name }],
      ...fields,
    },
  });
  expect(response.status).toBe(201);
  return (await callers.read(response, storedCampaignSchema)).id;
}

function inEvent(id: string, status: 'scheduled' | 'cancelled', endsAt: Date) {
  const startsAt = new Date(endsAt.getTime() - 2 * 3_600_000);
  return {
    id,
    organisationId: DEMO_ORG,
    name: id,
    kind: 'launch',
    status,
    storeIds: [GINZA],
    startsAt: '2026-12-10T18:00',
    endsAt: '2026-12-10T20:00',
    sessions: [
      {
        storeId: GINZA,
        timeZone: 'Asia/Tokyo',
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
      },
    ],
    firstStartsAt: startsAt,
    capacity: 40,
  };
}

/** Two known customers with visits, a birth month and invitations, and one of another house. */
export async function insertSimulationCustomers(cloud: TestCloud) {
  await insertKnownCustomers(cloud, 'simulated', [
    {
      id: GOLD,
      tier: 'gold',
      lifetimeValue: 20_000,
      preferences: [],
      homeStoreId: GINZA,
      birthMonth: 12,
      // Before the simulated instant: 10 and 40 days before SEED_NOW at Ginza, 20 at Rivoli;
      // after it: one in late December, which the simulation must not count.
      visits: [
        { storeId: GINZA, daysAgo: 10 },
        { storeId: GINZA, daysAgo: 40 },
        { storeId: RIVOLI, daysAgo: 20 },
        { storeId: GINZA, daysAgo: -55 },
      ],
    },
    {
      id: MEMBER,
      tier: 'member',
      lifetimeValue: 100,
      preferences: [],
      homeStoreId: null,
      birthMonth: null,
    },
  ]);
  const db = cloud.database.db;
  const at = Date.parse(GINZA_NOON);
  await db
    .insert(events)
    .values([
      inEvent(LAUNCH, 'scheduled', new Date(at + 5 * DAY)),
      inEvent('evt_sim-cancelled', 'cancelled', new Date(at + 5 * DAY)),
      inEvent('evt_sim-over', 'scheduled', new Date(at - DAY)),
    ]);
  await db.insert(eventInvitations).values(
    [LAUNCH, 'evt_sim-cancelled', 'evt_sim-over'].map((eventId) => ({
      eventId,
      customerId: GOLD,
      storeId: GINZA,
      invitedVia: 'direct' as const,
      invitedAt: SEED_NOW,
      rsvpCode: `rsvp-${eventId}`,
    })),
  );
  await db.insert(organisations).values({ id: 'org_sim-other', name: 'Another house' });
  await db.insert(customers).values({
    id: FOREIGN,
    organisationId: 'org_sim-other',
    firstName: 'Other',
    lastName: 'House',
    tier: 'platinum',
    currency: 'EUR',
  });
}

/** The campaigns the simulation explains, each answering one kind of situation. */
export async function insertSimulationCampaigns(callers: Callers) {
  const offer = await callers.call('/v1/offers', {
    token: callers.marketer,
    method: 'POST',
    body: {
      name: 'Birthday gift',
      title: 'A gift for your birthday',
      benefit: { kind: 'gift', description: 'A leather card case' },
      validity: { from: '2026-01-01T00:00:00Z', until: '2027-06-01T00:00:00Z' },
    },
  });
  const offerId = (await callers.read(offer, storedOfferSchema)).id;
  const welcome = await createCampaign(callers, 'Welcome', {
    trigger: { kind: 'store-enter' },
    priority: 500,
  });
  const birthday = await createCampaign(callers, 'Birthday gift', {
    trigger: { kind: 'store-enter' },
    audience: {
      kind: 'rule',
      rule: { match: 'all', conditions: [{ field: 'birthdayMonth', op: 'is-current' }] },
    },
    priority: 300,
    actions: [{ kind: 'phone-offer', offerId }],
  });
  const regular = await createCampaign(callers, 'Regular of the store', {
    trigger: { kind: 'store-enter' },
    audience: {
      kind: 'rule',
      rule: {
        match: 'all',
        conditions: [{ field: 'visitCount', op: 'gte', value: 3, scope: 'this-store' }],
      },
    },
    priority: 200,
    caps: { perVisitAcrossCampaigns: 2 },
  });
  const draft = await createCampaign(callers, 'Not yet', {
    trigger: { kind: 'store-enter' },
    status: 'draft',
  });
  const lounge = await createCampaign(callers, 'Lounge dwell', {
    trigger: { kind: 'zone-dwell', minDwellS: 30 },
    audience: {
      kind: 'rule',
      rule: { match: 'all', conditions: [{ field: 'tier', op: 'at-least', value: 'gold' }] },
    },
    targets: { stores: [GINZA], zones: [LOUNGE] },
  });
  const launch = await createCampaign(callers, 'Launch guests', {
    trigger: { kind: 'event-attendance', eventId: LAUNCH },
    audience: {
      kind: 'rule',
      rule: { match: 'all', conditions: [{ field: 'eventInvitee', op: 'in', value: [LAUNCH] }] },
    },
  });
  const evening = await createCampaign(callers, 'Rivoli evening', {
    trigger: { kind: 'store-enter' },
    schedule: {
      from: '2026-10-20',
      until: '2026-10-31',
      windows: [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '18:00', end: '20:00' },
      ],
    },
    targets: { stores: [RIVOLI] },
  });
  // Entering the lounge: campaigns whose caps, cooldown and budget read past deliveries.
  const inLounge = {
    trigger: { kind: 'zone-enter' },
    targets: { stores: [GINZA], zones: [LOUNGE] },
  };
  const weekly = await createCampaign(callers, 'Weekly lounge coffee', {
    ...inLounge,
    caps: { perCustomer: { max: 1, per: 'week' } },
    priority: 150,
  });
  const limited = await createCampaign(callers, 'Limited lounge gift', {
    ...inLounge,
    budget: { maxDeliveries: 2 },
    priority: 140,
  });
  const cooled = await createCampaign(callers, 'Lounge tasting', {
    ...inLounge,
    caps: { perCustomer: { max: 10, per: 'day' }, cooldownMinutes: 120 },
    priority: 130,
  });
  const spent = await createCampaign(callers, 'Last lounge gift', {
    ...inLounge,
    budget: { maxDeliveries: 1 },
    priority: 120,
  });
  return {
    welcome,
    birthday,
    regular,
    draft,
    lounge,
    launch,
    evening,
    weekly,
    limited,
    cooled,
    spent,
  };
}

/** Deliveries as edges report them: one `delivery` fact per action of a decision. */
export async function insertDeliveries(
  cloud: TestCloud,
  rows: { decision: string; campaignId: string; customerId: string; at: Date; actions: string[] }[],
) {
  await cloud.database.db.insert(ingestedEvents).values(
    rows.flatMap(({ decision, campaignId, customerId, at, actions }) =>
      actions.map((action) => ({
        id: `${decision}-${action}`,
        storeId: GINZA,
        kind: 'delivery',
        occurredAt: at,
        customerId,
        payload: {
          decisionId: decision,
          campaignId,
          customerId,
          action,
          trigger: 'zone-enter',
          zoneId: LOUNGE,
          offerId: null,
          contentId: null,
          outcome: 'sent',
        },
      })),
    ),
  );
}
