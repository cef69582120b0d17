import { budgetCountsSchema, storedCampaignSchema } from '@vitrine/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestedEvents } from '../src/db/schema-ingest.ts';
import { engagementCallers, GINZA, RIVOLI } from './support/engagement-helpers.ts';
import { createTestCloud, type TestCloud } from './support/test-app.ts';

let cloud: TestCloud;
let callers: Awaited<ReturnType<typeof engagementCallers>>;
const budgetsOf = (storeId: string) => `/v1/stores/${storeId}/sync/budgets`;

async function createCampaign(name: string, budget: number | null, stores: string[] | 'all') {
  const response = await callers.call('/v1/campaigns', {
    token: callers.marketer,
    method: 'POST',
    body: {
      name,
      status: 'active',
      trigger: { kind: 'store-enter' },
      audience: { kind: 'everyone' },
      schedule: { from: '2026-10-01', until: '2027-01-31' },
      targets: { stores, zones: 'all' },
      budget: { maxDeliveries: budget },
      actions: [{ kind: 'associate-alert', suggestion: 'Welcome them' }],
    },
  });
  if (response.status !== 201) throw new Error(await response.text());
  return (await callers.read(response, storedCampaignSchema)).id;
}

let sequence = 0;
/** Before the test cloud's clock (SEED_NOW): the counts are of what edges reported so far. */
/** One decision of an edge that delivered the campaign, reported once per action. */
function decision(storeId: string, campaignId: string, at: string, actions = 1) {
  sequence += 1;
  return Array.from({ length: actions }, (_, index) => ({
    id: `delivery:dec${sequence}-${index}`,
    storeId,
    kind: 'delivery',
    occurredAt: new Date(at),
    customerId: 'cus_000001',
    payload: {
      decisionId: `dec${sequence}`,
      campaignId,
      customerId: 'cus_000001',
      action: index === 0 ? 'associate-alert' : 'screen-content',
      trigger: 'store-enter',
      zoneId: null,
      offerId: null,
      contentId: null,
      outcome: 'sent',
    },
  }));
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  cloud = await createTestCloud({ customers: 2 });
  callers = await engagementCallers(cloud);
  ids.everywhere = await createCampaign('Welcome, budgeted', 100, 'all');
  ids.paris = await createCampaign('Paris only, budgeted', 5, [RIVOLI]);
  ids.unbudgeted = await createCampaign('Welcome, no budget', null, 'all');
  await cloud.database.db
    .insert(ingestedEvents)
    .values([
      ...decision(GINZA, ids.everywhere, '2026-10-30T01:00:00Z', 2),
      ...decision(GINZA, ids.everywhere, '2026-10-30T02:00:00Z'),
      ...decision(RIVOLI, ids.everywhere, '2026-10-30T09:00:00Z'),
      ...decision(RIVOLI, ids.paris, '2026-10-30T09:00:00Z'),
      ...decision(GINZA, ids.unbudgeted, '2026-10-30T03:00:00Z'),
    ]);
}, 120_000);

afterAll(async () => {
  await cloud?.close();
});

describe('the budget counts of a store’s edge', () => {
  it('counts each budgeted campaign that targets the store once per decision, in every store', async () => {
    const response = await callers.call(budgetsOf(GINZA), { token: callers.ginzaEdge });
    expect(response.status).toBe(200);
    const counts = await callers.read(response, budgetCountsSchema);
    expect(counts.storeId).toBe(GINZA);
    // Two decisions at Ginza (one with two actions) and one at Rivoli; no unbudgeted or
    // Paris-only campaign.
    expect(counts.spent).toEqual({ [ids.everywhere as string]: 3 });
  });

  it('gives a store the campaigns targeting it alone as well', async () => {
    const response = await callers.call(budgetsOf(RIVOLI), { token: callers.rivoliEdge });
    const counts = await callers.read(response, budgetCountsSchema);
    expect(counts.spent).toEqual({ [ids.everywhere as string]: 3, [ids.paris as string]: 1 });
  });

  it('answers only the store’s own edge or an admin', async () => {
    expect((await callers.call(budgetsOf(GINZA), { token: callers.rivoliEdge })).status).toBe(403);
    expect((await callers.call(budgetsOf(GINZA), { token: callers.marketer })).status).toBe(403);
    expect((await callers.call(budgetsOf(GINZA), { token: callers.admin })).status).toBe(200);
    expect((await callers.call(budgetsOf('sto_nowhere'), { token: callers.admin })).status).toBe(
      404,
    );
  });
});
