import {
  campaignPageSchema,
  storedCampaignSchema,
  storedOfferSchema,
  storedSegmentSchema,
} from '@vitrine/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../src/http/problem.ts';
import { engagementCallers, GINZA, RIVOLI } from './support/engagement-helpers.ts';
import { createTestCloud, SEED_NOW, type TestCloud } from './support/test-app.ts';

let cloud: TestCloud;
let callers: Awaited<ReturnType<typeof engagementCallers>>;
let segmentId: string;
let offerId: string;
let expiredOfferId: string;

const LOUNGE = 'zon_tokyo-ginza-lounge';

async function post(path: string, body: unknown) {
  return callers.call(path, { token: callers.marketer, method: 'POST', body });
}

function offer(name: string, until: string) {
  return {
    name,
    title: name,
    benefit: { kind: 'gift', description: 'A coffee in the lounge' },
    validity: { from: '2026-01-01T00:00:00Z', until },
  };
}

beforeAll(async () => {
  cloud = await createTestCloud({ customers: 10 });
  callers = await engagementCallers(cloud);
  const segment = await post('/v1/segments', {
    name: 'Gold and above',
    rule: { match: 'all', conditions: [{ field: 'tier', op: 'at-least', value: 'gold' }] },
  });
  segmentId = (await callers.read(segment, storedSegmentSchema)).id;
  offerId = (
    await callers.read(
      await post('/v1/offers', offer('Lounge coffee', '2027-01-01T00:00:00Z')),
      storedOfferSchema,
    )
  ).id;
  expiredOfferId = (
    await callers.read(
      await post('/v1/offers', offer('Summer coffee', '2026-09-01T00:00:00Z')),
      storedOfferSchema,
    )
  ).id;
  expect(SEED_NOW.toISOString() > '2026-09-01').toBe(true);
});
afterAll(async () => {
  await cloud?.close();
});

function loungeDwell(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Lounge dwell coffee',
    trigger: { kind: 'zone-dwell', minDwellS: 120 },
    audience: { kind: 'segment', segmentId },
    schedule: {
      from: '2026-11-01',
      until: '2026-12-31',
      windows: [{ days: ['fri', 'sat'], start: '11:00', end: '19:00' }],
    },
    targets: { stores: [GINZA], zones: [LOUNGE] },
    caps: { perCustomer: { max: 1, per: 'week' }, cooldownMinutes: 60 },
    priority: 300,
    budget: { maxDeliveries: 500 },
    actions: [
      { kind: 'associate-alert', suggestion: 'Offer a coffee' },
      { kind: 'phone-offer', offerId },
    ],
    ...overrides,
  };
}

async function problemPaths(response: Response) {
  expect(response.status).toBe(400);
  return (await callers.read(response, problemSchema)).error.fields?.map((field) => field.path);
}

describe('campaigns', () => {
  it('are created as drafts, activated with a new version, and filtered by store, status and trigger', async () => {
    const created = await post('/v1/campaigns', loungeDwell());
    expect(created.status).toBe(201);
    const draft = await callers.read(created, storedCampaignSchema);
    expect(draft).toMatchObject({ status: 'draft', version: 1, exclusive: false, priority: 300 });

    const activated = await callers.call(`/v1/campaigns/${draft.id}`, {
      token: callers.marketer,
      method: 'PUT',
      body: loungeDwell({ status: 'active' }),
    });
    expect(await callers.read(activated, storedCampaignSchema)).toMatchObject({
      status: 'active',
      version: 2,
    });

    const list = async (query: string) =>
      (
        await callers.read(
          await callers.call(`/v1/campaigns?${query}`, { token: callers.admin }),
          campaignPageSchema,
        )
      ).items.map((item) => item.id);
    expect(await list(`status=active&storeId=${GINZA}&triggerKind=zone-dwell`)).toEqual([draft.id]);
    expect(await list(`storeId=${RIVOLI}`)).not.toContain(draft.id);
    expect(await list('status=draft')).not.toContain(draft.id);
    expect(await list(`segmentId=${segmentId}&offerId=${offerId}&q=lounge`)).toEqual([draft.id]);

    const segmentArchive = await post(`/v1/segments/${segmentId}/archive`, undefined);
    expect(segmentArchive.status).toBe(409);
    const offerArchive = await post(`/v1/offers/${offerId}/archive`, undefined);
    expect(offerArchive.status).toBe(409);
  });

  it('names each reference it cannot find', async () => {
    const response = await post(
      '/v1/campaigns',
      loungeDwell({
        audience: { kind: 'segment', segmentId: 'seg_unknown' },
        targets: { stores: [GINZA, 'sto_nowhere'], zones: ['zon_paris-rivoli-lounge'] },
        actions: [
          { kind: 'screen-content', contentId: 'cnt_loop', zoneId: 'zon_atlantis' },
          { kind: 'phone-offer', offerId: 'off_unknown' },
        ],
      }),
    );
    expect(await problemPaths(response)).toEqual([
      'audience.segmentId',
      'targets.stores.1',
      'targets.zones.0',
      'actions.0.zoneId',
      'actions.1.offerId',
    ]);
  });

  it('keeps an expired offer out of an active campaign, not out of a draft', async () => {
    const actions = [{ kind: 'phone-offer', offerId: expiredOfferId }];
    const active = await post('/v1/campaigns', loungeDwell({ status: 'active', actions }));
    expect(await problemPaths(active)).toEqual(['actions.0.offerId']);
    const draft = await post('/v1/campaigns', loungeDwell({ actions }));
    expect(draft.status).toBe(201);
  });

  it('names the field of a campaign the shared schema refuses', async () => {
    const cases = [
      [{ trigger: { kind: 'moon-phase' } }, 'trigger.kind'],
      [{ trigger: { kind: 'store-enter' } }, 'targets.zones'],
      [{ schedule: { from: '2026-11-01', until: '2026-10-01' } }, 'schedule.until'],
      [
        {
          schedule: {
            from: '2026-11-01',
            windows: [{ days: ['mon'], start: '25:00', end: '10:00' }],
          },
        },
        'schedule.windows.0.start',
      ],
      [
        {
          audience: {
            kind: 'rule',
            rule: { match: 'all', conditions: [{ field: 'zodiac', op: 'in', value: ['leo'] }] },
          },
        },
        'audience.rule.conditions.0.field',
      ],
      [{ status: 'deleted' }, 'status'],
      [{ priority: 5000 }, 'priority'],
    ] as const;
    for (const [overrides, path] of cases) {
      const response = await post('/v1/campaigns', loungeDwell(overrides));
      expect(await problemPaths(response), path).toContain(path);
    }
  });

  it('refuses associates and edges, and answers 404 for an unknown campaign', async () => {
    for (const token of [callers.associate, callers.ginzaEdge]) {
      expect((await callers.call('/v1/campaigns', { token })).status).toBe(403);
      const write = await callers.call('/v1/campaigns', {
        token,
        method: 'POST',
        body: loungeDwell(),
      });
      expect(write.status).toBe(403);
    }
    expect(
      (await callers.call('/v1/campaigns/cmp_unknown', { token: callers.marketer })).status,
    ).toBe(404);
    const put = await callers.call('/v1/campaigns/cmp_unknown', {
      token: callers.marketer,
      method: 'PUT',
      body: loungeDwell(),
    });
    expect(put.status).toBe(404);
  });
});
