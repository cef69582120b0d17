import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudFeeds } from './support/codes.ts';
import { type AssociateClient, type Harness, startHarness } from './support/edge-harness.ts';
import { engagementFeed, VIP_WELCOME, vipWelcome } from './support/engagement-catalogue.ts';
import { buildProfile } from './support/profiles.ts';
import { settle, waitFor } from './support/wait.ts';

let h: Harness;
let aiko: AssociateClient;
const feeds = cloudFeeds();

beforeAll(async () => {
  h = await startHarness({
    deps: { fetch: feeds.fetch },
    env: { EDGE_SYNC_INTERVAL_MS: '100' },
    // A second top-tier customer, in the campaign's audience as the first is.
    profiles: [buildProfile({ id: 'cus_000003', firstName: 'Kenta' })],
    engagementFeed: (storeId) =>
      engagementFeed(storeId, [vipWelcome({ budget: { maxDeliveries: 2 } })]),
  });
  await h.waitForCounter('vitrine_edge_engagement_catalogue_syncs_total', { outcome: 'changed' });
  aiko = await h.connectAssociate({ token: await h.tokenFor('aiko') });
});
afterAll(async () => {
  await h?.close();
});

describe('a campaign budget shared by the organisation’s stores', () => {
  it('delivers while the cloud counts the budget unspent, and stops once other stores spent it', async () => {
    h.cloud.state.budgetCounts = { [VIP_WELCOME]: 1 };
    await settle(300);
    await h.publishCheckIn('cus_000001');
    await waitFor(() => aiko.suggestions.find((s) => s.customerId === 'cus_000001'), {
      what: 'the suggestion while one delivery is left',
    });

    // Other stores spent the rest: this edge learns it at its next sync.
    h.cloud.state.budgetCounts = { [VIP_WELCOME]: 2 };
    await settle(300);
    await h.publishCheckIn('cus_000003', 'app-3');
    await waitFor(() => aiko.alerts.find((alert) => alert.customerId === 'cus_000003'), {
      what: 'the second customer’s arrival',
    });
    await h.waitForCounter('vitrine_edge_engagement_decisions_total', { outcome: 'nothing' });
    await settle(200);
    expect(aiko.suggestions.filter((s) => s.customerId === 'cus_000003')).toEqual([]);
  });
});
