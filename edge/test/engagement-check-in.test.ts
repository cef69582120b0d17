import { campaignSuggestionSchema, type IngestEvent, ingestEventSchema } from '@vitrine/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudFeeds } from './support/codes.ts';
import { type AssociateClient, type Harness, startHarness } from './support/edge-harness.ts';
import { engagementFeed, VIP_WELCOME, vipWelcome } from './support/engagement-catalogue.ts';
import { settle, waitFor } from './support/wait.ts';

const isDelivery = (event: IngestEvent): event is Extract<IngestEvent, { kind: 'delivery' }> =>
  event.kind === 'delivery';

let h: Harness;
let aiko: AssociateClient;
const feeds = cloudFeeds();

beforeAll(async () => {
  h = await startHarness({
    deps: { fetch: feeds.fetch },
    engagementFeed: (storeId) => engagementFeed(storeId, [vipWelcome()]),
  });
  await h.waitForCounter('vitrine_edge_engagement_catalogue_syncs_total', { outcome: 'changed' });
  aiko = await h.connectAssociate({ token: await h.tokenFor('aiko') });
});
afterAll(async () => {
  await h?.close();
});

describe('a campaign answering a check-in at the edge', () => {
  it('suggests to the store’s associates what to do for a top-tier customer who checks in', async () => {
    await h.publishCheckIn('cus_000001');
    const suggestion = await waitFor(() => aiko.suggestions[0], { what: 'a suggestion' });
    expect(campaignSuggestionSchema.parse(suggestion)).toMatchObject({
      storeId: h.storeId,
      customerId: 'cus_000001',
      campaignId: VIP_WELCOME,
      suggestion: 'Offer a glass of champagne',
    });
  });

  it('suggests nothing for a customer outside the campaign’s segment', async () => {
    const before = aiko.suggestions.length;
    await h.publishCheckIn('cus_000002', 'app-2');
    await waitFor(() => aiko.alerts.find((alert) => alert.customerId === 'cus_000002'), {
      what: 'the gold customer’s arrival alert',
    });
    await h.waitForCounter('vitrine_edge_engagement_decisions_total', { outcome: 'nothing' });
    await settle(200);
    expect(aiko.suggestions).toHaveLength(before);
  });

  it('suggests once per visit however often the customer checks in', async () => {
    await h.publishCheckIn('cus_000001');
    await h.waitForCounter('vitrine_edge_engagement_decisions_total', { outcome: 'nothing' }, 2);
    await settle(200);
    expect(aiko.suggestions.filter((s) => s.customerId === 'cus_000001')).toHaveLength(1);
  });

  it('reports the suggestion to the cloud through the outbox as a delivery', async () => {
    const reported = await waitFor(() => feeds.ingested.find(isDelivery), {
      what: 'the delivery in the cloud',
    });
    // What the cloud's ingest route parses: the shared schema, as it received it.
    expect(ingestEventSchema.parse(reported)).toMatchObject({
      kind: 'delivery',
      store: h.storeId,
      data: {
        campaignId: VIP_WELCOME,
        customerId: 'cus_000001',
        action: 'associate-alert',
        trigger: 'check-in',
        outcome: 'sent',
      },
    });
    expect(aiko.suggestions[0]?.suggestionId).toContain(reported.data.decisionId);
  });
});
