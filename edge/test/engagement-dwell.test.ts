import {
  buildTopic,
  createEnvelope,
  type IngestEvent,
  phoneOfferSchema,
  type RangingReport,
} from '@vitrine/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRANCE_BEACON, testLayoutInput } from './presence/support/store-layouts.ts';
import { cloudFeeds } from './support/codes.ts';
import { type Harness, startHarness } from './support/edge-harness.ts';
import {
  COFFEE_OFFER,
  DWELL_CONTENT,
  DWELL_OFFER,
  dwellOffer,
  engagementFeed,
  screenMessageOf,
  VIP_SEGMENT,
} from './support/engagement-catalogue.ts';
import { type Received, subscribeAll } from './support/mqtt-helpers.ts';
import { proofFor } from './support/passes.ts';
import { buildProfile } from './support/profiles.ts';
import { settle, uniqueSuffix, waitFor } from './support/wait.ts';

const ZONE = 'zon_test-entrance';
const NO_MARKETING = 'cus_000003';

/** The edge's clock: the test moves it, so thirty seconds of dwell take a second. */
let clock = Date.now();
let h: Harness;
let received: Received[];
let closeListener: () => Promise<unknown>;
const feeds = cloudFeeds();

beforeAll(async () => {
  const suffix = uniqueSuffix();
  h = await startHarness({
    env: { EDGE_PRESENCE_TICK_MS: '100' },
    deps: { fetch: feeds.fetch, now: () => clock },
    layout: (storeId) => testLayoutInput(storeId, suffix),
    profiles: [
      buildProfile({
        id: NO_MARKETING,
        firstName: 'Ines',
        consent: { tracking: true, marketing: false, profiling: true },
      }),
    ],
    engagementFeed: (storeId) => engagementFeed(storeId, [dwellOffer(ZONE)]),
  });
  await h.waitForCounter('vitrine_edge_engagement_catalogue_syncs_total', { outcome: 'changed' });
  const listener = await subscribeAll(
    h.edge.mqttUrl,
    [
      buildTopic('zoneScreen', { store: h.storeId, zone: ZONE }),
      buildTopic('phoneOffer', { store: h.storeId, clientId: 'app-1' }),
      buildTopic('phoneOffer', { store: h.storeId, clientId: 'app-3' }),
    ],
    `listener-${suffix}`,
  );
  received = listener.received;
  closeListener = listener.close;
});
afterAll(async () => {
  await closeListener?.();
  await h?.close();
});

/** The customer's app ranges the entrance beacon every two seconds for `seconds`. */
async function dwell(customerId: string, clientId: string, seconds: number) {
  const app = await h.appOf(customerId);
  for (let elapsed = 0; elapsed <= seconds; elapsed += 2) {
    const report: RangingReport = {
      pass: app.pass,
      proof: await proofFor(app, h.storeId, clock),
      clientId,
      beacons: [{ beaconId: ENTRANCE_BEACON, rssi: -58 }],
    };
    await h.publishRaw(
      buildTopic('rangingReport', { store: h.storeId, clientId }),
      JSON.stringify(createEnvelope(h.storeId, report, { at: new Date(clock) })),
    );
    await settle(120);
    clock += 2000;
  }
}

function deliveriesOf(customerId: string) {
  return feeds.ingested.filter(
    (event): event is Extract<IngestEvent, { kind: 'delivery' }> =>
      event.kind === 'delivery' && event.data.customerId === customerId,
  );
}

const offersTo = (clientId: string) =>
  received.filter((m) => m.topic === buildTopic('phoneOffer', { store: h.storeId, clientId }));
const screenMessages = () =>
  received.filter((m) => m.topic === buildTopic('zoneScreen', { store: h.storeId, zone: ZONE }));

describe('a consenting customer who dwells thirty seconds in a zone', () => {
  it('gets the offer on their phone and the zone’s screens play the segment’s content', async () => {
    await h.publishCheckIn('cus_000001', 'app-1', new Date(clock));
    await dwell('cus_000001', 'app-1', 34);
    const [offer] = await waitFor(
      () => (offersTo('app-1').length > 0 ? offersTo('app-1') : undefined),
      {
        what: 'the offer on the phone',
      },
    );
    expect(phoneOfferSchema.parse(JSON.parse(String(offer?.payload)).data)).toMatchObject({
      offerId: COFFEE_OFFER,
      code: 'COFFEE-1',
    });
    expect(offer?.qos).toBe(1);
    const [screen] = await waitFor(
      () => (screenMessages().length > 0 ? screenMessages() : undefined),
      {
        what: 'the zone screen message',
      },
    );
    expect(screenMessageOf(String(screen?.payload))).toEqual({
      storeId: h.storeId,
      zoneId: ZONE,
      contentId: DWELL_CONTENT,
      campaignId: DWELL_OFFER,
      segmentId: VIP_SEGMENT,
      holdS: 20,
      issuedAt: expect.any(String),
    });
  });

  it('reports both deliveries to the cloud through the outbox', async () => {
    const reported = await waitFor(
      () => (deliveriesOf('cus_000001').length === 2 ? deliveriesOf('cus_000001') : undefined),
      { what: 'two deliveries in the cloud' },
    );
    expect(reported.map((event) => [event.data.action, event.data.outcome]).sort()).toEqual([
      ['phone-offer', 'sent'],
      ['screen-content', 'sent'],
    ]);
    expect(reported.every((event) => event.data.trigger === 'zone-dwell')).toBe(true);
  });
});

describe('a customer who has not consented to marketing', () => {
  it('gets no offer on their phone; the zone’s screens still play the content', async () => {
    const screensBefore = screenMessages().length;
    await h.publishCheckIn(NO_MARKETING, 'app-3', new Date(clock));
    await dwell(NO_MARKETING, 'app-3', 34);
    const reported = await waitFor(
      () => (deliveriesOf(NO_MARKETING).length > 0 ? deliveriesOf(NO_MARKETING) : undefined),
      { what: 'the screen delivery in the cloud' },
    );
    await settle(200);
    expect(reported.map((event) => event.data.action)).toEqual(['screen-content']);
    expect(screenMessages().length).toBe(screensBefore + 1);
    expect(offersTo('app-3')).toEqual([]);
  });
});
