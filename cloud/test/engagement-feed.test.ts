import {
  type EngagementFeed,
  engagementFeedSchema,
  screenContentItemSchema,
  storedCampaignSchema,
  storedOfferSchema,
  storedSegmentSchema,
} from '@vitrine/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../src/http/problem.ts';
import { engagementCallers, GINZA, RIVOLI } from './support/engagement-helpers.ts';
import { createTestCloud, type TestCloud } from './support/test-app.ts';

let cloud: TestCloud;
let callers: Awaited<ReturnType<typeof engagementCallers>>;
const ids: Record<string, string> = {};

const LOUNGE = 'zon_tokyo-ginza-lounge';
const feedOf = (storeId: string) => `/v1/stores/${storeId}/sync/engagement`;

async function create<T extends { id: string }>(
  path: string,
  body: unknown,
  schema: { safeParse(data: unknown): { success: boolean; data?: T } },
): Promise<string> {
  const response = await callers.call(path, { token: callers.marketer, method: 'POST', body });
  expect(response.status).toBe(201);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success || parsed.data === undefined) throw new Error(`unexpected body from ${path}`);
  return parsed.data.id;
}

function offer(name: string) {
  return {
    name,
    title: name,
    benefit: { kind: 'gift', description: 'A coffee in the lounge' },
    validity: { from: '2026-01-01T00:00:00Z', until: '2027-06-01T00:00:00Z' },
  };
}

function campaign(name: string, overrides: Record<string, unknown> = {}) {
  return {
    name,
    status: 'active',
    trigger: { kind: 'zone-dwell', minDwellS: 60 },
    audience: { kind: 'segment', segmentId: ids.segment },
    schedule: { from: '2026-11-01', until: '2027-01-31' },
    targets: { stores: [GINZA], zones: [LOUNGE] },
    actions: [
      { kind: 'associate-alert', suggestion: 'Offer a coffee' },
      { kind: 'phone-offer', offerId: ids.offer },
      { kind: 'screen-content', contentId: ids.content, holdS: 20, zoneId: null },
    ],
    ...overrides,
  };
}

async function fetchFeed(storeId: string, token: string): Promise<EngagementFeed> {
  const response = await callers.call(feedOf(storeId), { token });
  expect(response.status).toBe(200);
  return callers.read(response, engagementFeedSchema);
}

beforeAll(async () => {
  cloud = await createTestCloud({ customers: 5 });
  callers = await engagementCallers(cloud);
  ids.segment = await create(
    '/v1/segments',
    {
      name: 'Gold and above',
      rule: { match: 'all', conditions: [{ field: 'tier', op: 'at-least', value: 'gold' }] },
    },
    storedSegmentSchema,
  );
  ids.unusedSegment = await create(
    '/v1/segments',
    {
      name: 'Members',
      rule: { match: 'all', conditions: [{ field: 'tier', op: 'in', value: ['member'] }] },
    },
    storedSegmentSchema,
  );
  ids.offer = await create('/v1/offers', offer('Lounge coffee'), storedOfferSchema);
  ids.draftOffer = await create('/v1/offers', offer('Draft coffee'), storedOfferSchema);
  ids.content = await create(
    '/v1/content/items',
    { kind: 'image', name: 'Lounge welcome', url: 'https://cdn.example.com/lounge.jpg' },
    screenContentItemSchema,
  );
  ids.active = await create('/v1/campaigns', campaign('Lounge dwell'), storedCampaignSchema);
  ids.paused = await create(
    '/v1/campaigns',
    campaign('Lounge dwell, paused', { status: 'paused' }),
    storedCampaignSchema,
  );
  ids.everywhere = await create(
    '/v1/campaigns',
    campaign('Welcome everywhere', {
      trigger: { kind: 'store-enter' },
      audience: { kind: 'everyone' },
      targets: { stores: 'all' },
      actions: [{ kind: 'associate-alert', suggestion: 'Greet them' }],
    }),
    storedCampaignSchema,
  );
  ids.draft = await create(
    '/v1/campaigns',
    campaign('Draft dwell', {
      status: 'draft',
      audience: { kind: 'segment', segmentId: ids.unusedSegment },
      actions: [{ kind: 'phone-offer', offerId: ids.draftOffer }],
    }),
    storedCampaignSchema,
  );
  ids.archived = await create(
    '/v1/campaigns',
    campaign('Archived dwell', { status: 'archived' }),
    storedCampaignSchema,
  );
  ids.rivoliOnly = await create(
    '/v1/campaigns',
    campaign('Rivoli welcome', {
      trigger: { kind: 'store-enter' },
      targets: { stores: [RIVOLI] },
      actions: [{ kind: 'associate-alert', suggestion: 'Bonjour' }],
    }),
    storedCampaignSchema,
  );
});
afterAll(async () => {
  await cloud?.close();
});

describe('the engagement feed of a store’s edge', () => {
  it('answers the store’s own edge and refuses another store’s edge and a marketer', async () => {
    expect((await callers.call(feedOf(GINZA), { token: callers.ginzaEdge })).status).toBe(200);
    const foreign = await callers.call(feedOf(GINZA), { token: callers.rivoliEdge });
    expect(foreign.status).toBe(403);
    expect((await callers.read(foreign, problemSchema)).error.code).toBe('forbidden');
    expect((await callers.call(feedOf(GINZA), { token: callers.marketer })).status).toBe(403);
    expect((await callers.call(feedOf(GINZA), { token: callers.associate })).status).toBe(403);
    expect((await callers.call(feedOf(GINZA))).status).toBe(401);
  });

  it('names an unknown store to an admin', async () => {
    const response = await callers.call(feedOf('sto_nowhere'), { token: callers.admin });
    expect(response.status).toBe(404);
    expect((await callers.read(response, problemSchema)).error.message).toContain('sto_nowhere');
  });

  it('carries the live campaigns that target the store, with their segments, offers and content', async () => {
    const feed = await fetchFeed(GINZA, callers.ginzaEdge);
    expect(feed.storeId).toBe(GINZA);
    const campaignIds = feed.catalogue.campaigns.map((one) => one.id);
    expect(campaignIds).toEqual(expect.arrayContaining([ids.active, ids.paused, ids.everywhere]));
    for (const absent of [ids.draft, ids.archived, ids.rivoliOnly]) {
      expect(campaignIds).not.toContain(absent);
    }
    for (const one of feed.catalogue.campaigns) {
      expect(['active', 'paused']).toContain(one.status);
      expect(one.targets.stores === 'all' || one.targets.stores.includes(GINZA)).toBe(true);
    }
    const segmentIds = feed.catalogue.segments.map((one) => one.id);
    expect(segmentIds).toContain(ids.segment);
    expect(segmentIds).not.toContain(ids.unusedSegment);
    const offerIds = feed.catalogue.offers.map((one) => one.id);
    expect(offerIds).toContain(ids.offer);
    expect(offerIds).not.toContain(ids.draftOffer);
    expect(feed.catalogue.content).toEqual([
      expect.objectContaining({ id: ids.content, kind: 'image', name: 'Lounge welcome' }),
    ]);

    const rivoli = await fetchFeed(RIVOLI, callers.rivoliEdge);
    const rivoliIds = rivoli.catalogue.campaigns.map((one) => one.id);
    expect(rivoliIds).toEqual(expect.arrayContaining([ids.rivoliOnly, ids.everywhere]));
    expect(rivoliIds).not.toContain(ids.active);
    expect(rivoli.catalogue.content).toEqual([]);
  });

  it('keeps its version while nothing changes and answers 304 to the version held', async () => {
    const first = await callers.call(feedOf(GINZA), { token: callers.ginzaEdge });
    const feed = await callers.read(first, engagementFeedSchema);
    expect(first.headers.get('etag')).toBe(`"${feed.version}"`);
    expect((await fetchFeed(GINZA, callers.ginzaEdge)).version).toBe(feed.version);
    const again = await cloud.app.request(feedOf(GINZA), {
      headers: {
        authorization: `Bearer ${callers.ginzaEdge}`,
        'if-none-match': `"${feed.version}"`,
      },
    });
    expect(again.status).toBe(304);
    const stale = await cloud.app.request(feedOf(GINZA), {
      headers: { authorization: `Bearer ${callers.ginzaEdge}`, 'if-none-match': '"older"' },
    });
    expect(stale.status).toBe(200);
  });

  it('changes its version on an edit of a campaign, offer, segment or content item it carries', async () => {
    const versions = [(await fetchFeed(GINZA, callers.ginzaEdge)).version];
    const edit = async (path: string, body: unknown) => {
      const response = await callers.call(path, { token: callers.marketer, method: 'PUT', body });
      expect(response.status).toBe(200);
      versions.push((await fetchFeed(GINZA, callers.ginzaEdge)).version);
    };
    await edit(`/v1/campaigns/${ids.active}`, campaign('Lounge dwell', { priority: 400 }));
    await edit(`/v1/offers/${ids.offer}`, { ...offer('Lounge coffee'), title: 'Coffee & cake' });
    await edit(`/v1/segments/${ids.segment}`, {
      name: 'Gold and above',
      description: 'Now with a description',
      rule: { match: 'all', conditions: [{ field: 'tier', op: 'at-least', value: 'gold' }] },
    });
    await edit(`/v1/content/items/${ids.content}`, {
      kind: 'image',
      name: 'Lounge welcome',
      url: 'https://cdn.example.com/lounge-winter.jpg',
    });
    expect(new Set(versions).size).toBe(versions.length);

    // Something the store does not carry leaves the version alone.
    const before = versions.at(-1);
    await callers.call(`/v1/campaigns/${ids.draft}`, {
      token: callers.marketer,
      method: 'PUT',
      body: campaign('Draft dwell, renamed', {
        status: 'draft',
        audience: { kind: 'segment', segmentId: ids.unusedSegment },
        actions: [{ kind: 'phone-offer', offerId: ids.draftOffer }],
      }),
    });
    expect((await fetchFeed(GINZA, callers.ginzaEdge)).version).toBe(before);
  });
});
