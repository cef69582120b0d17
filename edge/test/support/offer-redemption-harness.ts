import {
  buildTopic,
  type Campaign,
  type EngagementFeed,
  type IngestEvent,
  type OfferRedeemReply,
  offerRedeemReplySchema,
  phoneOfferSchema,
  topicFilter,
} from '@vitrine/shared';
import {
  buildCampaign,
  buildOffer,
  buildSegment,
} from '../../../shared/test/support/engagement-fixtures.ts';
import { cloudFeeds } from './codes.ts';
import { type AssociateClient, type Harness, startHarness } from './edge-harness.ts';
import { subscribeAll } from './mqtt-helpers.ts';
import { buildProfile } from './profiles.ts';
import { waitFor } from './wait.ts';

export const LOUNGE_CAMPAIGN = 'cmp_lounge-coffee';
export const LOUNGE_OFFER = 'off_lounge-coffee';

/** At check-in, everyone: an associate suggestion and the coffee offer on the phone. */
export const loungeCampaign: Campaign = buildCampaign({
  id: LOUNGE_CAMPAIGN,
  name: 'Lounge coffee',
  trigger: { kind: 'check-in' },
  // Every check-in delivers it again, so one customer can hold several deliveries.
  caps: {
    perCustomer: { max: 100, per: 'campaign' },
    perVisitAcrossCampaigns: 100,
    cooldownMinutes: 0,
  },
  actions: [
    { kind: 'associate-alert', suggestion: 'Offer a coffee in the lounge' },
    { kind: 'phone-offer', offerId: LOUNGE_OFFER },
  ],
});

export function loungeFeed(storeId: string, { perCustomer = 2 } = {}): EngagementFeed {
  return {
    storeId,
    version: 'v1',
    catalogue: {
      campaigns: [loungeCampaign],
      segments: [buildSegment()],
      offers: [
        buildOffer({
          id: LOUNGE_OFFER,
          code: 'LOUNGE',
          redemptionLimit: { perCustomer, total: null },
          validity: { from: '2026-01-01T00:00:00Z', until: '2027-01-01T00:00:00Z' },
        }),
      ],
      content: [],
    },
  };
}

/** Customers the cloud knows, all of them checking in for the lounge offer. */
export const customers = ['cus_000011', 'cus_000012', 'cus_000013', 'cus_000014', 'cus_000015'];

export interface OfferEdge {
  h: Harness;
  feeds: ReturnType<typeof cloudFeeds>;
  aiko: AssociateClient;
  aikoToken: string;
  /** Checks the customer in; the offer the phone got and the suggestion that names it. */
  deliverOffer(customerId: string, clientId?: string): Promise<DeliveredOffer>;
  redeemBySocket(request: unknown, by?: AssociateClient): Promise<OfferRedeemReply>;
  scanAtTill(code: string): Promise<{ status: number; body: Record<string, unknown> }>;
  ingested(kind: IngestEvent['kind']): IngestEvent[];
  close(): Promise<void>;
}

export interface DeliveredOffer {
  deliveryId: string;
  redemptionCode: string;
  suggestionDeliveryId: string | undefined;
}

/** An edge deciding with the lounge campaign, an associate connected, a phone listening. */
export async function startOfferEdge(
  options: {
    home?: { storeId: string; dataDir: string };
    now?: () => number;
    perCustomer?: number;
  } = {},
): Promise<OfferEdge> {
  const feeds = cloudFeeds();
  const h = await startHarness({
    ...(options.home ? { home: options.home } : {}),
    profiles: customers.map((id) => buildProfile({ id })),
    engagementFeed: (storeId) => loungeFeed(storeId, { perCustomer: options.perCustomer ?? 2 }),
    deps: { fetch: feeds.fetch, ...(options.now ? { now: options.now } : {}) },
  });
  await h.waitForCounter('vitrine_edge_engagement_campaigns');
  const aikoToken = await h.tokenFor('aiko');
  const aiko = await h.connectAssociate({ token: aikoToken });
  const phones = await subscribeAll(
    h.edge.mqttUrl,
    [topicFilter('phoneOffer', { store: h.storeId })],
    `phones-${h.storeId}`,
  );

  async function deliverOffer(customerId: string, clientId = `app-${customerId}`) {
    const topic = buildTopic('phoneOffer', { store: h.storeId, clientId });
    const before = phones.received.filter((m) => m.topic === topic).length;
    await h.publishCheckIn(customerId, clientId);
    const message = await waitFor(() => phones.received.filter((m) => m.topic === topic)[before], {
      what: `the offer on ${clientId}`,
    });
    const offer = phoneOfferSchema.parse(JSON.parse(String(message.payload)).data);
    if (offer.deliveryId === undefined || offer.redemptionCode === undefined) {
      throw new Error('the phone offer carries no delivery id or redemption code');
    }
    const { deliveryId } = offer;
    const suggestion = await waitFor(
      () => aiko.suggestions.find((s) => s.offer?.deliveryId === deliveryId),
      { what: 'the suggestion naming the offer' },
    );
    return {
      deliveryId,
      redemptionCode: offer.redemptionCode,
      suggestionDeliveryId: suggestion.offer?.deliveryId,
    };
  }

  return {
    h,
    feeds,
    aiko,
    aikoToken,
    deliverOffer,
    async redeemBySocket(request, by = aiko) {
      const reply: unknown = await by.socket.timeout(5000).emitWithAck('offer:redeem', request);
      return offerRedeemReplySchema.parse(reply);
    },
    async scanAtTill(code) {
      const response = await fetch(`${h.edge.httpUrl}/api/scans`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${aikoToken}` },
        body: JSON.stringify({ code }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    ingested: (kind) => feeds.ingested.filter((event) => event.kind === kind),
    async close() {
      await phones.close();
      await h.close();
    },
  };
}
